package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
)

// qualityPolicy is one row of the fidelity table.
type qualityPolicy struct {
	name string
	cfg  mikv.Config
}

// qualityPolicies returns the cache policies of the fidelity evaluation for
// a model of head dimension d (formats in groups of g = d, or 64 if d is
// larger): the paper's MiKV settings with and without the balancer, fp16
// or int8 important tiers over int2/int3/int4, H2O eviction and uniform
// round-to-nearest, plus configurations chosen to land on the budgets of
// about 25%, 33% and 50% of fp16 under the real accounting (at g = 8 an
// asymmetric group costs 4 bits per value of scale and min, a symmetric
// one 2), and rotation before quantization (Hadamard or random, keys and
// values) with and without the balancer at int2, int3 and int4.
func qualityPolicies(d int) []qualityPolicy {
	g := min(d, 64)
	q := func(bits int) lowbit.Format { return lowbit.Quant(bits, g) }
	qs := func(bits int) lowbit.Format { return lowbit.SymQuant(bits, g) }
	both := func(f lowbit.Format) mikv.Tier { return mikv.Tier{Key: f, Value: f} }
	base := mikv.DefaultConfig(1, 1, 1, d)
	base.Retained = both(q(2))
	mk := func(hi, lo mikv.Tier, r float64, balancer bool) mikv.Config {
		c := base
		c.Important, c.Retained, c.Ratio, c.Balancer = hi, lo, r, balancer
		return c
	}
	f16 := both(lowbit.F16)
	h2o := func(r float64) mikv.Config {
		c := mk(f16, both(q(2)), r, true)
		c.Evict = true
		return c
	}
	uniform := func(f lowbit.Format) mikv.Config { return mk(f16, both(f), 0, true) }
	pols := []qualityPolicy{
		{"full fp16", mk(f16, both(q(2)), 1, true)},
		// The paper's settings.
		{"MiKV f16/int2 r=0.2", mk(f16, both(q(2)), 0.2, true)},
		{"MiKV f16/int2 r=0.2 no balancer", mk(f16, both(q(2)), 0.2, false)},
		{"MiKV int8/int2 r=0.2", mk(both(q(8)), both(q(2)), 0.2, true)},
		{"MiKV int8/int2 r=0.2 no balancer", mk(both(q(8)), both(q(2)), 0.2, false)},
		{"MiKV f16/int3 r=0.2", mk(f16, both(q(3)), 0.2, true)},
		{"MiKV f16/int4 r=0.2", mk(f16, both(q(4)), 0.2, true)},
		{"MiKV int8/int3 r=0.2", mk(both(q(8)), both(q(3)), 0.2, true)},
		{"MiKV int8/int4 r=0.2", mk(both(q(8)), both(q(4)), 0.2, true)},
		{"H2O f16 r=0.2", h2o(0.2)},
		{"uniform int2", uniform(q(2))},
		{"uniform int3", uniform(q(3))},
		{"uniform int4", uniform(q(4))},
		// Matched budgets with symmetric formats (2 bits of scale per value).
		{"H2O f16 r=0.25", h2o(0.25)},
		{"uniform int2 sym", uniform(qs(2))},
		{"MiKV f16/int2sym r=0.05", mk(f16, both(qs(2)), 0.05, true)},
		{"MiKV int3sym/int2sym r=0.3", mk(both(qs(3)), both(qs(2)), 0.3, true)},
		{"H2O f16 r=0.33", h2o(1.0 / 3)},
		{"uniform int3 sym", uniform(qs(3))},
		{"MiKV f16/int2sym r=0.11", mk(f16, both(qs(2)), 0.11, true)},
		{"MiKV int8sym/int2sym r=0.22", mk(both(qs(8)), both(qs(2)), 0.22, true)},
		{"MiKV int4sym/int3sym r=0.3", mk(both(qs(4)), both(qs(3)), 0.3, true)},
		{"MiKV int4sym/int2sym r=0.5", mk(both(qs(4)), both(qs(2)), 0.5, true)},
		{"H2O f16 r=0.5", h2o(0.5)},
		{"uniform int6 sym", uniform(qs(6))},
		{"MiKV f16/int3sym r=0.27", mk(f16, both(qs(3)), 0.27, true)},
	}
	// Rotation before quantization (Hadamard, keys and values), against
	// and with the balancer: uniform int2, int3, int4 with neither, the
	// balancer (the rows above), Hadamard, both; and the paper's MiKV
	// setting with Hadamard and with a random rotation.
	had := mikv.Rotation{Kind: mikv.HadamardRotation, Values: true}
	rot := func(c mikv.Config, r mikv.Rotation) mikv.Config {
		c.Rotation = r
		return c
	}
	for _, b := range []int{2, 3, 4} {
		u := uniform(q(b))
		off := u
		off.Balancer = false
		name := fmt.Sprintf("uniform int%d", b)
		pols = append(pols,
			qualityPolicy{name + " no balancer", off},
			qualityPolicy{name + " hadamard no balancer", rot(off, had)},
			qualityPolicy{name + " hadamard", rot(u, had)})
	}
	paper := mk(f16, both(q(2)), 0.2, true)
	return append(pols,
		qualityPolicy{"MiKV f16/int2 r=0.2 hadamard", rot(paper, had)},
		qualityPolicy{"MiKV f16/int2 r=0.2 random", rot(paper, mikv.Rotation{Kind: mikv.RandomRotation, Values: true, Seed: 1})})
}

