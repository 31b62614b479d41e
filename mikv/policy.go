package mikv

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/lowbit-ml/lowbit"
)

// LayerPolicy is the part of a Config that may differ from layer to layer:
// the tiers, the budget, the window and the attention variant. The fields
// but SinkLogits mean what the Config fields of the same names mean;
// Config.PerLayer holds one per layer.
type LayerPolicy struct {
	Important   Tier
	Retained    Tier
	Evict       bool
	Ratio       float64
	RecentShare float64
	Recent      int
	Sinks       int
	Window      int
	Scale       float64
	SoftCap     float64
	// SinkLogits, if set, holds one learned logit per query head (gpt-oss'
	// attention sinks): each query head's softmax gets that extra logit in
	// its denominator, with no value, so its weights over the tokens sum
	// to less than 1. nil adds nothing.
	SinkLogits []float32
}

// Policy returns the policy the Config's own fields describe: that of every
// layer when PerLayer is nil.
func (c Config) Policy() LayerPolicy {
	return LayerPolicy{
		Important: c.Important, Retained: c.Retained, Evict: c.Evict,
		Ratio: c.Ratio, RecentShare: c.RecentShare, Recent: c.Recent, Sinks: c.Sinks,
		Window: c.Window, Scale: c.Scale, SoftCap: c.SoftCap,
	}
}

// perLayer returns the per-layer policies, or nil.
func (c *Config) perLayer() []LayerPolicy {
	if c.PerLayer == nil {
		return nil
	}
	return *c.PerLayer
}

// LayerPolicy returns the policy of layer i: PerLayer[i] if PerLayer is
// set, Policy() otherwise. It panics on a layer out of range.
func (c Config) LayerPolicy(i int) LayerPolicy {
	if i < 0 || i >= c.Layers {
		panic(fmt.Sprintf("mikv: layer %d of %d", i, c.Layers))
	}
	if per := c.perLayer(); per != nil {
		return per[i]
	}
	return c.Policy()
}

// WithLayers returns c with PerLayer set: each layer starts from c's
// current policy for it (LayerPolicy(i)) and f changes what it needs. For
// example, the first and last layers at fp16 over int4, or sliding-window
// layers alternating with global ones:
//
//	cfg = cfg.WithLayers(func(i int, p *mikv.LayerPolicy) {
//		if i == 0 || i == cfg.Layers-1 {
//			p.Retained = mikv.Tier{Key: lowbit.Quant(4, 32), Value: lowbit.Quant(4, 32)}
//		}
//		if i%2 == 0 {
//			p.Window = 4096
//		}
//	})
//
// Layers outside 1…Config's limit return c unchanged (New then rejects it).
func (c Config) WithLayers(f func(layer int, p *LayerPolicy)) Config {
	if c.Layers < 1 || c.Layers > maxLayers {
		return c
	}
	per := make([]LayerPolicy, c.Layers)
	for i := range per {
		per[i] = c.LayerPolicy(i)
		per[i].SinkLogits = slices.Clone(per[i].SinkLogits)
		f(i, &per[i])
	}
	c.PerLayer = &per
	return c
}

// maxScale bounds Config.Scale and SoftCap so that no scaled score of
// values within MaxValue overflows float32.
const maxScale = 1 << 10

