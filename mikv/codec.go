package mikv

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"time"

	"github.com/lowbit-ml/lowbit"
)

// The saved form of a cache (all integers and floats little-endian):
//
//	magic "LBMIKV", version uint16
//	config: shape, the four formats, Evict, Ratio, RecentShare, Sinks,
//	        Selection, Seed, Balancer, Int8Queries, PageSize, Workers;
//	        from version 2: Recent, Window, Scale, SoftCap, a sink-logits
//	        flag (0), and PerLayer (a count, 0 or Layers, then each
//	        policy's fields in the same order, its sink logits as a flag
//	        and one float32 per query head); from version 3: Rotation
//	        (kind byte, Values flag, Seed; a random matrix is rebuilt
//	        from the seed); from version 4: Int8Weights; from version
//	        5: WorkerSpin (uint32 nanoseconds)
//	per layer: tokens; per KV head: evicted count, from version 2 the
//	        expired count, balancer (frozen flag, maxima, and b and 1/b if
//	        frozen), important tier, retained tier
//	per tier: token count; keys (codes, scales, mins), values (likewise),
//	        positions, and scores (important tier)
//	CRC-32C (Castagnoli) of everything before it
//
// Tokens are saved in slot order, so a restored cache makes the same
// choices as the original and its outputs are bit-identical. Versions 1
// (before sliding windows, attention variants and per-layer policies) and
// 2 (before rotation), 3 (before Int8Weights) and 4 (before WorkerSpin)
// still load: their caches have none of what came later (NoRotation,
// float32 weights, the default WorkerSpin).
const (
	codecMagic   = "LBMIKV"
	codecVersion = 5
)

// ErrCorrupt is wrapped by every error of UnmarshalBinary about its input.
var ErrCorrupt = errors.New("mikv: corrupt saved cache")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// MarshalBinary saves the cache: its configuration and every layer's
// tokens, scores and balancer. Each layer is saved under its lock; to save a
// consistent state, call it between steps.
func (c *Cache) MarshalBinary() ([]byte, error) {
	b := []byte(codecMagic)
	b = binary.LittleEndian.AppendUint16(b, codecVersion)
	b = appendConfig(b, &c.cfg)
	for _, l := range c.layers {
		l.mu.Lock()
		b = binary.LittleEndian.AppendUint32(b, uint32(l.n))
		for _, h := range l.heads {
			b = h.appendTo(b)
		}
		l.mu.Unlock()
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli)), nil
}

// UnmarshalBinary restores a cache saved by MarshalBinary (this version's
// or an earlier one's form), configuration included. It returns an error
// wrapping ErrCorrupt, and leaves c as it was, if data is truncated, fails
// its checksum, has an unknown version, or describes an inconsistent
// cache. It allocates in proportion to the tokens data holds, not to the
// page size: a restored page holds what it held, and grows on the next
// append. The Layers of c stay valid when the number of layers is
// unchanged (their content is replaced); it must not run concurrently
// with calls on them.
//
// A cache of a Pool keeps the pool's configuration: the saved one must
// equal it (else ErrConfig), and the restored pages must fit the pool's
// budget (else ErrBudget).
func (c *Cache) UnmarshalBinary(data []byte) error {
	fresh, err := decodeCache(data)
	if err != nil {
		return err
	}
	if c.pool != nil {
		if !sameConfig(fresh.cfg, c.cfg) {
			return fmt.Errorf("%w: the saved cache's configuration (%s) is not its pool's (%s)", ErrConfig, fresh.cfg, c.cfg)
		}
		if err := c.adopt(fresh); err != nil {
			return err
		}
	}
	if c.pool == nil && (c.work.size() != max(1, fresh.cfg.Workers) || c.work.spin() != fresh.cfg.spin()) {
		c.work = newWorkerSet(&fresh.cfg)
	}
	if len(c.layers) != len(fresh.layers) {
		c.cfg, c.layers = fresh.cfg, fresh.layers
		for _, l := range c.layers {
			l.cfg, l.work = &c.cfg, c.work
			for _, h := range l.heads {
				h.cfg, h.pol = &c.cfg, &l.pol
			}
		}
		return nil
	}
	c.cfg = fresh.cfg
	for i, l := range c.layers {
		f := fresh.layers[i]
		l.mu.Lock()
		l.cfg, l.pol, l.n, l.heads, l.work = &c.cfg, f.pol, f.n, f.heads, c.work
		for _, h := range l.heads {
			h.cfg, h.pol = &c.cfg, &l.pol
		}
		l.mu.Unlock()
	}
	return nil
}

