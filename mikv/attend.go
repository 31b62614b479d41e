package mikv

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit"
)

// One attention pass of a KV head, for the query rows of the call's tokens
// [t0, t1) at positions [p0, p0+t1−t0) (each token's group of query
// heads), runs in phases, each in one place so that a later change drops
// in:
//
//  1. plan (on the head's goroutine): transformQueries, the query
//     transform (the scale, then the division by the balancer for
//     balanced keys; the int8 queries of DotQ8), once per pass; and the
//     splits: every page of each tier, cut into ranges of at most
//     splitTokens tokens. The split points depend on the tiers only,
//     never on the number of workers.
//  2. runSplit (one task per split, on any worker): one multi-query
//     kernel call (lowbit.Dot or DotQ8) for every query row, the logit
//     transform (soft-capping) and the mask (causal within the call,
//     sliding window), the softmax of each row over the split alone
//     (a reference score and its probability kept, which give the
//     split's sum of exp), and one lowbit.AddWeighted: the split's
//     output, normalized over the split;
//  3. merge (on the head's goroutine): per query row, the splits' outputs
//     summed with weights Σ_split exp(x − M) / Σ_all exp(x − M) (the sink
//     logit in the denominator), in split order (flash-decoding's exact
//     merge); then the credit of the important tokens' probabilities.
//
// Every split writes only its own block of scores, its statistics and its
// partial output, and the merge reads them in a fixed order, so the output
// is bit-identical whatever the number of workers and whichever ran which
// split. The rotation (Config.Rotation) sits in one place per side: keys
// and values are rotated when stored (head.convert), queries once per
// pass (transformQueries), and the output part of the tiers of rotated
// values is rotated back once per pass, in the merge, after every split
// has been summed in order (so the output stays bit-identical for any
// number of workers).

// splitTokens is the most tokens of one split: a page of the default size.
// Splits are the unit of work the workers share; a split costs one call
// of each kernel, a softmax per query row and its share of the merge.
const splitTokens = 1024

// split is a range of slots of one page of one tier, attended as a unit.
type split struct {
	ti    int // tier: 0 important, 1 retained
	page  int
	lo, n int // slots [lo, lo+n) of the page
	col   int // the split's first token in slot order over both tiers
}

// pass is what the phases of one attention pass share.
type pass struct {
	rows int  // query rows: tokens × group
	t0   int  // the call's first token of the pass
	p0   int  // its position
	mask bool // a row cannot see some tokens (several tokens, or a window)
	// joint: the head holds at most jointTokens tokens, and the pass runs
	// as one task (runJoint), with no merge
	joint bool
}

// plan prepares the pass over the call's tokens [t0, t1) (positions from
// p0): the transformed queries and the splits.
func (h *head) plan(t0, t1, p0 int) {
	g, d := h.group, h.dim
	rows := (t1 - t0) * g
	h.pass = pass{rows: rows, t0: t0, p0: p0, mask: t1-t0 > 1 || h.pol.Window > 0}
	h.transformQueries(h.qin[t0*g*d:t1*g*d], rows)
	h.splits = h.splits[:0]
	col := 0
	for ti, t := range h.tiers() {
		for i := range t.pages {
			n := t.pageLen(i)
			for lo := 0; lo < n; lo += splitTokens {
				k := min(splitTokens, n-lo)
				h.splits = append(h.splits, split{ti: ti, page: i, lo: lo, n: k, col: col})
				col += k
			}
		}
	}
	ns := len(h.splits)
	h.pass.joint = col <= jointTokens
	h.scores = grow(h.scores, rows*col)
	h.wts = grow(h.wts, ns*rows)
	if !h.pass.joint { // a joint pass keeps no per-split statistics or outputs
		h.stat = grow(h.stat, 2*ns*rows)
		h.mw = grow(h.mw, ns)
		h.part = grow(h.part, 2*ns*rows*d) // [r][split][d], then each split's own [r][d]
	}
}

// tiers returns the head's tiers in slot order: important, retained.
func (h *head) tiers() [2]*tier { return [2]*tier{&h.imp, &h.ret} }