// validate reports the first problem with p in a cache of shape c; what
// prefixes the message ("layer 3: ").
func (p LayerPolicy) validate(c *Config, what string) error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s"+format, append([]any{ErrConfig, what}, a...)...)
	}
	switch {
	case !(p.Ratio >= 0 && p.Ratio <= 1):
		return bad("ratio %v outside [0, 1]", p.Ratio)
	case !(p.RecentShare >= 0 && p.RecentShare <= 1):
		return bad("recent share %v outside [0, 1]", p.RecentShare)
	case p.Recent < 0 || p.Recent > MaxLen:
		return bad("recent window of %d tokens", p.Recent)
	case p.Sinks < 0 || p.Sinks > MaxLen:
		return bad("%d sink tokens", p.Sinks)
	case p.Window < 0 || p.Window > MaxLen:
		return bad("window of %d tokens", p.Window)
	case !(p.Scale >= 0 && p.Scale <= maxScale):
		return bad("scale %v outside (0, %d] (0 for 1/sqrt(head dimension))", p.Scale, maxScale)
	case !(p.SoftCap >= 0 && p.SoftCap <= MaxValue):
		return bad("soft cap %v outside [0, %v]", p.SoftCap, float64(MaxValue))
	case p.SinkLogits != nil && len(p.SinkLogits) != c.QueryHeads:
		return bad("%d sink logits for %d query heads", len(p.SinkLogits), c.QueryHeads)
	}
	for h, s := range p.SinkLogits {
		if !(s >= -maxSinkLogit && s <= maxSinkLogit) {
			return bad("sink logit %v of query head %d outside ±%v", s, h, float32(maxSinkLogit))
		}
	}
	check := func(name string, f lowbit.Format) error {
		if err := f.ValidateCols(c.HeadDim); err != nil {
			return fmt.Errorf("%w: %s%s format %s for head dimension %d: %w", ErrConfig, what, name, f, c.HeadDim, err)
		}
		return nil
	}
	if err := check("important key", p.Important.Key); err != nil {
		return err
	}
	if err := check("important value", p.Important.Value); err != nil {
		return err
	}
	if !p.Evict {
		if err := check("retained key", p.Retained.Key); err != nil {
			return err
		}
		if err := check("retained value", p.Retained.Value); err != nil {
			return err
		}
	}
	return nil
}

// maxSinkLogit bounds a sink logit: far beyond any useful value, and far
// from float32 overflow in the softmax.
const maxSinkLogit = 1 << 20

// shareOfF16 is Config.ShareOfF16 for one layer.
func (p LayerPolicy) shareOfF16() float64 {
	hi := p.Important.Key.BitsPerValue() + p.Important.Value.BitsPerValue()
	lo := 0.0
	if !p.Evict {
		lo = p.Retained.Key.BitsPerValue() + p.Retained.Value.BitsPerValue()
	}
	return (p.Ratio*hi + (1-p.Ratio)*lo) / 32
}

// String summarises the policy: the tiers and the budget, then the window
// and attention variant when they are set.
func (p LayerPolicy) String() string {
	ret := p.Retained.String()
	if p.Evict {
		ret = "evict"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mikv %s over %s r=%g recent=%g sinks=%d", p.Important, ret, p.Ratio, p.RecentShare, p.Sinks)
	if p.Recent > 0 {
		fmt.Fprintf(&b, " recent-tokens=%d", p.Recent)
	}
	if p.Window > 0 {
		fmt.Fprintf(&b, " window=%d", p.Window)
	}
	if p.Scale > 0 {
		fmt.Fprintf(&b, " scale=%g", p.Scale)
	}
	if p.SoftCap > 0 {
		fmt.Fprintf(&b, " softcap=%g", p.SoftCap)
	}
	if p.SinkLogits != nil {
		b.WriteString(" sink-logits")
	}
	return b.String()
}

// scale returns the factor of the scores: Scale, or 1/sqrt(dim).
func (p *LayerPolicy) scale(dim int) float32 {
	if p.Scale > 0 {
		return float32(p.Scale)
	}
	return float32(1 / math.Sqrt(float64(dim)))
}

// budget returns the important tier's size target for a KV head holding n
// tokens: ⌊ratio·n⌋, and the size of the recent window (Recent, or
// ⌊RecentShare·budget⌋). The small epsilon keeps a product such as 0.2·5
// from flooring to 0.
func (p *LayerPolicy) budget(n int) (budget, recent int) {
	budget = min(n, int(math.Floor(p.Ratio*float64(n)+1e-6)))
	if p.Recent > 0 {
		return budget, p.Recent
	}
	recent = int(math.Floor(p.RecentShare*float64(budget) + 1e-6))
	return budget, recent
}
