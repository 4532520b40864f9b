// Package parallel runs independent work on a bounded pool of goroutines.
package parallel

import (
	"runtime"
	"sync"
)

// For runs fn(0..n-1) on a bounded pool of GOMAXPROCS workers and
// returns when all calls have.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