// adopt moves the pages of fresh (a decoded cache) into c's pool budget,
// giving back c's own pages, or returns an error wrapping ErrBudget.
func (c *Cache) adopt(fresh *Cache) error {
	var need int64
	for _, l := range fresh.layers {
		for _, h := range l.heads {
			need += h.imp.allocatedBytes() - 4*int64(cap(h.imp.score)) + h.ret.allocatedBytes()
		}
	}
	if err := c.mem.reserve(need, "restoring a saved cache"); err != nil {
		return err
	}
	defer c.mem.unreserve(need)
	c.Free()
	c.mem.take(need)
	for _, l := range fresh.layers {
		l.mem = c.mem
		for _, h := range l.heads {
			h.imp.mem, h.ret.mem = c.mem, c.mem
		}
	}
	return nil
}

// sameConfig reports whether a and b are the same configuration.
func sameConfig(a, b Config) bool {
	return string(appendConfig(nil, &a)) == string(appendConfig(nil, &b))
}

func appendConfig(b []byte, c *Config) []byte {
	le := binary.LittleEndian
	for _, v := range []int{c.Layers, c.KVHeads, c.QueryHeads, c.HeadDim} {
		b = le.AppendUint32(b, uint32(v))
	}
	b = appendFormats(b, c.Important, c.Retained)
	b = append(b, boolByte(c.Evict))
	b = le.AppendUint64(b, math.Float64bits(c.Ratio))
	b = le.AppendUint64(b, math.Float64bits(c.RecentShare))
	b = le.AppendUint32(b, uint32(c.Sinks))
	b = append(b, byte(c.Selection))
	b = le.AppendUint64(b, c.Seed)
	b = append(b, boolByte(c.Balancer), boolByte(c.Int8Queries))
	b = le.AppendUint32(b, uint32(c.PageSize))
	b = le.AppendUint32(b, uint32(c.Workers))
	// Version 2.
	b = appendVariant(b, c.Policy())
	b = le.AppendUint32(b, uint32(len(c.perLayer())))
	for _, p := range c.perLayer() {
		b = appendFormats(b, p.Important, p.Retained)
		b = append(b, boolByte(p.Evict))
		b = le.AppendUint64(b, math.Float64bits(p.Ratio))
		b = le.AppendUint64(b, math.Float64bits(p.RecentShare))
		b = le.AppendUint32(b, uint32(p.Sinks))
		b = appendVariant(b, p)
	}
	// Version 3.
	b = append(b, byte(c.Rotation.Kind), boolByte(c.Rotation.Values))
	b = le.AppendUint64(b, c.Rotation.Seed)
	// Version 4.
	b = append(b, boolByte(c.Int8Weights))
	// Version 5.
	b = le.AppendUint32(b, uint32(c.WorkerSpin))
	return b
}

// appendFormats appends the key and value formats of two tiers.
func appendFormats(b []byte, tiers ...Tier) []byte {
	for _, t := range tiers {
		for _, f := range []lowbit.Format{t.Key, t.Value} {
			b = append(b, byte(f.Bits), boolByte(f.Symmetric))
			b = binary.LittleEndian.AppendUint32(b, uint32(f.Group))
		}
	}
	return b
}

// appendVariant appends the fields version 2 added to a policy: Recent,
// Window, Scale, SoftCap, SinkLogits.
func appendVariant(b []byte, p LayerPolicy) []byte {
	le := binary.LittleEndian
	b = le.AppendUint32(b, uint32(p.Recent))
	b = le.AppendUint32(b, uint32(p.Window))
	b = le.AppendUint64(b, math.Float64bits(p.Scale))
	b = le.AppendUint64(b, math.Float64bits(p.SoftCap))
	b = append(b, boolByte(p.SinkLogits != nil))
	return appendFloats(b, p.SinkLogits)
}

func (h *head) appendTo(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(h.evicted))
	b = binary.LittleEndian.AppendUint32(b, uint32(h.expired))
	b = append(b, boolByte(h.bal.frozen))
	b = appendFloats(b, h.bal.maxQ)
	b = appendFloats(b, h.bal.maxK)
	if h.bal.frozen {
		b = appendFloats(b, h.bal.b)
		b = appendFloats(b, h.bal.inv)
	}
	b = h.imp.appendTo(b)
	return h.ret.appendTo(b)
}

