package mikv

import (
	"errors"
	"fmt"
	"time"

	"github.com/lowbit-ml/lowbit"
)

// Tier is the storage of one tier of the cache: the format of its keys and
// the format of its values, chosen independently from every lowbit.Format
// (2 to 8 bits, symmetric or asymmetric, each with its own group; fp16;
// float32).
type Tier struct {
	Key   lowbit.Format
	Value lowbit.Format
}

// String returns the tier as "key/value", for example "f16/q2g64".
func (t Tier) String() string { return t.Key.String() + "/" + t.Value.String() }

// BitsPerValue returns the mean storage cost of one key value and one value
// value in this tier, scales and mins included.
func (t Tier) BitsPerValue() float64 {
	return (t.Key.BitsPerValue() + t.Value.BitsPerValue()) / 2
}

// Selection is the policy that ranks the important tier's tokens: the
// token ranked lowest (outside the sinks and the recent window) is the
// one demoted to the retained tier.
type Selection int

const (
	// Accumulated ranks tokens by the attention they have received, summed
	// over every query so far and over the query heads of the KV head (H2O's
	// heavy hitters, as in the MiKV paper). The default.
	Accumulated Selection = iota
	// Normalized ranks tokens by accumulated attention divided by the number
	// of queries that could see the token (ZipCache), which removes the bias
	// toward early tokens.
	Normalized
	// Recency ranks tokens by position only: the oldest is demoted first (a
	// baseline; with Sinks it is StreamingLLM's choice).
	Recency
	// Random ranks tokens by a pseudo-random number fixed per token by
	// Config.Seed (a baseline that shows what the attention ranking is
	// worth).
	Random
	numSelections
)

var selectionNames = [numSelections]string{"accumulated", "normalized", "recency", "random"}

// String returns the policy's name as ParseSelection reads it.
func (s Selection) String() string {
	if s < 0 || s >= numSelections {
		return fmt.Sprintf("Selection(%d)", int(s))
	}
	return selectionNames[s]
}