// transformQueries sets h.qs to the rows of q times the scale and, if the
// balancer is frozen, h.qb to h.qs divided by the balancer; with
// Int8Queries, it quantizes the queries of each tier of 2-8 bit keys.
func (h *head) transformQueries(q []float32, rows int) {
	d := h.dim
	h.qs = grow(h.qs, rows*d)
	scale := h.pol.scale(d)
	for i, x := range q[:rows*d] {
		h.qs[i] = x * scale
	}
	if inv := h.bal.inv; inv != nil {
		h.qb = grow(h.qb, rows*d)
		for j := range rows {
			row, src := h.qb[j*d:(j+1)*d], h.qs[j*d:(j+1)*d]
			for c, b := range inv {
				row[c] = src[c] * b
			}
		}
	}
	for _, t := range h.tiers() {
		if t.rotKeys && t.n > 0 { // every tier of rotated keys reads the same queries
			h.qr = grow(h.qr, rows*d)
			copy(h.qr, h.unrotated(t, rows))
			h.rtmp = grow(h.rtmp, rows*d)
			h.rot.forward(h.qr, h.rtmp)
			break
		}
	}
	for ti, t := range h.tiers() {
		h.q8use[ti] = nil
		if !h.cfg.Int8Queries || !t.key.Quantized() || t.n == 0 {
			continue
		}
		if h.q8[ti] == nil || h.q8[ti].Len() != rows {
			var err error
			if h.q8[ti], err = lowbit.NewQ8(t.key, rows, d); err != nil {
				panic(fmt.Sprintf("mikv: %v", err)) // formats were validated by New
			}
		}
		if err := lowbit.QuantizeQ8(h.q8[ti], h.queries(t, rows)); err != nil {
			panic(fmt.Sprintf("mikv: checked queries failed to quantize: %v", err))
		}
		h.q8use[ti] = h.q8[ti]
	}
}

// queries returns the transformed queries to score tier t's keys with:
// divided by the balancer if the tier stores balanced keys, then rotated
// if it stores rotated keys.
func (h *head) queries(t *tier, rows int) []float32 {
	if t.rotKeys {
		return h.qr[:rows*h.dim]
	}
	return h.unrotated(t, rows)
}

// unrotated returns the queries of tier t before any rotation.
func (h *head) unrotated(t *tier, rows int) []float32 {
	if t.balanced && h.bal.inv != nil {
		return h.qb[:rows*h.dim]
	}
	return h.qs[:rows*h.dim]
}

// block returns the scores of split s: rows × n values, row by row.
func (h *head) block(s *split) []float32 {
	r := h.pass.rows
	return h.scores[s.col*r : (s.col+s.n)*r]
}

// runSplit runs split s of the pass: scores, logit transform and mask,
// the softmax of each row over the split, and the split's output. For
// each row r it records in h.stat a reference score of the row and that
// score's probability within the split (which together give the split's
// weight in the merge), or −Inf and 0 if the row sees no token of the
// split.
func (h *head) runSplit(si int) {
	s := &h.splits[si]
	t := h.tiers()[s.ti]
	p := t.pages[s.page]
	rows, n := h.pass.rows, s.n
	blk := h.block(s)
	keys := p.k.Slice(s.lo, s.lo+n)
	h.score(blk, keys, t, s.ti)
	pos := p.pos[s.lo : s.lo+n]
	st := h.stat[2*si*rows : 2*(si+1)*rows]
	for r := range rows {
		row := blk[r*n : (r+1)*n]
		h.transformRow(row, pos, r)
		at := h.reference(row)
		if at < 0 {
			clear(row)
			st[2*r], st[2*r+1] = float32(math.Inf(-1)), 0
			continue
		}
		ref := row[at]
		lowbit.Softmax(row)
		if row[at] < minReference {
			ref, at = h.rescore(row, keys, t, s.ti, pos, r)
		}
		st[2*r], st[2*r+1] = ref, row[at]
	}
	d, ns := h.dim, len(h.splits)
	out := h.part[(ns+si)*rows*d : (ns+si+1)*rows*d]
	clear(out)
	h.sumValues(out, p.v.Slice(s.lo, s.lo+n), blk, s.ti)
	for r := range rows { // to the merge's layout: query row r's splits in a row
		copy(h.part[(r*ns+si)*d:(r*ns+si+1)*d], out[r*d:(r+1)*d])
	}
}

// sumValues adds the values v of tier ti weighted by the rows of w to out:
// with Int8Weights, lowbit.AddWeightedQ8 for the retained tier's values
// stored in 2 to 8 bits (see Config.Int8Weights).
func (h *head) sumValues(out []float32, v lowbit.Rows, w []float32, ti int) {
	if h.cfg.Int8Weights && ti == 1 && v.Format.Quantized() {
		lowbit.AddWeightedQ8(out, v, w)
		return
	}
	lowbit.AddWeighted(out, v, w)
}