func (t *tier) appendTo(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(t.n))
	for _, side := range []func(p *page) lowbit.Rows{func(p *page) lowbit.Rows { return p.k }, func(p *page) lowbit.Rows { return p.v }} {
		for i, p := range t.pages {
			b = append(b, side(p).Slice(0, t.pageLen(i)).Data...)
		}
		for i, p := range t.pages {
			b = appendUint16s(b, side(p).Slice(0, t.pageLen(i)).Scales)
		}
		for i, p := range t.pages {
			b = appendUint16s(b, side(p).Slice(0, t.pageLen(i)).Mins)
		}
	}
	for i, p := range t.pages {
		for _, pos := range p.pos[:t.pageLen(i)] {
			b = binary.LittleEndian.AppendUint32(b, uint32(pos))
		}
	}
	if t.scored {
		b = appendFloats(b, t.score[:t.n])
	}
	return b
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func appendFloats(b []byte, x []float32) []byte {
	for _, v := range x {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	return b
}

func appendUint16s(b []byte, x []uint16) []byte {
	for _, v := range x {
		b = binary.LittleEndian.AppendUint16(b, v)
	}
	return b
}

// decoder reads the saved form; the first problem sticks in err and every
// later read returns zeros.
type decoder struct {
	b       []byte
	version uint16
	err     error
}

func (d *decoder) fail(format string, a ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, a...)...)
	}
}

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.fail("truncated: %d bytes wanted, %d left", n, len(d.b))
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *decoder) u8() byte {
	if s := d.take(1); s != nil {
		return s[0]
	}
	return 0
}

func (d *decoder) bool() bool {
	switch v := d.u8(); v {
	case 0:
		return false
	case 1:
		return true
	default:
		d.fail("boolean byte %d", v)
		return false
	}
}

func (d *decoder) u32() uint32 {
	if s := d.take(4); s != nil {
		return binary.LittleEndian.Uint32(s)
	}
	return 0
}

// int reads a uint32 that must be at most hi.
func (d *decoder) int(name string, hi int) int {
	v := d.u32()
	if int64(v) > int64(hi) {
		d.fail("%s %d exceeds %d", name, v, hi)
		return 0
	}
	return int(v)
}

func (d *decoder) u64() uint64 {
	if s := d.take(8); s != nil {
		return binary.LittleEndian.Uint64(s)
	}
	return 0
}

// floats reads n finite float32 values.
func (d *decoder) floats(n int, name string) []float32 {
	s := d.take(4 * n)
	if s == nil {
		return nil
	}
	x := make([]float32, n)
	for i := range x {
		x[i] = math.Float32frombits(binary.LittleEndian.Uint32(s[4*i:]))
		if math.IsNaN(float64(x[i])) || math.IsInf(float64(x[i]), 0) {
			d.fail("%s[%d] = %v", name, i, x[i])
			return nil
		}
	}
	return x
}

// need fails unless at least n bytes are left: checked before allocating
// for n bytes' worth of content, so that a short input cannot make the
// decoder allocate much more than its own size.
func (d *decoder) need(n int64, what string) bool {
	if d.err == nil && n > int64(len(d.b)) {
		d.fail("truncated: %s needs %d bytes, %d left", what, n, len(d.b))
	}
	return d.err == nil
}