// budgetClasses are the memory budgets the table groups policies by, as
// shares of the fp16 cache.
var budgetClasses = []float64{0.2, 0.25, 1.0 / 3, 0.5}

// budgetClass returns the budget class a share falls in: the nearest one
// within 4 points, or 0 (the paper's own settings and the rest).
func budgetClass(share float64) float64 {
	best := 0.0
	for _, b := range budgetClasses {
		if d := share - b; d < 0.04 && d > -0.04 && (best == 0 || abs(d) < abs(share-best)) {
			best = b
		}
	}
	return best
}

func abs(x float64) float64 { return max(x, -x) }

// QualityReport is the result of -quality.
type QualityReport struct {
	Model     string        `json:"model"`
	Sequences int           `json:"sequences"`
	Length    int           `json:"length"`
	Prefill   int           `json:"prefill"`
	Policies  []PolicyScore `json:"policies"`
	Seconds   float64       `json:"seconds"`     // wall clock
	CPUSecs   float64       `json:"cpu_seconds"` // CPU time of the process (0 if unknown)
	Workers   int           `json:"workers"`
}

// runQuality is -quality: every policy on the model's samples, in a table.
func runQuality(o *options, rep *Report, w, progress io.Writer) error {
	if o.model == "" {
		return fmt.Errorf("-quality needs a checkpoint: -model FILE or LOWBIT_MODEL")
	}
	start := time.Now()
	cpu0, _ := processCPUTime()
	nseq := o.seqs
	if nseq <= 0 {
		nseq = 8
		if o.quick {
			nseq = 3
		}
	}
	e, err := newEvalSet(o.model, nseq, o.length, o.prefill, o.workers, progress)
	if err != nil {
		return err
	}
	pols := qualityPolicies(e.m.HeadDim())
	names := make([]string, len(pols))
	cfgs := make([]mikv.Config, len(pols))
	for i, p := range pols {
		names[i], cfgs[i] = p.name, p.cfg
	}
	scores, err := e.evaluate(names, cfgs, progress)
	if err != nil {
		return err
	}
	qr := &QualityReport{Model: baseName(o.model), Sequences: nseq, Length: len(e.seqs[0]), Prefill: e.prefill, Policies: scores,
		Seconds: time.Since(start).Seconds(), Workers: e.workers}
	if cpu, ok := processCPUTime(); ok {
		qr.CPUSecs = (cpu - cpu0).Seconds()
	}
	rep.Quality = qr
	printQuality(w, rep, qr, e.m.HeadDim())
	fmt.Fprintf(progress, "bench: done in %.0f s\n", qr.Seconds)
	return nil
}

// printQuality prints the fidelity table, grouped by budget.
func printQuality(w io.Writer, rep *Report, qr *QualityReport, headDim int) {
	fmt.Fprintf(w, "lowbit bench -quality, %s, %s\nCPU: %s\n\n", rep.Date, rep.GoVersion, rep.CPU)
	fmt.Fprintf(w, `Cache fidelity on %s (head dimension %d): %d of the model's own samples
from BOS (seeds 1-%d), %d tokens each, teacher-forced: a %d-token prompt by Prefill,
then one Decode per token. Per predicted position, KL(exact || policy) of the
next-token distributions in nats, exact = float32 attention over float32 keys
and values. Mean ± standard error over sequences, 95th percentile over
positions, top-1 agreement. Share: the cache's codes, scales and mins after
the sequence, as a share of an fp16 cache (at group %d an asymmetric format
pays 4 bits per value for its fp16 scale and min, a symmetric one 2).
`, qr.Model, headDim, qr.Sequences, qr.Sequences, qr.Length, qr.Prefill, min(headDim, 64))
	type row struct {
		PolicyScore
		class float64
	}
	rows := make([]row, len(qr.Policies))
	for i, p := range qr.Policies {
		rows[i] = row{p, budgetClass(p.Share)}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		if c := cmp.Compare(b.class, a.class); c != 0 {
			return c
		}
		return cmp.Compare(a.MeanKL, b.MeanKL)
	})
	last := -1.0
	for _, r := range rows {
		if r.class != last {
			if r.class == 0 {
				fmt.Fprintf(w, "\nother budgets\n")
			} else {
				fmt.Fprintf(w, "\nbudget ~%.0f%% of fp16\n", 100*r.class)
			}
			fmt.Fprintf(w, "  %-34s %6s  %-17s %8s %6s\n", "policy", "share", "mean KL ± s.e.", "p95 KL", "top-1")
			last = r.class
		}
		fmt.Fprintf(w, "  %-34s %5.1f%%  %7.4f ± %-7.4f %8.4f %6.3f\n", r.Name, 100*r.Share, r.MeanKL, r.KLStdErr, r.P95KL, r.Top1)
	}
	fmt.Fprintf(w, "\n%d policies in %s.\n", len(qr.Policies), runTime(qr.Seconds, qr.CPUSecs, qr.Workers))
}
