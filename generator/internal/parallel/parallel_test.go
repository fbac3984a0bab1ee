package parallel_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/eventnews/gen/generator/internal/parallel"
)

// Every index is called once, whatever the number of workers.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{-1, 0, 1, 3, 100} {
		for _, n := range []int{0, 1, 7, 1000} {
			calls := make([]atomic.Int32, n)
			parallel.Each(context.Background(), workers, n, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("workers %d, n %d: f(%d) called %d times", workers, n, i, c)
				}
			}
		}
	}
}

// No more than workers calls run at once, and each goroutine starts one
// worker of its own.
func TestEachWorkerBoundsTheGoroutines(t *testing.T) {
	var running, most, starts atomic.Int32
	parallel.EachWorker(context.Background(), 3, 200, func() func(int) {
		starts.Add(1)
		return func(int) {
			now := running.Add(1)
			for {
				m := most.Load()
				if now <= m || most.CompareAndSwap(m, now) {
					break
				}
			}
			running.Add(-1)
		}
	})
	if most.Load() > 3 || starts.Load() > 3 || starts.Load() == 0 {
		t.Fatalf("at most %d at once and %d workers started, want ≤ 3", most.Load(), starts.Load())
	}
}

// Once the context is done, no further call starts.
func TestEachStopsWhenTheContextIsDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	var called []int
	parallel.Each(ctx, 1, 100, func(i int) {
		mu.Lock()
		called = append(called, i)
		mu.Unlock()
		if i == 4 {
			cancel()
		}
	})
	if len(called) != 5 {
		t.Fatalf("called %v after the context was cancelled at 4", called)
	}
}