func decodeCache(data []byte) (*Cache, error) {
	const head = len(codecMagic) + 2
	if len(data) < head+4 {
		return nil, fmt.Errorf("%w: %d bytes are too short", ErrCorrupt, len(data))
	}
	if string(data[:len(codecMagic)]) != codecMagic {
		return nil, fmt.Errorf("%w: not a saved mikv cache", ErrCorrupt)
	}
	version := binary.LittleEndian.Uint16(data[len(codecMagic):])
	if version < 1 || version > codecVersion {
		return nil, fmt.Errorf("%w: version %d (this package reads versions 1 to %d)", ErrCorrupt, version, codecVersion)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	d := &decoder{b: body[head:], version: version}
	cfg := d.config()
	if d.err != nil {
		return nil, d.err
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	c := &Cache{cfg: cfg}
	c.layers = make([]*Layer, 0, cfg.Layers)
	for i := range cfg.Layers {
		l := &Layer{cfg: &c.cfg, pol: cfg.LayerPolicy(i), index: i, n: d.int("tokens", MaxLen)}
		arena := &pageArena{}
		for j := range cfg.KVHeads {
			h := d.head(&c.cfg, &l.pol, i, j, l.n, arena)
			if d.err != nil {
				return nil, d.err
			}
			l.heads = append(l.heads, h)
		}
		c.layers = append(c.layers, l)
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail("%d bytes after the last layer", len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

func (d *decoder) config() Config {
	var c Config
	c.Layers = d.int("layers", maxLayers)
	c.KVHeads = d.int("KV heads", maxHeads)
	c.QueryHeads = d.int("query heads", maxHeads)
	c.HeadDim = d.int("head dimension", maxDim)
	d.formats(&c.Important, &c.Retained)
	c.Evict = d.bool()
	c.Ratio = math.Float64frombits(d.u64())
	c.RecentShare = math.Float64frombits(d.u64())
	c.Sinks = d.int("sinks", MaxLen)
	c.Selection = Selection(d.u8())
	c.Seed = d.u64()
	c.Balancer = d.bool()
	c.Int8Queries = d.bool()
	c.PageSize = d.int("page size", maxPageSize)
	c.Workers = d.int("workers", maxWorkers)
	if d.version < 2 {
		return c
	}
	p := c.Policy()
	d.variant(&p, c.QueryHeads)
	c.Recent, c.Window, c.Scale, c.SoftCap = p.Recent, p.Window, p.Scale, p.SoftCap
	if p.SinkLogits != nil {
		d.fail("sink logits outside a per-layer policy")
	}
	if n := d.int("per-layer policies", c.Layers); n > 0 {
		per := make([]LayerPolicy, n)
		c.PerLayer = &per
		for i := range per {
			p := &per[i]
			d.formats(&p.Important, &p.Retained)
			p.Evict = d.bool()
			p.Ratio = math.Float64frombits(d.u64())
			p.RecentShare = math.Float64frombits(d.u64())
			p.Sinks = d.int("sinks", MaxLen)
			d.variant(p, c.QueryHeads)
		}
	}
	if d.version < 3 {
		return c
	}
	c.Rotation.Kind = RotationKind(d.u8())
	c.Rotation.Values = d.bool()
	c.Rotation.Seed = d.u64()
	if d.version < 4 {
		return c
	}
	c.Int8Weights = d.bool()
	if d.version < 5 {
		return c
	}
	c.WorkerSpin = time.Duration(d.int("worker spin", int(maxWorkerSpin)))
	return c
}

// formats reads the key and value formats of tiers.
func (d *decoder) formats(tiers ...*Tier) {
	for _, t := range tiers {
		for _, f := range []*lowbit.Format{&t.Key, &t.Value} {
			f.Bits = int(d.u8())
			f.Symmetric = d.bool()
			f.Group = d.int("group", maxDim)
		}
	}
}

// variant reads the fields appendVariant writes, for a cache of qHeads
// query heads.
func (d *decoder) variant(p *LayerPolicy, qHeads int) {
	p.Recent = d.int("recent tokens", MaxLen)
	p.Window = d.int("window", MaxLen)
	p.Scale = math.Float64frombits(d.u64())
	p.SoftCap = math.Float64frombits(d.u64())
	if d.bool() && d.need(int64(4*qHeads), "sink logits") {
		p.SinkLogits = d.floats(qHeads, "sink logit")
	}
}

// head reads KV head j of layer li, which holds n tokens (its new pages
// from arena, the layer's), and checks that
// it is a state the cache can reach: counts that add up, every position
// held once, finite values, a frozen balancer before any balanced key.
func (d *decoder) head(cfg *Config, pol *LayerPolicy, li, j, n int, arena *pageArena) *head {
	dim := cfg.HeadDim
	if !d.need(int64(4+1+8*dim), "a KV head") {
		return nil
	}
	h := newHead(cfg, pol, li, j, nil, arena)
	h.evicted = d.int("evicted tokens", n)
	if d.version >= 2 {
		h.expired = d.int("expired tokens", n)
	}
	h.bal.frozen = d.bool()
	copy(h.bal.maxQ, d.floats(dim, "balancer query maximum"))
	copy(h.bal.maxK, d.floats(dim, "balancer key maximum"))
	if h.bal.frozen {
		h.bal.b = d.floats(dim, "balancer")
		h.bal.inv = d.floats(dim, "balancer inverse")
	}
	d.tier(&h.imp, n)
	if pol.Evict {
		if m := d.u32(); m != 0 {
			d.fail("%d retained tokens in an evicting cache", m)
		}
	} else {
		d.tier(&h.ret, n)
	}
	if d.err != nil {
		return nil
	}
	for c := range dim {
		if h.bal.maxQ[c] < 0 || h.bal.maxK[c] < 0 {
			d.fail("negative balancer maximum")
		}
		if h.bal.frozen && !(h.bal.b[c] >= minBalance && h.bal.b[c] <= maxBalance && h.bal.inv[c] >= minBalance && h.bal.inv[c] <= maxBalance) {
			d.fail("balancer %v (inverse %v) outside [%v, %v]", h.bal.b[c], h.bal.inv[c], minBalance, maxBalance)
		}
	}
	for _, t := range []*tier{&h.imp, &h.ret} {
		if t.balanced && t.n > 0 && !h.bal.frozen {
			d.fail("balanced keys without a balancer")
		}
	}
	switch {
	case !pol.Evict && h.evicted != 0:
		d.fail("%d evicted tokens in a cache that keeps them", h.evicted)
	case pol.Window == 0 && h.expired != 0:
		d.fail("%d expired tokens in a layer without a window", h.expired)
	case int64(h.imp.n)+int64(h.ret.n)+int64(h.evicted)+int64(h.expired) != int64(n):
		d.fail("layer %d head %d: %d important, %d retained, %d evicted and %d expired tokens of %d", li, j, h.imp.n, h.ret.n, h.evicted, h.expired, n)
	}
	if d.err != nil {
		return nil
	}
	pos := append(positionsOf(&h.imp), positionsOf(&h.ret)...)
	slices.Sort(pos)
	for i, p := range pos {
		if p < 0 || int(p) >= n || i > 0 && pos[i-1] == p {
			d.fail("layer %d head %d holds position %d twice or out of [0, %d)", li, j, p, n)
			return nil
		}
	}
	return h
}

// positionsOf returns the positions held by t.
func positionsOf(t *tier) []int32 {
	var p []int32
	for i, pg := range t.pages {
		p = append(p, pg.pos[:t.pageLen(i)]...)
	}
	return p
}

// tier reads a tier's tokens into t (empty) of a head of n tokens. Each
// page is allocated for the tokens it holds (the last one may be short),
// after checking that the input holds them.
func (d *decoder) tier(t *tier, n int) {
	m := d.int("tier tokens", n)
	per := int64(rowBytes(t.key, t.dim) + rowBytes(t.val, t.dim) + 4)
	if t.scored {
		per += 4
	}
	if m == 0 || !d.need(int64(m)*per, "a tier") {
		return
	}
	t.n = m
	for i := range (m + t.pageSize - 1) / t.pageSize {
		t.pages = append(t.pages, t.allocPage(t.pageLen(i)))
	}
	for _, side := range []func(p *page) lowbit.Rows{func(p *page) lowbit.Rows { return p.k }, func(p *page) lowbit.Rows { return p.v }} {
		for i, p := range t.pages {
			r := side(p).Slice(0, t.pageLen(i))
			copy(r.Data, d.take(len(r.Data)))
			if r.Format.Bits == 16 {
				d.checkF16(r.Data, "fp16 value")
			}
			if r.Format.Bits == 32 {
				for k := 0; k+4 <= len(r.Data); k += 4 {
					if v := math.Float32frombits(binary.LittleEndian.Uint32(r.Data[k:])); math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
						d.fail("float32 value %v", v)
					}
				}
			}
		}
		for i, p := range t.pages {
			d.uint16s(side(p).Slice(0, t.pageLen(i)).Scales, "scale")
		}
		for i, p := range t.pages {
			d.uint16s(side(p).Slice(0, t.pageLen(i)).Mins, "min")
		}
	}
	for i, p := range t.pages {
		s := d.take(4 * t.pageLen(i))
		for k := range t.pageLen(i) {
			if s != nil {
				p.pos[k] = int32(binary.LittleEndian.Uint32(s[4*k:]))
			}
		}
	}
	if t.scored {
		t.score = d.floats(m, "score")
	}
}

// uint16s reads finite fp16 values into x.
func (d *decoder) uint16s(x []uint16, name string) {
	s := d.take(2 * len(x))
	if s == nil {
		return
	}
	d.checkF16(s, name)
	for i := range x {
		x[i] = binary.LittleEndian.Uint16(s[2*i:])
	}
}

// checkF16 fails on an fp16 Inf or NaN in s.
func (d *decoder) checkF16(s []byte, name string) {
	for k := 0; k+2 <= len(s); k += 2 {
		if binary.LittleEndian.Uint16(s[k:])&0x7c00 == 0x7c00 {
			d.fail("%s is not finite", name)
			return
		}
	}
}

// rowBytes returns the bytes of one row of dim values in f, scales and mins
// included.
func rowBytes(f lowbit.Format, dim int) int { return f.RowBytes(dim) + 2*scaleCount(f, dim) }
