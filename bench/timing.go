package main

import (
	"math"
	"slices"
	"time"
)

// timing says how long to measure one operation.
type timing struct {
	// minSample is the shortest sample: the operation is repeated within
	// a sample until the sample lasts at least this long, so that the
	// timer's resolution and call overhead do not matter.
	minSample time.Duration
	// samples is the number of samples whose median is reported, at most.
	samples int
	// budget caps the time spent on one operation: an operation so slow
	// that samples*duration exceeds it gets fewer samples (never fewer
	// than minSamples).
	budget time.Duration
}

// minSamples is the fewest samples a median is taken of.
const minSamples = 3

// measure times op (after a warm-up) and returns the median
// nanoseconds per run.
func (t timing) measure(op func()) float64 { return t.measureAll([]func(){op})[0] }

// measureAll times the operations side by side and returns the median
// nanoseconds per run of each. Each gets a warm-up (which also sizes its
// samples); then the samples take turns (a b c a b c ...), so that a
// burst of load from elsewhere on the machine hits every operation alike
// and their ratios stay meaningful.
func (t timing) measureAll(ops []func()) []float64 {
	reps := make([]int, len(ops))
	n := t.samples
	for i, op := range ops {
		once := warmUp(op, t.minSample)
		reps[i] = 1
		if once < t.minSample {
			reps[i] = int(math.Ceil(float64(t.minSample) / float64(once)))
		}
		if t.budget > 0 {
			per := time.Duration(reps[i]) * once
			n = min(n, max(minSamples, int(t.budget/per)))
		}
	}
	ns := make([][]float64, len(ops))
	for s := 0; s < n; s++ {
		for i, op := range ops {
			start := time.Now()
			for range reps[i] {
				op()
			}
			ns[i] = append(ns[i], float64(time.Since(start).Nanoseconds())/float64(reps[i]))
		}
	}
	med := make([]float64, len(ops))
	for i := range ops {
		med[i] = median(ns[i])
	}
	return med
}

// warmUp runs op once (page faults, caches, branch predictors; under an
// emulator, translating its code) and returns how long one run takes: the
// fastest of up to warmUpRuns runs, stopping at the first that takes
// minSample or longer, so that a slow first run does not size the samples
// of a fast operation.
func warmUp(op func(), minSample time.Duration) time.Duration {
	once := time.Duration(math.MaxInt64)
	for range warmUpRuns {
		start := time.Now()
		op()
		el := max(time.Since(start), time.Nanosecond)
		once = min(once, el)
		if el >= minSample {
			break
		}
	}
	return once
}

// warmUpRuns bounds the runs warmUp makes.
const warmUpRuns = 3

// median returns the median of x (the mean of the middle two for an even
// count); x is reordered.
func median(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	slices.Sort(x)
	m := len(x) / 2
	if len(x)%2 == 1 {
		return x[m]
	}
	return (x[m-1] + x[m]) / 2
}
