package mikv

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Shape of the quality tests: the paper's head dimension (groups of 64, so
// scales and mins cost 0.5 bits a value), GQA with 4 query heads.
const qualQHeads, qualKVHeads, qualDim, qualPrompt, qualLen = 4, 1, 128, 384, 640

// reference holds a sequence and its exact attention outputs.
type reference struct {
	s     *seq
	exact [][]float64
}

func newReference(pat pattern) *reference {
	s := outlierSeq(rand.New(rand.NewPCG(3, 4)), pat, qualPrompt, qualLen, qualQHeads, qualKVHeads, qualDim)
	r := &reference{s: s, exact: make([][]float64, qualLen)}
	for i := qualPrompt; i < qualLen; i++ {
		r.exact[i] = exactAttention(s, i)
	}
	return r
}

// decodeError runs cfg over the reference sequence (the prompt through
// Prefill, the rest through Decode) and returns the mean relative L2 error
// of the decode steps' outputs, and the cache's share of fp16.
func (r *reference) decodeError(t *testing.T, cfg Config) (float64, float64) {
	l := newTestCache(t, cfg).Layer(0)
	outs := runSeq(t, l, r.s, qualPrompt)
	var sum float64
	for i := qualPrompt; i < qualLen; i++ {
		sum += relErr(outs[i], r.exact[i])
	}
	return sum / float64(qualLen-qualPrompt), l.Stats().ShareOfF16
}

// asserted are the configurations TestQualityAtEqualMemory compares; the
// others are printed for the figures, and skipped with -short.
var asserted = map[string]bool{"mikv": true, "h2o": true, "uniform-int2": true, "mikv-no-balancer": true, "mikv-int8-queries": true, "mikv-int8-weights": true, "mikv-int8-int4": true, "mikv-int8-int4-w": true}

type namedConfig struct {
	name string
	cfg  Config
}

// qualityConfigs returns the policies compared at about a third of the
// fp16 cache: MiKV as in the paper, H2O eviction at the same memory,
// uniform quantization, and variants.
func qualityConfigs() []namedConfig {
	base := DefaultConfig(1, qualKVHeads, qualQHeads, qualDim)
	with := func(f func(c *Config)) Config {
		c := base
		f(&c)
		return c
	}
	q := func(bits int) lowbit.Format { return lowbit.Quant(bits, 64) }
	return []namedConfig{
		{"mikv", base},
		{"h2o", with(func(c *Config) { c.Evict, c.Ratio = true, base.ShareOfF16() })},
		{"uniform-int2", with(func(c *Config) { c.Ratio = 0 })},
		{"mikv-no-balancer", with(func(c *Config) { c.Balancer = false })},
		{"mikv-int8-queries", with(func(c *Config) { c.Int8Queries = true })},
		{"mikv-int8-weights", with(func(c *Config) { c.Int8Weights = true })},
		{"mikv-normalized", with(func(c *Config) { c.Selection = Normalized })},
		{"mikv-recency", with(func(c *Config) { c.Selection = Recency })},
		{"mikv-random", with(func(c *Config) { c.Selection = Random })},
		{"mikv-int8-int2", with(func(c *Config) { c.Important = Tier{q(8), q(8)} })},
		{"mikv-int8-int4", with(func(c *Config) { c.Important, c.Retained = Tier{q(8), q(8)}, Tier{q(4), q(4)} })},
		{"mikv-int6-int4", with(func(c *Config) { c.Important, c.Retained = Tier{q(6), q(6)}, Tier{q(4), q(4)} })},
		{"uniform-int4", with(func(c *Config) { c.Ratio, c.Retained = 0, Tier{q(4), q(4)} })},
		{"uniform-int4-int8w", with(func(c *Config) { c.Ratio, c.Retained, c.Int8Weights = 0, Tier{q(4), q(4)}, true })},
		{"mikv-int8-int4-w", with(func(c *Config) { c.Important, c.Retained, c.Int8Weights = Tier{q(8), q(8)}, Tier{q(4), q(4)}, true })},
		{"uniform-int5", with(func(c *Config) { c.Ratio, c.Retained = 0, Tier{q(5), q(5)} })},
	}
}

