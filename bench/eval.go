package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/examples/llama2c"
	"github.com/lowbit-ml/lowbit/mikv"
)

// evalSet is the data of a fidelity evaluation: a model, sequences of its
// own samples, and the exact next-token log-probabilities after every
// token past the prompt.
type evalSet struct {
	m       *llama2c.Model
	seqs    [][]int
	prefill int         // prompt tokens (Prefill); the rest is decoded one by one
	ref     [][]float64 // per sequence: (len-prefill) × Vocab log-probabilities, exact attention
	workers int
}

// newEvalSet loads the model (float32 weights), draws nseq samples of the
// model's full context from BOS with seeds 1..nseq, and computes the exact
// reference, nseq sequences in parallel.
func newEvalSet(path string, nseq, length, prefill, workers int, progress io.Writer) (*evalSet, error) {
	w, err := llama2c.Load(path)
	if err != nil {
		return nil, err
	}
	m, err := llama2c.NewModel(w, lowbit.F32)
	if err != nil {
		return nil, err
	}
	if length <= 0 || length > m.SeqLen {
		length = m.SeqLen
	}
	if prefill < 1 || prefill >= length {
		return nil, fmt.Errorf("prompt of %d tokens for sequences of %d", prefill, length)
	}
	e := &evalSet{m: m, seqs: make([][]int, nseq), prefill: prefill, ref: make([][]float64, nseq), workers: max(1, workers)}
	fmt.Fprintf(progress, "bench: sampling %d sequences of %d tokens and their exact next-token distributions\n", nseq, length)
	errs := make([]error, nseq)
	e.parallel(nseq, func(i int) {
		if e.seqs[i], errs[i] = llama2c.Sample(m, uint64(i+1), length); errs[i] != nil {
			return
		}
		var logits [][]float32
		if logits, errs[i] = e.logits(i, llama2c.Exact(m.Config)); errs[i] != nil {
			return
		}
		e.ref[i] = make([]float64, len(logits)*m.Vocab)
		for t, l := range logits {
			llama2c.LogSoftmax(e.ref[i][t*m.Vocab:(t+1)*m.Vocab], l)
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return e, nil
}

// parallel runs fn(0..n-1) on e.workers goroutines.
func (e *evalSet) parallel(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(e.workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// logits runs sequence i through a session attending with att: Prefill of
// the prompt, then one Decode per token, teacher-forced. It returns the
// next-token logits after each token from the prompt's last one on (the
// last token's prediction is not used: nothing follows it).
func (e *evalSet) logits(i int, att []llama2c.Attention) ([][]float32, error) {
	m, seq := e.m, e.seqs[i]
	s, err := m.NewSession(att)
	if err != nil {
		return nil, err
	}
	var out [][]float32
	l := make([]float32, m.Vocab)
	if err := s.Prefill(seq[:e.prefill], l); err != nil {
		return nil, err
	}
	out = append(out, slices.Clone(l))
	for _, tok := range seq[e.prefill : len(seq)-1] {
		if err := s.Decode(tok, l); err != nil {
			return nil, err
		}
		out = append(out, slices.Clone(l))
	}
	return out, nil
}

// seqScore is one policy on one sequence.
type seqScore struct {
	kl    []float64 // KL(exact || policy) at each predicted position
	agree int       // positions whose most likely token is the exact one's
	share float64   // the cache's size as a share of fp16 after the sequence
	bytes int64     // the cache's codes, scales and mins
}

// score runs sequence i through a mikv cache with cfg (its shape set to
// the model's) and compares each next-token distribution with the exact
// one.
func (e *evalSet) score(i int, cfg mikv.Config) (seqScore, error) {
	cache, err := mikv.New(e.m.MiKVConfig(cfg))
	if err != nil {
		return seqScore{}, err
	}
	logits, err := e.logits(i, llama2c.MiKV(cache))
	if err != nil {
		return seqScore{}, err
	}
	v := e.m.Vocab
	lq := make([]float64, v)
	s := seqScore{kl: make([]float64, len(logits))}
	for t, l := range logits {
		lp := e.ref[i][t*v : (t+1)*v]
		llama2c.LogSoftmax(lq, l)
		var kl float64
		bp, bq := 0, 0
		for j, a := range lp {
			kl += math.Exp(a) * (a - lq[j])
			if a > lp[bp] {
				bp = j
			}
			if lq[j] > lq[bq] {
				bq = j
			}
		}
		s.kl[t] = max(kl, 0)
		if bp == bq {
			s.agree++
		}
	}
	st := cache.Stats()
	s.share, s.bytes = st.ShareOfF16, st.CodeBytes+st.ScaleBytes
	return s, nil
}

// PolicyScore is one cache configuration over every sequence.
type PolicyScore struct {
	Name   string `json:"name"`
	Policy string `json:"policy"` // mikv.Config.String()
	// Share is the cache's size as a share of the fp16 cache after the
	// full sequence (measured by Stats: codes, scales, mins), the mean over
	// sequences.
	Share float64 `json:"share_of_f16"`
	// MeanKL is the mean over predicted positions of KL(exact || policy) in
	// nats; KLStdErr the standard error of the per-sequence means;
	// P95KL the 95th percentile over all positions.
	MeanKL   float64   `json:"mean_kl"`
	KLStdErr float64   `json:"kl_std_err"`
	P95KL    float64   `json:"p95_kl"`
	Top1     float64   `json:"top1_agreement"`
	SeqKL    []float64 `json:"seq_kl"` // per sequence
}

// evaluate scores every configuration on every sequence, the (config,
// sequence) pairs spread over the workers, and reports progress per
// configuration done.
func (e *evalSet) evaluate(names []string, cfgs []mikv.Config, progress io.Writer) ([]PolicyScore, error) {
	n := len(e.seqs)
	scores := make([]seqScore, len(cfgs)*n)
	errs := make([]error, len(cfgs)*n)
	var mu sync.Mutex
	left := make([]int, len(cfgs))
	for i := range left {
		left[i] = n
	}
	done := 0
	e.parallel(len(cfgs)*n, func(j int) {
		c, s := j/n, j%n
		scores[j], errs[j] = e.score(s, cfgs[c])
		mu.Lock()
		if left[c]--; left[c] == 0 {
			done++
			fmt.Fprintf(progress, "bench: [%d/%d] %s\n", done, len(cfgs), names[c])
		}
		mu.Unlock()
	})
	out := make([]PolicyScore, len(cfgs))
	for c := range cfgs {
		ps := PolicyScore{Name: names[c], Policy: e.m.MiKVConfig(cfgs[c]).String()}
		var all []float64
		agree, positions := 0, 0
		for s := 0; s < n; s++ {
			if err := errs[c*n+s]; err != nil {
				return nil, fmt.Errorf("%s: %w", names[c], err)
			}
			sc := scores[c*n+s]
			all = append(all, sc.kl...)
			agree += sc.agree
			positions += len(sc.kl)
			ps.SeqKL = append(ps.SeqKL, mean(sc.kl))
			ps.Share += sc.share / float64(n)
		}
		ps.MeanKL = mean(all)
		ps.KLStdErr = stdErr(ps.SeqKL)
		ps.P95KL = quantile(all, 0.95)
		ps.Top1 = float64(agree) / float64(positions)
		out[c] = ps
	}
	return out, nil
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// stdErr returns the standard error of the mean of x.
func stdErr(x []float64) float64 {
	if len(x) < 2 {
		return math.NaN()
	}
	m := mean(x)
	var ss float64
	for _, v := range x {
		ss += (v - m) * (v - m)
	}
	return math.Sqrt(ss / float64(len(x)-1) / float64(len(x)))
}

// quantile returns the q-quantile of x (nearest rank); x is not changed.
func quantile(x []float64, q float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	i := int(math.Ceil(q*float64(len(s)))) - 1
	return s[max(0, min(len(s)-1, i))]
}
