package mikv

import (
	"runtime"
	"sync/atomic"
	"time"
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
//
// Waking a parked goroutine, and parking one, each cost from a few to tens
// of microseconds (a futex, and on a VM a hypercall), as much as a whole
// decode step of a KV head at a few thousand tokens. So a helper that has
// finished a job polls for the next one for a while (Config.WorkerSpin)
// before it parks, and a caller whose tasks are all taken polls for their
// end for as long before it parks: in a decode loop, where a layer's
// phases and the next layer's call follow within microseconds, nobody
// parks. (mikv, 4K tokens × 8 KV heads, int8 queries, Workers 2, with busy
// work between steps, Xeon model 167 VM: 200 µs of it took Workers 2
// against 1 from 1.8 to 1.4-1.6, the helper parking and waking each step;
// polling for 2 ms kept 1.8.) A helper yields
// the processor (runtime.Gosched) between looks, so other goroutines run.
type workers struct {
	jobs chan *job
	n    int           // helpers
	spin time.Duration // how long to poll before parking (Config.WorkerSpin)
	live atomic.Int32  // helpers not yet stopped (read by tests)
}

// job is one parallel phase of a Layer call: tasks 0…n−1 of fn, taken in
// that order. A Layer reuses its job from call to call; a helper that
// takes a job from the channel after its tasks are gone finds nothing
// left and drops it.
type job struct {
	fn   func(i int)
	n    int
	todo atomic.Int64  // tasks not yet taken: the next task is n−todo
	left atomic.Int64  // tasks not yet finished
	done chan struct{} // one value per run, sent by the task that finishes last
}

// newWorkers starts n helpers that poll for spin before they park.
func newWorkers(n int, spin time.Duration) *workers {
	w := &workers{jobs: make(chan *job, 4*n), n: n, spin: spin}
	w.live.Store(int32(n))
	for range n {
		go w.serve()
	}
	return w
}

// serve runs the helper loop until the channel is closed.
func (w *workers) serve() {
	defer w.live.Add(-1)
	for {
		j, ok := w.poll()
		if !ok {
			return
		}
		j.work()
	}
}

// poll returns the next job, polling for w.spin before it parks; false
// when the channel is closed.
func (w *workers) poll() (*job, bool) {
	var start time.Time
	for i := 0; ; i++ {
		select {
		case j, ok := <-w.jobs:
			return j, ok
		default:
		}
		if i == 0 {
			start = time.Now()
		} else if time.Since(start) > w.spin {
			j, ok := <-w.jobs
			return j, ok
		}
		runtime.Gosched()
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
		if j.left.Add(-1) == 0 {
			j.done <- struct{}{} // buffered: the caller takes it in wait
		}
	}
}

// wait returns when every task of j has finished (the last one's value on
// j.done), polling for spin before it parks. It polls without
// yielding: runtime.Gosched on a goroutine locked to its thread (as a
// caller may be) hands the processor to another thread, which costs as
// much as parking. With one processor the tasks left can only run once
// the caller parks, so it parks at once. The receive orders the tasks'
// writes before the caller's reads.
func (j *job) wait(spin time.Duration) {
	if runtime.GOMAXPROCS(0) > 1 {
		start := time.Now()
		for i := 1; i%64 != 0 || time.Since(start) <= spin; i++ {
			select {
			case <-j.done:
				return
			default:
			}
		}
	}
	<-j.done
}

// workerSet is what a cache and its layers hold: the helpers, stopped when
// no cache, layer or pool holds the set any more (the helpers themselves
// hold only the workers).
type workerSet struct {
	w *workers
}

// newWorkerSet returns the helpers of c (Workers and the polling time of
// WorkerSpin): nil (the caller runs everything) for Workers <= 1.
func newWorkerSet(c *Config) *workerSet {
	if c.Workers <= 1 {
		return nil
	}
	s := &workerSet{w: newWorkers(c.Workers-1, c.spin())}
	runtime.AddCleanup(s, func(w *workers) { close(w.jobs) }, s.w)
	return s
}

// spin returns the helpers' polling time (for no helpers, the default's).
func (s *workerSet) spin() time.Duration {
	if s == nil {
		return DefaultWorkerSpin
	}
	return s.w.spin
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
	if j.done == nil {
		j.done = make(chan struct{}, 1)
	}
	j.fn, j.n = fn, n
	j.left.Store(int64(n))
	j.todo.Store(int64(n)) // publishes fn and n to the helpers that take a task
	for range min(s.w.n, n-1) {
		select {
		case s.w.jobs <- j:
		default: // every helper is busy and the queue full: the caller does more
		}
	}
	j.work()
	j.wait(s.w.spin)
}