// score writes the scores of keys (of tier t, index ti) for every query
// row of the pass into blk.
func (h *head) score(blk []float32, keys lowbit.Rows, t *tier, ti int) {
	if q8 := h.q8use[ti]; q8 != nil {
		lowbit.DotQ8(blk, keys, q8)
	} else {
		lowbit.Dot(blk, keys, h.queries(t, h.pass.rows))
	}
}

// transformRow applies the logit transform (soft cap) and the mask of
// query row r to its scores of the tokens at positions pos.
func (h *head) transformRow(row []float32, pos []int32, r int) {
	if c := h.pol.SoftCap; c > 0 {
		softCap(row, c)
	}
	if h.pass.mask {
		h.maskRow(row, pos, int32(h.pass.p0+r/h.group))
	}
}

// minReference is the least probability a split's reference score may
// have after the softmax: a normal float32 well above the subnormals, so
// that it keeps float32 precision.
const minReference = 1e-30

// reference returns the index of the reference score of a row of scores,
// or -1 if the row sees no token (every score −Inf): with a mask, the
// largest score; without one (every score finite), the largest of a
// sample of the row (nine evenly spaced scores, the last included), whose
// probability after the softmax is below minReference only when the
// sample misses the row's max by more than about 60 (rescore then takes
// the max).
func (h *head) reference(row []float32) int {
	n := len(row)
	if h.pass.mask || n <= 16 {
		m, at := argmax(row)
		if math.IsInf(float64(m), -1) {
			return -1
		}
		return at
	}
	at := n - 1
	for k := range 8 {
		if i := k * n / 8; row[i] > row[at] {
			at = i
		}
	}
	return at
}

// rescore recomputes query row r's scores of keys (the split's, at
// positions pos) into row after a sampled reference fell below
// minReference, takes the row's max as the reference, and redoes the
// softmax; it returns the reference score and its index. It depends on
// the data only, so the results stay the same for any number of workers.
func (h *head) rescore(row []float32, keys lowbit.Rows, t *tier, ti int, pos []int32, r int) (float32, int) {
	h.rescored++
	n := len(row)
	all := make([]float32, h.pass.rows*n)
	h.score(all, keys, t, ti)
	copy(row, all[r*n:(r+1)*n])
	h.transformRow(row, pos, r)
	m, at := argmax(row)
	lowbit.Softmax(row)
	return m, at
}

// argmax returns the largest value of x (len(x) > 0, no NaN) and the index
// of its first occurrence.
func argmax(x []float32) (float32, int) {
	var m [4]float32
	var at [4]int
	for k := range m {
		m[k], at[k] = float32(math.Inf(-1)), len(x)
	}
	i := 0
	for ; i+4 <= len(x); i += 4 {
		y := x[i : i+4 : i+4]
		if y[0] > m[0] {
			m[0], at[0] = y[0], i
		}
		if y[1] > m[1] {
			m[1], at[1] = y[1], i+1
		}
		if y[2] > m[2] {
			m[2], at[2] = y[2], i+2
		}
		if y[3] > m[3] {
			m[3], at[3] = y[3], i+3
		}
	}
	for ; i < len(x); i++ {
		if x[i] > m[0] {
			m[0], at[0] = x[i], i
		}
	}
	best, bi := m[0], at[0]
	for k := 1; k < 4; k++ {
		if m[k] > best || m[k] == best && at[k] < bi {
			best, bi = m[k], at[k]
		}
	}
	if bi == len(x) { // every value is −Inf
		bi = 0
	}
	return best, bi
}

