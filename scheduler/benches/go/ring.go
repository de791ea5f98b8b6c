// Thread ring: 503 goroutines pass a token N times over unbuffered channels.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	const threads = 503
	chans := make([]chan int, threads)
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan int, 1)
	for id := 0; id < threads; id++ {
		go func(id int, in, out chan int) {
			for {
				t := <-in
				if t == 0 {
					done <- id + 1
					return
				}
				out <- t - 1
			}
		}(id, chans[id], chans[(id+1)%threads])
	}
	t0 := time.Now()
	chans[0] <- n
	w := <-done
	fmt.Printf("%d\nns=%d\n", w, time.Since(t0).Nanoseconds())
}
