package mikv

import (
	"fmt"

	"github.com/lowbit-ml/lowbit"
)

// page holds up to pageSize tokens of one tier of one KV head: their keys
// and values in the tier's formats, their positions and (important tier
// only) their ranking scores. Slots [0, n) of a tier are filled densely,
// page by page.
type page struct {
	k, v  lowbit.Rows
	pos   []int32
	score []float32 // nil in the retained tier
}

// tier is the paged storage of one tier of one KV head. Appending fills the
// last page and starts a new one when it is full, so the cache is never
// copied; removing a token moves the last token into its slot.
type tier struct {
	key, val lowbit.Format
	dim      int
	pageSize int
	scores   bool // keep a ranking score per token
	balanced bool // keys are stored as k ⊙ b (quantized keys, balancer on)
	pages    []*page
	n        int
	spare    *page // the last page emptied, kept for the next append
}

func newTier(key, val lowbit.Format, dim, pageSize int, scores, balancer bool) tier {
	return tier{key: key, val: val, dim: dim, pageSize: pageSize, scores: scores, balanced: balancer && key.Quantized()}
}

// newPage allocates an empty page.
func (t *tier) newPage() *page {
	if p := t.spare; p != nil {
		t.spare = nil
		return p
	}
	k, err := lowbit.NewRows(t.key, t.pageSize, t.dim)
	if err != nil {
		panic(fmt.Sprintf("mikv: %v", err)) // formats were validated by New
	}
	v, err := lowbit.NewRows(t.val, t.pageSize, t.dim)
	if err != nil {
		panic(fmt.Sprintf("mikv: %v", err))
	}
	p := &page{k: k, v: v, pos: make([]int32, t.pageSize)}
	if t.scores {
		p.score = make([]float32, t.pageSize)
	}
	return p
}

// pageLen returns the number of tokens in page i.
func (t *tier) pageLen(i int) int { return min(t.pageSize, t.n-i*t.pageSize) }

// slot returns the page and the index in it of slot s.
func (t *tier) slot(s int) (*page, int) { return t.pages[s/t.pageSize], s % t.pageSize }

// appendRows stores m tokens: keys k and values v (m rows of dim values
// each, already checked to be storable), their positions, and their scores
// (nil for a tier without scores). It quantizes once per page.
func (t *tier) appendRows(k, v []float32, pos []int32, score []float32) {
	m, d := len(pos), t.dim
	for done := 0; done < m; {
		if t.n == len(t.pages)*t.pageSize {
			t.pages = append(t.pages, t.newPage())
		}
		p := t.pages[len(t.pages)-1]
		off := t.n % t.pageSize
		take := min(t.pageSize-off, m-done)
		mustQuantize(p.k.Slice(off, off+take), k[done*d:(done+take)*d])
		mustQuantize(p.v.Slice(off, off+take), v[done*d:(done+take)*d])
		copy(p.pos[off:], pos[done:done+take])
		if t.scores {
			copy(p.score[off:], score[done:done+take])
		}
		t.n += take
		done += take
	}
}

// mustQuantize quantizes rows whose values the caller has checked.
func mustQuantize(dst lowbit.Rows, x []float32) {
	if err := lowbit.Quantize(dst, x); err != nil {
		panic(fmt.Sprintf("mikv: values checked before storing failed to quantize: %v", err))
	}
}

// read writes the key and value of slot s, dequantized, into k and v.
func (t *tier) read(s int, k, v []float32) {
	p, i := t.slot(s)
	lowbit.Dequantize(k, p.k.Slice(i, i+1))
	lowbit.Dequantize(v, p.v.Slice(i, i+1))
}

// remove takes slot s out of the tier: the last token moves into it.
func (t *tier) remove(s int) {
	last := t.n - 1
	if s != last {
		dp, di := t.slot(s)
		sp, si := t.slot(last)
		copyRow(dp.k, di, sp.k, si)
		copyRow(dp.v, di, sp.v, si)
		dp.pos[di] = sp.pos[si]
		if t.scores {
			dp.score[di] = sp.score[si]
		}
	}
	t.n--
	if t.n == (len(t.pages)-1)*t.pageSize {
		t.spare = t.pages[len(t.pages)-1]
		t.pages[len(t.pages)-1] = nil
		t.pages = t.pages[:len(t.pages)-1]
	}
}

// reset empties the tier, keeping one page for reuse.
func (t *tier) reset() {
	if len(t.pages) > 0 {
		t.spare = t.pages[0]
	}
	clear(t.pages)
	t.pages = t.pages[:0]
	t.n = 0
}

// copyRow copies row si of src over row di of dst (same format and width).
func copyRow(dst lowbit.Rows, di int, src lowbit.Rows, si int) {
	rb, g := dst.Format.RowBytes(dst.Cols), dst.Format.Groups(dst.Cols)
	copy(dst.Data[di*rb:(di+1)*rb], src.Data[si*rb:(si+1)*rb])
	if g > 0 {
		copy(dst.Scales[di*g:(di+1)*g], src.Scales[si*g:(si+1)*g])
		if dst.Format.HasMins() {
			copy(dst.Mins[di*g:(di+1)*g], src.Mins[si*g:(si+1)*g])
		}
	}
}

// storedBytes returns the bytes of codes (or float values) and of scales and
// mins of the tier's n tokens, keys and values together.
func (t *tier) storedBytes() (codes, scales int64) {
	n := int64(t.n)
	codes = n * int64(t.key.RowBytes(t.dim)+t.val.RowBytes(t.dim))
	scales = n * 2 * int64(scaleCount(t.key, t.dim)+scaleCount(t.val, t.dim))
	return codes, scales
}

// scaleCount returns the fp16 scales and mins per row of dim values in f.
func scaleCount(f lowbit.Format, dim int) int {
	g := f.Groups(dim)
	if f.HasMins() {
		return 2 * g
	}
	return g
}

// allocatedBytes returns the bytes the tier's pages occupy, used or not,
// the spare page included.
func (t *tier) allocatedBytes() int64 {
	pages := int64(len(t.pages))
	if t.spare != nil {
		pages++
	}
	perTok := int64(t.key.RowBytes(t.dim)+t.val.RowBytes(t.dim)) + 2*int64(scaleCount(t.key, t.dim)+scaleCount(t.val, t.dim)) + 4
	if t.scores {
		perTok += 4
	}
	return pages * int64(t.pageSize) * perTok
}