// ParseSelection reads a policy name written by Selection.String.
func ParseSelection(name string) (Selection, error) {
	for s, n := range selectionNames {
		if n == name {
			return Selection(s), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown selection %q (want accumulated, normalized, recency or random)", ErrConfig, name)
}

// Config describes a cache. Start from DefaultConfig (the paper's setting)
// and change what you need; New validates every field.
//
// The important tier holds the tokens ranked highest by Selection plus the
// most recent ones; the retained tier holds every other token, at lower
// precision. After each step the important tier holds
// budget = ⌊Ratio × Len⌋ tokens of a KV head (but never fewer than the sinks
// and the recent window): the newest ⌊RecentShare × budget⌋ tokens, the
// first Sinks tokens, and the best-ranked of the rest.
type Config struct {
	Layers     int // transformer layers: one Layer each
	KVHeads    int // key/value heads per layer
	QueryHeads int // query heads per layer: a multiple of KVHeads (GQA); query head h reads KV head h/(QueryHeads/KVHeads)
	HeadDim    int // values per head; every format's group must divide it

	// Important stores the heavy hitters and the recent tokens (default
	// fp16/fp16); Retained stores every other token (default 2-bit
	// asymmetric, groups of HeadDim/2, for keys and values).
	Important Tier
	Retained  Tier
	// Evict drops the tokens that would go to the retained tier instead of
	// keeping them: the H2O eviction baseline. Retained is then unused.
	Evict bool

	// Ratio is the share r of tokens in the important tier, in [0, 1]
	// (default 0.2). 1 is the full-precision cache; 0 is uniform
	// quantization at the retained formats (each new token is read once at
	// the important formats, in the step that appends it).
	Ratio float64
	// RecentShare is the share of the important budget reserved for the most
	// recent tokens, in [0, 1] (default 0.5); the rest goes to the tokens
	// Selection ranks highest.
	RecentShare float64
	// Recent, if positive, is the size of the recent window in tokens
	// instead of a share of the budget (HF QuantizedCache's
	// residual_length, KIVI's residual): the newest Recent tokens always
	// stay important, on top of the budget if it is smaller. Ratio 0 with
	// Recent 128 keeps the last 128 tokens in the important tier and
	// quantizes every older one. 0 (the default) uses RecentShare.
	Recent int
	// Sinks is the number of first tokens that always stay important
	// (attention sinks; default 0). They count toward the budget.
	Sinks int
	// Selection ranks tokens for the important tier (default Accumulated).
	Selection Selection
	// Seed fixes the Random selection.
	Seed uint64

	// Balancer turns on the outlier-aware channel balancer (default true):
	// keys stored in 2 to 8 bits (in either tier) are stored as
	// Quant(k ⊙ b) and read with q ⊘ b, where b_c = sqrt(max|q_c| /
	// max|k_c|) over the tokens seen before the first such key is stored
	// (the prompt, when it is passed to Prefill). fp16 and float32 keys are
	// stored as they are.
	Balancer bool
	// Int8Queries scores the keys of a tier stored in 2 to 8 bits with the
	// queries quantized to int8 per block of 32 (lowbit.DotQ8, the integer
	// dot-product path, as ggml scores its quantized caches) instead of
	// float32 queries (lowbit.Dot). With this version's kernels the two
	// are about as fast (a decode step of the paper's cache, AVX-512: 11.1
	// against 11.5 K+V values/ns at 4K tokens, 12.2 against 11.0 at 32K;
	// 2-bit keys, 4 query rows, pages of 256 tokens, AVX2: 10 against 7.6
	// values/ns in BenchmarkPageKernels), but int8 queries round every
	// query to 8 bits, so they are off by default: float32 queries add no
	// error to the scores. fp16 and float32 keys are always scored with
	// float32 queries.
	Int8Queries bool
	// Int8Weights sums the values of the retained tier, if stored in 2 to
	// 8 bits, with the attention weights rounded to 8 bits
	// (lowbit.AddWeightedQ8: per block of 64 tokens and group, each weight
	// times its token's scale is rounded to a multiple of the block's
	// largest over 127; the integer dot-product path) instead of float32
	// weights (lowbit.AddWeighted). Each weight's error is at most 1/254
	// of its block's largest: small where the weights of a block are of a
	// size, as in the retained tier, which holds the tokens attention
	// ranks lowest; the important tier's heavy hitters always keep float32
	// weights. On the synthetic data of the quality test it moves the
	// mean relative output error of MiKV f16/int2 from 0.5344 to 0.5353
	// and of int8 over int4 from 0.1005 to 0.1042; of a uniform int4
	// cache (Ratio 0: the heavy hitters are retained too, rounded among
	// the rest) from 0.1238 to 0.1309 and from 0.1430 to 0.1632 without
	// lookups, so it is meant for caches with an important tier. It is
	// faster only where lowbit runs AddWeightedQ8 in assembly (AVX-512
	// with VNNI and VBMI, 2- and 4-bit values in heads of 64, 128 or 256
	// in one, two or four groups, as the paper's retained tier; see
	// lowbit.Implementation.AddWeightedQ8) and slower everywhere else, so
	// it is off by default. fp16 and float32 values are always summed with
	// float32 weights.
	Int8Weights bool
	// Rotation rotates the keys (and, with Rotation.Values, the values) of
	// every tier stored in 2 to 8 bits by an orthonormal transform before
	// quantizing them, after the balancer: see Rotation. The zero value
	// (NoRotation, the default) stores them as they are. It applies to
	// every layer alike.
	Rotation Rotation

	// Window, if positive, makes every layer a sliding-window layer: a
	// query attends to the Window most recent tokens (itself included), and
	// a token too old for every later query is dropped from the cache, not
	// quantized. 0 (the default) attends to every token. Alternating local
	// and global layers set it per layer (PerLayer).
	Window int
	// Scale multiplies the scores q·k before the softmax; 0 (the default)
	// means 1/sqrt(HeadDim).
	Scale float64
	// SoftCap, if positive, caps every scaled score s as
	// SoftCap·tanh(s/SoftCap) before the softmax (Gemma 2's attention logit
	// soft-capping). 0 (the default) leaves scores as they are.
	SoftCap float64
	// PerLayer, if set, points to one LayerPolicy per layer, which
	// replaces, for that layer, the fields above that a LayerPolicy has
	// (Important to SoftCap), and adds what only a LayerPolicy has (the
	// learned sink logits): first and last layers at higher precision,
	// alternating sliding-window and global layers, gpt-oss' sinks. Build
	// it with WithLayers. It is a pointer so that Config stays comparable
	// with ==: two configs with per-layer policies are equal when they
	// point to the same ones. nil (the default) gives every layer the
	// fields above.
	PerLayer *[]LayerPolicy

	// PageSize is the number of tokens per storage page of a tier (default
	// 1024). Appending fills the last page; kernels run once per page, so
	// larger pages decode faster (the paper's cache at 4K tokens, head
	// dimension 128, AVX-512: 9.8 K+V values/ns with pages of 256 tokens,
	// 12.1 with 1024), and each tier of each KV head holds up to
	// PageSize-1 unused token slots (at 1024 tokens: 512 KiB of fp16 keys
	// and values at head dimension 128). Many short sequences want smaller
	// pages.
	PageSize int
	// Workers is the number of goroutines a Layer call runs on: the caller
	// and Workers−1 helpers that the cache starts once (a Pool's caches
	// share the pool's), which split each step over the KV heads and over
	// the pages of each (flash-decoding: each split of at most 1024 tokens
	// of a page gets its own softmax, merged exactly). 0 or 1 runs
	// everything on the caller's goroutine. The splits are fixed by the
	// pages and merged in order, so the results are bit-identical for
	// every Workers. Prefill of an empty layer spreads each KV head's
	// blocks of query tokens over them instead (with the same results, bit
	// for bit, for any number). A cache's helpers stop when nothing holds
	// the cache.
	Workers int
	// WorkerSpin is how long a helper that has finished its work polls
	// for the next call before it parks (and a caller for its helpers'
	// last tasks); 0 means DefaultWorkerSpin. Waking a parked helper
	// costs tens of microseconds (more on a VM), which a call pays at
	// its start: a runtime whose other work between two calls of the
	// cache's layers (a layer's matrix products) takes longer than this
	// should raise it to cover that time, at the cost of a core polling
	// (and yielding to other goroutines) meanwhile. Results do not depend
	// on it.
	WorkerSpin time.Duration
}

// DefaultWorkerSpin is the helpers' polling time when Config.WorkerSpin is
// 0: enough for the phases of a call and the next layer's call that
// follows at once.
const DefaultWorkerSpin = 50 * time.Microsecond

// spin returns the helpers' polling time: WorkerSpin, or its default.
func (c *Config) spin() time.Duration {
	if c.WorkerSpin == 0 {
		return DefaultWorkerSpin
	}
	return c.WorkerSpin
}

// DefaultConfig returns the paper's configuration for a model of the given
// shape: important tier fp16 keys and values, retained tier 2-bit
// asymmetric keys and values, Ratio 0.2, half of it for recent tokens,
// accumulated-attention selection, the balancer on, float32 queries, no
// sinks, pages of 1024 tokens (fewer beyond head dimension 4096, so that a
// page holds at most 4 Mi values), no extra goroutines, scale
// 1/sqrt(headDim).
//
// The retained groups are headDim/2 values when that is a multiple of 8,
// else headDim when that is one. Codes need groups of a multiple of 8, so
// for a head dimension that is not a multiple of 8 (1, 3, 12, 100, …) no
// 2-bit format fits: DefaultConfig then returns a full fp16 cache (both
// tiers fp16, Ratio 1), which New accepts. Every headDim in 1…65536 gives a
// config New accepts (given valid layers and heads).
func DefaultConfig(layers, kvHeads, queryHeads, headDim int) Config {
	c := Config{
		Layers:      layers,
		KVHeads:     kvHeads,
		QueryHeads:  queryHeads,
		HeadDim:     headDim,
		Important:   Tier{Key: lowbit.F16, Value: lowbit.F16},
		Ratio:       0.2,
		RecentShare: 0.5,
		Selection:   Accumulated,
		Balancer:    true,
		PageSize:    1024,
	}
	if headDim > 0 {
		c.PageSize = max(1, min(1024, maxPageVals/headDim))
	}
	switch g := headDim / 2; {
	case g > 0 && g%8 == 0 && headDim%2 == 0:
		c.Retained = Tier{Key: lowbit.Quant(2, g), Value: lowbit.Quant(2, g)}
	case headDim > 0 && headDim%8 == 0:
		c.Retained = Tier{Key: lowbit.Quant(2, headDim), Value: lowbit.Quant(2, headDim)}
	default:
		c.Retained, c.Ratio = c.Important, 1
	}
	return c
}

// ErrConfig is wrapped by every error about an invalid Config.
var ErrConfig = errors.New("mikv: invalid config")

// Limits on the shape, so that sizes stay far from overflow.
const (
	maxDim      = 1 << 16
	maxHeads    = 1 << 12
	maxLayers   = 1 << 12
	maxPageSize = 1 << 16
	maxPageVals = 1 << 22 // PageSize × HeadDim: a page of float32 keys is at most 16 MiB
	maxWorkers  = 1 << 10
	// maxWorkerSpin bounds Config.WorkerSpin (saved as uint32 ns)
	maxWorkerSpin = time.Second
)

// MaxLen is the most tokens a Layer holds.
const MaxLen = 1<<31 - 1

// Validate reports the first problem with c, or nil.
func (c Config) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrConfig}, a...)...)
	}
	switch {
	case c.Layers < 1 || c.Layers > maxLayers:
		return bad("%d layers (want 1…%d)", c.Layers, maxLayers)
	case c.KVHeads < 1 || c.KVHeads > maxHeads:
		return bad("%d KV heads (want 1…%d)", c.KVHeads, maxHeads)
	case c.QueryHeads < c.KVHeads || c.QueryHeads > maxHeads || c.QueryHeads%c.KVHeads != 0:
		return bad("%d query heads are not a positive multiple of %d KV heads", c.QueryHeads, c.KVHeads)
	case c.HeadDim < 1 || c.HeadDim > maxDim:
		return bad("head dimension %d (want 1…%d)", c.HeadDim, maxDim)
	case c.Selection < 0 || c.Selection >= numSelections:
		return bad("unknown selection %d", int(c.Selection))
	case c.PageSize < 1 || c.PageSize > maxPageSize:
		return bad("page size %d (want 1…%d tokens)", c.PageSize, maxPageSize)
	case c.PageSize*c.HeadDim > maxPageVals:
		return bad("pages of %d tokens of %d values exceed %d values", c.PageSize, c.HeadDim, maxPageVals)
	case c.Workers < 0 || c.Workers > maxWorkers:
		return bad("%d workers (want 0…%d)", c.Workers, maxWorkers)
	case c.WorkerSpin < 0 || c.WorkerSpin > maxWorkerSpin:
		return bad("worker spin %v (want 0…%v)", c.WorkerSpin, maxWorkerSpin)
	case c.PerLayer != nil && len(*c.PerLayer) != c.Layers:
		return bad("%d per-layer policies for %d layers", len(*c.PerLayer), c.Layers)
	}
	if err := c.Rotation.validate(c.HeadDim); err != nil {
		return err
	}
	if err := c.Policy().validate(&c, ""); err != nil {
		return err
	}
	for i, p := range c.perLayer() {
		if err := p.validate(&c, fmt.Sprintf("layer %d: ", i)); err != nil {
			return err
		}
	}
	return nil
}

// ShareOfF16 returns the paper's cache size as a share of an fp16 cache for
// this configuration: (r·b_hi + (1−r)·b_lo) / 16 per side, averaged over
// keys and values (and over layers, with PerLayer), where b is a format's
// BitsPerValue (fp16 scales and mins included) and b_lo is 0 when Evict is
// set. Positions, scores and the balancer are not counted, as in the
// paper; Stats reports them apart. Sliding windows and Recent are not
// counted either: the share is that of a long sequence.
func (c Config) ShareOfF16() float64 {
	per := c.perLayer()
	if len(per) == 0 {
		return c.Policy().shareOfF16()
	}
	var s float64
	for _, p := range per {
		s += p.shareOfF16()
	}
	return s / float64(len(per))
}

// String summarises the configuration in one line.
func (c Config) String() string {
	s := c.Policy().String() + fmt.Sprintf(" %s balancer=%t int8q=%t int8w=%t", c.Selection, c.Balancer, c.Int8Queries, c.Int8Weights)
	if c.Rotation.Kind != NoRotation {
		s += " rotation=" + c.Rotation.String()
	}
	if per := c.perLayer(); len(per) > 0 {
		s += fmt.Sprintf(" (%d per-layer policies)", len(per))
	}
	return s
}
