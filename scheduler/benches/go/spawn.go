// Spawn-and-complete: N goroutines that finish at once, waited with a WaitGroup.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const n = 1000000
	var wg sync.WaitGroup
	wg.Add(n)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		go wg.Done()
	}
	wg.Wait()
	fmt.Printf("ns=%d\n", time.Since(t0).Nanoseconds()/n)
}
