//go:build ignore

// Thread-ring: 503 goroutines in a ring of unbuffered channels pass a token
// N times; prints the 1-based id of the holder when it reaches zero.
// usage: ring [N]  (default 1000000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

const size = 503

func member(id int, in <-chan int, out chan<- int, done chan<- int) {
	for {
		t := <-in
		if t == 0 {
			done <- id
			return
		}
		out <- t - 1
	}
}

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	chans := make([]chan int, size)
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan int)
	for i := 0; i < size; i++ {
		go member(i+1, chans[i], chans[(i+1)%size], done)
	}
	chans[0] <- n
	fmt.Println(<-done)
}
