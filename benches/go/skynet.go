//go:build ignore

// Skynet: a 10-ary tree of goroutines with N leaves (default 1000000);
// leaf k sends k, parents sum over an unbuffered channel; prints N*(N-1)/2.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func skynet(out chan<- int64, num, size int64) {
	if size == 1 {
		out <- num
		return
	}
	ch := make(chan int64)
	step := size / 10
	for i := int64(0); i < 10; i++ {
		go skynet(ch, num+i*step, step)
	}
	var total int64
	for i := 0; i < 10; i++ {
		total += <-ch
	}
	out <- total
}

func main() {
	n := int64(1000000)
	if len(os.Args) > 1 {
		v, _ := strconv.Atoi(os.Args[1])
		n = int64(v)
	}
	root := make(chan int64)
	go skynet(root, 0, n)
	fmt.Println(<-root)
}
