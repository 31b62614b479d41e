package mikv

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers is a set of persistent goroutines (helpers) that run the tasks
// of Layer calls beside the calling goroutine: the heads of a step, and the
// splits of each head's attention (flash-decoding). A cache with Workers
// w > 1 has w−1 helpers, shared by its layers, its clones, and, for a
// cache of a Pool, by every cache of the pool; no goroutine is started per
// call.
//
// A call posts its job to the helpers without blocking and works on it
// itself: helpers busy with another job (another layer, another sequence
// of the pool) leave more of it to the caller, never block it. Tasks are
// taken from an atomic counter, and each task writes only its own part of
// the results, so the result does not depend on which goroutine ran which
// task, nor on how many there are.
type workers struct {
	jobs chan *job
	n    int          // helpers
	live atomic.Int32 // helpers not yet stopped (read by tests)
}

// job is one parallel phase of a Layer call: tasks 0…n−1 of fn, taken in
// that order. A Layer reuses its job from call to call; a helper that
// takes a job from the channel after its tasks are gone finds nothing
// left and drops it.
type job struct {
	fn   func(i int)
	n    int
	todo atomic.Int64 // tasks not yet taken: the next task is n−todo
	wg   sync.WaitGroup
}

// newWorkers starts n helpers.
func newWorkers(n int) *workers {
	w := &workers{jobs: make(chan *job, 4*n), n: n}
	w.live.Store(int32(n))
	for range n {
		go w.serve()
	}
	return w
}

// serve runs the helper loop until the channel is closed.
func (w *workers) serve() {
	defer w.live.Add(-1)
	for j := range w.jobs {
		j.work()
	}
}

// work runs tasks of j until none is left.
func (j *job) work() {
	for {
		left := int(j.todo.Add(-1))
		if left < 0 {
			return
		}
		j.fn(j.n - 1 - left)
		j.wg.Done()
	}
}

// workerSet is what a cache and its layers hold: the helpers, stopped when
// no cache, layer or pool holds the set any more (the helpers themselves
// hold only the workers).
type workerSet struct {
	w *workers
}

// newWorkerSet returns the helpers for Config.Workers = n: nil (the caller
// runs everything) for n <= 1.
func newWorkerSet(n int) *workerSet {
	if n <= 1 {
		return nil
	}
	s := &workerSet{w: newWorkers(n - 1)}
	runtime.AddCleanup(s, func(w *workers) { close(w.jobs) }, s.w)
	return s
}

// size returns the goroutines a call runs on: the helpers and the caller.
func (s *workerSet) size() int {
	if s == nil {
		return 1
	}
	return s.w.n + 1
}

// run runs fn(i) for i in [0, n) through j, spread over the caller and the
// helpers, and returns when every task has run. j must not be in use by
// another call. Without helpers, or for one task, the caller runs them in
// order.
func (s *workerSet) run(j *job, n int, fn func(i int)) {
	if s == nil || n <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	j.fn, j.n = fn, n
	j.wg.Add(n)
	j.todo.Store(int64(n)) // publishes fn and n to the helpers that take a task
	for range min(s.w.n, n-1) {
		select {
		case s.w.jobs <- j:
		default: // every helper is busy and the queue full: the caller does more
		}
	}
	j.work()
	j.wg.Wait()
}
