//go:build ignore

// N goroutines (default 1000000) each blocked receiving on one shared
// unbuffered channel; once all have started, main releases them one value
// each and collects what they pass on; prints the sum 0+1+...+(N-1).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	gate, done := make(chan int), make(chan int)
	var started sync.WaitGroup
	started.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			done <- <-gate
		}()
	}
	started.Wait()
	for i := 0; i < n; i++ {
		gate <- i
	}
	total := 0
	for i := 0; i < n; i++ {
		total += <-done
	}
	fmt.Println(total)
}
