package mikv

import (
	"sync"
	"sync/atomic"
)

// prefillBlocks runs work(w, b) for the blocks b = nb-1, …, 0 of a prompt
// (the latest, largest blocks first, so that the last ones to finish are
// short) on up to workers goroutines, w being the goroutine's index in
// [0, workers), and after each block merge(w, b), one merge at a time and
// in the same order, nb-1 first: a block's merge waits for the previous
// block's. So what the merges add up (the importance sums) is the same
// whatever the number of workers. It returns when every block is merged.
//
// It starts its goroutines on every call: a persistent worker pool can
// replace them (the blocks of a long prompt take milliseconds each, so
// starting two goroutines is not what costs).
func prefillBlocks(workers, nb int, work, merge func(w, b int)) {
	workers = max(1, min(workers, nb))
	if workers == 1 {
		for b := nb - 1; b >= 0; b-- {
			work(0, b)
			merge(0, b)
		}
		return
	}
	var (
		next   atomic.Int64
		mu     sync.Mutex
		merged = nb // block b merges once merged == b+1
		wg     sync.WaitGroup
	)
	turn := sync.NewCond(&mu)
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= nb {
					return
				}
				b := nb - 1 - i
				work(w, b)
				mu.Lock()
				for merged != b+1 {
					turn.Wait()
				}
				merge(w, b)
				merged = b
				turn.Broadcast()
				mu.Unlock()
			}
		})
	}
	wg.Wait()
}
