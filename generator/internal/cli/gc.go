package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapFloor paces the garbage collector for one build: no collection until
// the heap reaches floor bytes, then, once the live heap is large enough
// that GOGC=pct would wait that long anyway, GOGC=pct. A build's heap
// starts near zero and grows to the page graph and converted bodies: with
// GOGC alone the collector runs a dozen times while it is small, marking
// the same young graph again each time, for no saving in peak memory.
type heapFloor struct {
	floor uint64
	pct   int

	mu      sync.Mutex
	done    bool
	oldPct  int
	samples []metrics.Sample
}

// sentinel is an object whose finalizer runs after each collection.
type sentinel struct{ _ *int }

// startHeapFloor sets the collector as heapFloor says; stop restores the
// settings there were before.
func startHeapFloor(floor uint64, pct int) (stop func()) {
	h := &heapFloor{floor: floor, pct: pct, samples: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	h.oldPct = debug.SetGCPercent(h.percent(0))
	h.arm()
	return func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.done = true
		debug.SetGCPercent(h.oldPct)
	}
}

func (h *heapFloor) arm() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) { h.collected() })
}

// collected runs after a collection: once GOGC=pct's target is above the
// floor, it takes over.
func (h *heapFloor) collected() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done {
		return
	}
	metrics.Read(h.samples)
	pct := h.percent(h.samples[0].Value.Uint64())
	debug.SetGCPercent(pct)
	if pct == h.pct {
		h.done = true
		return
	}
	h.arm()
}

// percent is the GOGC that puts the next collection at the floor, or pct
// once pct puts it higher.
func (h *heapFloor) percent(live uint64) int {
	if live+live*uint64(h.pct)/100 >= h.floor {
		return h.pct
	}
	// The runtime also collects no sooner than at 4 MiB × GOGC/100, so
	// for a small heap that minimum sets the floor.
	const heapMinimum = 4 << 20
	limit := h.floor * 100 / heapMinimum
	if live == 0 {
		return int(limit)
	}
	return int(min((h.floor-live)*100/live, limit))
}