// On synthetic data with key outlier channels, a sink, heavy hitters and
// lookups of prompt tokens after the prompt (the paper's Line Retrieval
// situation), MiKV's output error at a third of the fp16 cache is lower
// than H2O's eviction at the same memory and than uniform int2's, the
// balancer lowers it, and int8 queries (DotQ8) and int8 weights (AddWeightedQ8, on the
// retained tier only) add next to nothing, on 2-bit values and on 4-bit
// ones. (On a uniform cache, Ratio 0, the heavy hitters are rounded among
// the rest: uniform-int4-int8w, figures only, shows what that costs.) The log holds every policy's figures, and those of
// the same data without lookups (no assertions there: when every query
// attends to what the prompt attended to, eviction loses little).
func TestQualityAtEqualMemory(t *testing.T) {
	if raceDetector {
		t.Skip("single-goroutine figures: run without -race")
	}
	for _, pat := range []struct {
		name string
		p    pattern
	}{{"retrieval", retrieval}, {"no-lookups", noLookups}} {
		t.Run(pat.name, func(t *testing.T) {
			if testing.Short() && pat.name != "retrieval" {
				t.Skip("figures only; -short runs the asserted comparisons")
			}
			ref := newReference(pat.p)
			errs := map[string]float64{}
			for _, c := range qualityConfigs() {
				if testing.Short() && !asserted[c.name] {
					continue
				}
				e, share := ref.decodeError(t, c.cfg)
				errs[c.name] = e
				t.Logf("%-17s share of fp16 %5.1f%%  mean relative output error %.4f   (%s)", c.name, 100*share, e, c.cfg)
			}
			if pat.name != "retrieval" {
				return
			}
			assert.Less(t, errs["mikv"], errs["h2o"], "MiKV against H2O eviction at the same memory")
			assert.Less(t, errs["mikv"], errs["uniform-int2"], "MiKV against uniform int2")
			assert.Less(t, errs["mikv"], errs["mikv-no-balancer"], "the balancer")
			assert.Less(t, errs["mikv-int8-queries"], 1.02*errs["mikv"], "int8 queries add next to no error")
			assert.Less(t, errs["mikv-int8-weights"], 1.02*errs["mikv"], "int8 weights add next to no error")
			assert.Less(t, errs["mikv-int8-int4-w"], 1.05*errs["mikv-int8-int4"], "int8 weights on a 4-bit retained tier add little error")
		})
	}
}

// The balancer lowers the error that quantizing keys puts into the
// attention logits, on keys with outlier channels: every key is quantized
// (Ratio 0), and the logits of later queries against the stored keys are
// compared with the exact ones.
func TestBalancerLowersKeyError(t *testing.T) {
	if raceDetector {
		t.Skip("single-goroutine figures: run without -race")
	}
	s := outlierSeq(rand.New(rand.NewPCG(5, 6)), retrieval, qualPrompt, qualLen, qualQHeads, qualKVHeads, qualDim)
	logitErr := func(balance bool, f lowbit.Format) float64 {
		cfg := DefaultConfig(1, qualKVHeads, qualQHeads, qualDim)
		cfg.Ratio, cfg.Balancer = 0, balance
		cfg.Retained = Tier{Key: f, Value: f}
		l := newTestCache(t, cfg).Layer(0)
		runSeq(t, l, s, qualPrompt)
		h := l.heads[0]
		require.Equal(t, qualLen, h.ret.n)
		k, v := make([]float32, qualDim), make([]float32, qualDim)
		var se float64
		var cnt int
		for slot := range h.ret.n {
			h.ret.read(slot, k, v)
			p, i := h.ret.slot(slot)
			orig := s.k[int(p.pos[i])*qualDim:][:qualDim]
			for tq := qualLen - 32; tq < qualLen; tq++ {
				q := s.q[tq*qualQHeads*qualDim:][:qualDim]
				var got, want float64
				for c := range qualDim {
					qc := float64(q[c])
					if h.bal.inv != nil {
						qc *= float64(h.bal.inv[c])
					}
					got += qc * float64(k[c])
					want += float64(q[c]) * float64(orig[c])
				}
				d := (got - want) / math.Sqrt(qualDim)
				se += d * d
				cnt++
			}
		}
		return math.Sqrt(se / float64(cnt))
	}
	for _, bits := range []int{2, 3, 4} {
		f := lowbit.Quant(bits, 64)
		t.Run(f.String(), func(t *testing.T) {
			off, on := logitErr(false, f), logitErr(true, f)
			t.Logf("rms logit error of %s keys: %.3f without the balancer, %.3f with it", f, off, on)
			assert.Less(t, on, off/2, fmt.Sprintf("the balancer should at least halve the logit error of %s keys", f))
		})
	}
}

