//go:build ignore

// CPU-bound: K goroutines (default 8) each run an integer loop of M
// iterations (default 2000000); main sums their results over a channel.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func work(seed, m int64, out chan<- int64) {
	x, acc := seed, int64(0)
	for i := int64(0); i < m; i++ {
		x = (x*1103515245 + 12345) & 0x7FFFFFFF
		acc += x%1000 - i%7
	}
	out <- acc
}

func main() {
	k, m := 8, int64(2000000)
	if len(os.Args) > 1 {
		k, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		v, _ := strconv.Atoi(os.Args[2])
		m = int64(v)
	}
	out := make(chan int64)
	for s := 0; s < k; s++ {
		go work(int64(s), m, out)
	}
	var total int64
	for s := 0; s < k; s++ {
		total += <-out
	}
	fmt.Println(total)
}
