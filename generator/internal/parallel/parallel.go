// Package parallel runs independent pieces of work on every core.
//
// Rules:
//   - Each calls f(i) once for every i from 0 to n-1, on at most workers
//     goroutines at once (every core when workers ≤ 0, never more than n),
//     and returns when every call that started has returned.
//   - Work is taken by counting, in order of i: no goroutine hands it out,
//     and none is woken for each piece.
//   - Once ctx is done, no further call starts; the calls under way finish.
//     The caller asks ctx whether everything ran.
//   - EachWorker is Each for work that keeps something per goroutine (a
//     buffer): each goroutine calls start once and uses the f it returns.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for every i below n, on at most workers goroutines.
func Each(ctx context.Context, workers, n int, f func(i int)) {
	EachWorker(ctx, workers, n, func() func(int) { return f })
}

// EachWorker is Each where each goroutine gets its own f from start.
func EachWorker(ctx context.Context, workers, n int, start func() func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			f := start()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
