//go:build ignore

// Ping-pong: two goroutines bounce a counter N times over two unbuffered
// channels; prints N. usage: pingpong [N]  (default 1000000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	a, b, done := make(chan int), make(chan int), make(chan int)
	go func() {
		v := 0
		for i := 0; i < n; i++ {
			a <- v
			v = <-b
		}
		close(a)
		done <- v
	}()
	go func() {
		for v := range a {
			b <- v + 1
		}
	}()
	fmt.Println(<-done)
}