// merge sums the splits' outputs of every query row of the pass into the
// head's output rows, with the exact flash-decoding weights, and credits
// the important tokens' probabilities. A split whose row has the
// reference score x_r with probability p_r within the split has
// Σ exp(x − M) = exp(x_r − M)/p_r over its tokens, and weighs that over
// the sum of all splits' and exp(sink − M); M is the largest reference
// score and sink logit (in float64, exp(x_r − M)/p_r stays finite:
// p_r >= minReference). The splits of tiers of rotated values are summed
// apart, rotated back (Rᵀ) for all rows at once, and added last.
func (h *head) merge() {
	rows, d, g, ns := h.pass.rows, h.dim, h.group, len(h.splits)
	out := h.oin[h.pass.t0*g*d:][:rows*d]
	sl := h.pol.SinkLogits
	rotated := h.beginRotated()
	for r := range rows {
		top := math.Inf(-1)
		for s := range ns {
			top = max(top, float64(h.stat[2*(s*rows+r)]))
		}
		var sink float64
		if sl != nil {
			sink = float64(sl[h.index*g+r%g])
			top = max(top, sink)
		}
		var sum float64
		for s := range ns {
			m, pmax := h.stat[2*(s*rows+r)], h.stat[2*(s*rows+r)+1]
			a := 0.0
			if pmax > 0 {
				a = math.Exp(float64(m)-top) / float64(pmax)
			}
			h.wts[s*rows+r] = float32(a) // the split's weight, normalized below
			sum += a
		}
		if sl != nil {
			sum += math.Exp(sink - top)
		}
		w := h.mw[:ns]
		for s := range ns {
			w[s] = 0 // a split that sees no token, or none does
			if a := float64(h.wts[s*rows+r]); a > 0 {
				w[s] = float32(a / sum)
			}
			if ns == 1 && sl == nil {
				w[s] = 1 // one split holds every token: its output is the output
			}
			h.wts[s*rows+r] = w[s]
		}
		o := out[r*d : (r+1)*d]
		clear(o)
		// The splits of each tier at once (a masked split's part is 0).
		parts := h.part[r*ns*d : (r+1)*ns*d]
		s0 := 0
		for s1 := 1; s1 <= ns; s1++ {
			ti := h.splits[s1-1].ti
			if s1 < ns && h.splits[s1].ti == ti {
				continue
			}
			dst := o
			if rotated[ti] {
				dst = h.orot[r*d : (r+1)*d]
			}
			lowbit.AddWeighted(dst, floatRows(parts[s0*d:s1*d], d), w[s0:s1])
			s0 = s1
		}
	}
	h.endRotated(rotated, out)
}

// floatRows returns x as lowbit rows of float32 values, cols a row.
func floatRows(x []float32, cols int) lowbit.Rows {
	return lowbit.Rows{Format: lowbit.F32, Cols: cols, Data: unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(x))), 4*len(x))}
}

// beginRotated returns which tiers of the pass hold rotated values (and
// so sum their output part apart, in h.orot, which it sizes and clears).
func (h *head) beginRotated() [2]bool {
	var rotated [2]bool
	for ti, t := range h.tiers() {
		rotated[ti] = t.rotVals && t.n > 0
	}
	if rotated[0] || rotated[1] {
		h.orot = grow(h.orot, h.pass.rows*h.dim)
		clear(h.orot)
	}
	return rotated
}

// endRotated rotates the output part of the tiers of rotated values back
// (Rᵀ, all rows at once) and adds it to out, if a tier holds them.
func (h *head) endRotated(rotated [2]bool, out []float32) {
	if !rotated[0] && !rotated[1] {
		return
	}
	h.rtmp = grow(h.rtmp, h.pass.rows*h.dim)
	h.rot.inverse(h.orot, h.rtmp)
	for i, x := range h.orot {
		out[i] += x
	}
}

// credit adds the probabilities of the last pass (the splits' softmax
// times their merge weights) to the important tokens' scores: per split,
// the scores gain Σ_r w_r·p_r, one lowbit.AddWeighted over the split's
// block of probabilities read as float32 rows.
func (h *head) credit() {
	rows := h.pass.rows
	for si := range h.splits {
		s := &h.splits[si]
		if s.ti != 0 {
			break // the retained splits follow the important ones
		}
		base := s.page*h.imp.pageSize + s.lo
		blk := h.block(s)
		lowbit.AddWeighted(h.imp.score[base:base+s.n], floatRows(blk, s.n), h.wts[si*rows:(si+1)*rows])
	}
}

// softCap replaces each score s by c·tanh(s/c).
func softCap(s []float32, c float64) {
	for i, x := range s {
		s[i] = float32(c * math.Tanh(float64(x)/c))
	}
}

// maskRow sets to -Inf the scores of the tokens at positions pos that the
// query at position p cannot see: later ones, and with a window those
// older than p−Window+1.
func (h *head) maskRow(s []float32, pos []int32, p int32) {
	lo := int32(math.MinInt32)
	if w := h.pol.Window; w > 0 {
		lo = p - int32(w-1)
	}
	ninf := float32(math.Inf(-1))
	for i, ps := range pos {
		if ps > p || ps < lo {
			s[i] = ninf
		}
	}
}
