// Skynet: 10-ary tree, 1,000,000 leaf goroutines, sums over channels.
package main

import (
	"fmt"
	"time"
)

func skynet(c chan int, num int, size int, div int) {
	if size == 1 {
		c <- num
		return
	}
	rc := make(chan int)
	var sum int
	for i := 0; i < div; i++ {
		subNum := num + i*(size/div)
		go skynet(rc, subNum, size/div, div)
	}
	for i := 0; i < div; i++ {
		sum += <-rc
	}
	c <- sum
}

func main() {
	c := make(chan int)
	t0 := time.Now()
	go skynet(c, 0, 1000000, 10)
	r := <-c
	fmt.Printf("%d\nns=%d\n", r, time.Since(t0).Nanoseconds())
}