// rotationVariants are the rows of TestRotationQuality: neither the
// balancer nor a rotation, each alone, and both (balance first, then
// rotate), for Hadamard and a random rotation; rotations cover keys and
// values, and "both-keys" rotates keys only.
var rotationVariants = []struct {
	name     string
	balancer bool
	rot      Rotation
}{
	{"neither", false, Rotation{}},
	{"balancer", true, Rotation{}},
	{"hadamard", false, Rotation{Kind: HadamardRotation, Values: true}},
	{"both", true, Rotation{Kind: HadamardRotation, Values: true}},
	{"both-keys", true, Rotation{Kind: HadamardRotation}},
	{"random", false, Rotation{Kind: RandomRotation, Values: true, Seed: 1}},
	{"balancer+random", true, Rotation{Kind: RandomRotation, Values: true, Seed: 1}},
}

// Rotation before quantization on the synthetic outlier-channel data of
// TestQualityAtEqualMemory (retrieval): the mean relative output error of
// uniform int2, int3 and int4 caches (every token quantized, groups of 64)
// and of the paper's fp16/int2 MiKV cache, with neither, the balancer,
// Hadamard, both, a random rotation and the balancer with it. The log
// holds the table (Zen 3, this data: balancer+Hadamard is the best or
// within 5% of the best row at every width, 9-17% below the balancer
// alone; a random rotation alone is worse than nothing at int2 and far
// better at int3 and int4; see README). The assertions are the robust
// part: Hadamard alone beats neither at every width (it spreads the
// outlier channels), a random rotation alone does at 3 and 4 bits, and
// adding Hadamard to the balancer costs at most 10% over the balancer
// alone. With -short (as under emulation) only uniform int3 runs.
func TestRotationQuality(t *testing.T) {
	if raceDetector {
		t.Skip("single-goroutine figures: run without -race")
	}
	ref := newReference(retrieval)
	base := DefaultConfig(1, qualKVHeads, qualQHeads, qualDim)
	caches := []namedConfig{}
	for _, bits := range []int{2, 3, 4} {
		c := base
		c.Ratio, c.Retained = 0, Tier{Key: lowbit.Quant(bits, 64), Value: lowbit.Quant(bits, 64)}
		caches = append(caches, namedConfig{fmt.Sprintf("uniform-int%d", bits), c})
	}
	caches = append(caches, namedConfig{"mikv-f16/int2", base})
	for _, c := range caches {
		t.Run(c.name, func(t *testing.T) {
			if testing.Short() && c.name != "uniform-int3" {
				t.Skip("-short: uniform int3 only")
			}
			errs := map[string]float64{}
			line := ""
			for _, v := range rotationVariants {
				cfg := c.cfg
				cfg.Balancer, cfg.Rotation = v.balancer, v.rot
				e, _ := ref.decodeError(t, cfg)
				errs[v.name] = e
				line += fmt.Sprintf("  %s %.4f", v.name, e)
			}
			t.Logf("%-14s mean relative output error:%s", c.name, line)
			assert.Less(t, errs["hadamard"], errs["neither"], "Hadamard alone against neither")
			if c.name != "uniform-int2" && c.name != "mikv-f16/int2" {
				assert.Less(t, errs["random"], errs["neither"], "a random rotation alone against neither")
			}
			assert.Less(t, errs["both"], 1.1*errs["balancer"], "balancer+Hadamard against the balancer")
		})
	}
}
