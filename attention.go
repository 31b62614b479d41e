package lowbit

import (
	"fmt"
	"math"
	"unsafe"
)

// AttentionParams describe exact causal self-attention over a prompt of Len
// tokens for the Group query heads that share one KV head (GQA; Group 1
// is multi-head attention): query token t attends to the keys 0 … t, or
// with a Window to t-Window+1 … t.
type AttentionParams struct {
	Len   int // tokens in the prompt
	Dim   int // values per head: the length of every query, key and value row
	Group int // query heads per KV head

	// Stride is the number of values from one token's query rows to the
	// next token's, in q and in out (0 means Group×Dim): token t's Group
	// rows are q[t*Stride : t*Stride+Group*Dim], head after head, so q
	// and out may be a whole layer's arrays cut at a KV head's first row.
	Stride int

	// Scale multiplies every score q·k (0 means 1/sqrt(Dim)).
	Scale float32
	// Window, if positive, limits query t to the keys t-Window+1 … t.
	Window int
	// SoftCap, if positive, caps every scaled score s to
	// SoftCap·tanh(s/SoftCap) before the softmax.
	SoftCap float32
	// Sinks, if set, holds one logit per query head of the group: an extra
	// entry of each softmax that takes its share of the probability and
	// adds no value (gpt-oss' attention sinks).
	Sinks []float32
}

// The geometry of the tiled attention kernels, shared by every
// implementation (attention_generic.go, avx2_attention_amd64.s,
// avx512_attention_amd64.s, neon_attention_arm64.s): a pass of the score
// and value kernels computes attnRows query rows × attnStrip keys (scores)
// or columns (values) (avx512: × up to 4 strips of attnStrip); keys are
// walked attnTile at a time, the unit of the online softmax.
const (
	attnRows  = 6
	attnStrip = 16
	attnTile  = 128

	// A block of query tokens keeps the probabilities of its rows against
	// every key it sees (for the importance sums, see Attention) in at most
	// about attnBlockValues float32 values, and holds at most
	// attnBlockTokens tokens.
	attnBlockValues = 1 << 22
	attnBlockTokens = 48

	// attnTileStride is the row stride, in values, of a tile's scores:
	// 32 values more than a tile. Rows 576 bytes apart (16 more) cost the
	// scores kernel 20% of its speed (its stores alias the loads of the
	// query rows in the low 12 address bits); 640 bytes apart it runs at
	// 98-100% of the FMA peak (Zen 3, head dimension 128, 192 rows).
	attnTileStride = attnTile + 2*attnStrip
)

// AttentionKV is the prompt of one KV head prepared for the tiled attention
// kernel (Implementation.Attention): its parameters, its keys transposed
// in strips of 16 and its values. NewAttentionKV allocates it, Set fills
// it; the kernel only reads it, so several goroutines may run it at once,
// each with its own AttentionScratch.
type AttentionKV struct {
	p       AttentionParams
	scale   float32
	stride  int
	block   int       // query tokens per block
	kt      []float32 // keys, in strips of attnStrip: kt[s*attnStrip*Dim + c*attnStrip + i] = k[16s+i][c], zero past Len
	vt      []float32 // values, in strips of attnStrip columns: vt[s*attnStrip*Len + t*attnStrip + i] = v[t][16s+i], zero past Dim
	vStride int       // Dim rounded up to attnStrip
	loaded  bool
}

// NewAttentionKV checks p and allocates an AttentionKV for it. It returns an
// error for a size below 1, a Stride below Group×Dim, a negative Window,
// a non-finite or negative Scale or SoftCap, Sinks of a length other than
// Group or holding a non-finite value, or more than MaxAlloc bytes.
func NewAttentionKV(p AttentionParams) (*AttentionKV, error) {
	switch {
	case p.Len < 1 || p.Dim < 1 || p.Group < 1 || int64(p.Dim) > maxAlloc/4/int64(p.Group):
		return nil, fmt.Errorf("lowbit: attention over %d tokens of dimension %d with %d query heads", p.Len, p.Dim, p.Group)
	case p.Stride != 0 && p.Stride < p.Group*p.Dim:
		return nil, fmt.Errorf("lowbit: attention with a stride of %d values for %d query rows of %d", p.Stride, p.Group, p.Dim)
	case p.Window < 0:
		return nil, fmt.Errorf("lowbit: attention with a window of %d tokens", p.Window)
	case !(p.Scale >= 0 && p.Scale <= math.MaxFloat32):
		return nil, fmt.Errorf("lowbit: attention scale %v", p.Scale)
	case !(p.SoftCap >= 0 && p.SoftCap <= math.MaxFloat32):
		return nil, fmt.Errorf("lowbit: attention soft cap %v", p.SoftCap)
	case p.Sinks != nil && len(p.Sinks) != p.Group:
		return nil, fmt.Errorf("lowbit: attention with %d sink logits for %d query heads", len(p.Sinks), p.Group)
	}
	for h, s := range p.Sinks {
		if !(s >= -math.MaxFloat32 && s <= math.MaxFloat32) {
			return nil, fmt.Errorf("lowbit: attention sink logit %d is %v", h, s)
		}
	}
	n16, dv := roundUp(p.Len, attnStrip), roundUp(p.Dim, attnStrip)
	perKey := func(int64) int64 { return 4 * int64(p.Dim+dv) }
	if _, err := allocBytes("attention keys", n16, p.Dim, perKey); err != nil {
		return nil, err
	}
	a := &AttentionKV{p: p, scale: p.Scale, stride: p.Stride, vStride: dv}
	a.p.Sinks = append([]float32(nil), p.Sinks...)
	if p.Sinks == nil {
		a.p.Sinks = nil
	}
	if a.scale == 0 {
		a.scale = float32(1 / math.Sqrt(float64(p.Dim)))
	}
	if a.stride == 0 {
		a.stride = p.Group * p.Dim
	}
	a.block = attnBlock(p.Len, p.Group)
	a.kt = make([]float32, n16*p.Dim)
	a.vt = make([]float32, p.Len*dv)
	return a, nil
}

// attnBlock returns the query tokens of a block for a prompt of n tokens
// and g query heads per KV head: as many as keep the block's probability
// rows within attnBlockValues (at most attnBlockTokens), a multiple of
// the tokens whose rows fill whole passes of attnRows rows.
func attnBlock(n, g int) int {
	unit := attnRows / gcd(g, attnRows)
	b := min(attnBlockTokens, attnBlockValues/(g*attnPStride(n)))
	b = max(unit, b/unit*unit)
	return min(b, roundUp(n, unit))
}

// attnPStride returns the values a row of a block that sees up to n keys
// keeps for the importance sums (its probabilities of every tile): whole
// tiles and 16 values more (the stride of its rows when they were kept
// row by row), the budget that attnBlock sizes blocks by.
func attnPStride(n int) int { return roundUp(n, attnTile) + attnStrip }

// gcd returns the greatest common divisor of a and b (a, b >= 0).
func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func roundUp(n, m int) int { return (n + m - 1) / m * m }

// Params returns the parameters of a.
func (a *AttentionKV) Params() AttentionParams {
	p := a.p
	p.Sinks = append([]float32(nil), a.p.Sinks...)
	if a.p.Sinks == nil {
		p.Sinks = nil
	}
	return p
}

// BlockTokens returns the number of query tokens the kernel handles at a
// time (a block: its rows share every tile of keys and values): a caller
// that spreads the prompt over goroutines hands out whole blocks.
func (a *AttentionKV) BlockTokens() int { return a.block }

// Set loads the prompt's keys and values, Len rows of Dim values each:
// the keys transposed into strips of 16 keys, the values cut into strips
// of 16 columns (both zero-padded), so that the kernels read each strip
// in order. If maxAbsK is not nil (Dim values), Set also sets maxAbsK[c]
// = max(maxAbsK[c], |k[t][c]|) over every key t. It panics if a length
// does not fit.
func (a *AttentionKV) Set(k, v, maxAbsK []float32) {
	n, d := a.p.Len, a.p.Dim
	if len(k) != n*d || len(v) != n*d {
		panic(fmt.Sprintf("lowbit: AttentionKV.Set of %d tokens of %d values needs len(k) = len(v) = %d, got %d and %d", n, d, n*d, len(k), len(v)))
	}
	if maxAbsK != nil && len(maxAbsK) != d {
		panic(fmt.Sprintf("lowbit: AttentionKV.Set needs len(maxAbsK) = %d, got %d", d, len(maxAbsK)))
	}
	attnPackKeys(a.kt, k, n, d, maxAbsK)
	attnPackValues(a.vt, v, n, d)
	a.loaded = true
}

// attnPackValues writes the n values v (rows of d values) into vt in
// strips of attnStrip columns, vt[s*attnStrip*n + t*attnStrip + i] =
// v[t][16s+i], with zeros for the columns of the last strip past d.
func attnPackValues(vt, v []float32, n, d int) {
	for c0 := 0; c0 < d; c0 += attnStrip {
		strip := vt[c0*n : (c0+attnStrip)*n]
		cols := min(attnStrip, d-c0)
		for t := range n {
			copy(strip[t*attnStrip:t*attnStrip+cols], v[t*d+c0:t*d+c0+cols])
		}
	}
}

// attnPackKeys writes the n keys k (rows of d values) into kt in strips of
// attnStrip keys, kt[s*attnStrip*d + c*attnStrip + i] = k[16s+i][c], with
// zeros for the keys of the last strip past n, and folds |k| into maxAbs
// (if not nil). It is O(n·d), next to the kernel's O(n²·d), so it is Go
// for every implementation.
func attnPackKeys(kt, k []float32, n, d int, maxAbs []float32) {
	for s0 := 0; s0 < n; s0 += attnStrip {
		strip := kt[s0*d : (s0+attnStrip)*d]
		keys := min(attnStrip, n-s0)
		if keys < attnStrip {
			clear(strip)
		}
		for i := range keys {
			row := k[(s0+i)*d : (s0+i+1)*d]
			for c, x := range row {
				strip[c*attnStrip+i] = x
			}
			if maxAbs != nil {
				maxAbsFold(maxAbs, row)
			}
		}
	}
}

// maxAbsFold sets m[c] = max(m[c], |x[c]|).
func maxAbsFold(m, x []float32) {
	x = x[:len(m)]
	for c, v := range x {
		m[c] = max(m[c], abs32(v))
	}
}

// AttentionScratch is the working memory of one goroutine running the
// attention kernel: a block's queries, outputs and probabilities, and the
// softmax state of its rows. NewScratch allocates it.
type AttentionScratch struct {
	a     *AttentionKV
	q, o  []float32 // rows × Dim scaled queries, rows × vStride outputs
	tile  []float32 // rows × attnTileStride: a tile's scores, then probabilities
	p     []float32 // the probabilities of every tile of the block, tile after tile (rows × attnTile each; 64-byte aligned)
	m, l  []float32 // per row: the running max and sum
	beta  []float32 // per row: the rescaling of the current tile
	mt    []float32 // per tile seen and row: the max that its probabilities are relative to
	alpha []float32 // per tile seen and row: the factor of the tile's probabilities in the importance sums
	cs    []float32 // the block's importance sums
	rng   []int32   // per row: the visible keys [a, b) of the current tile
}

// NewScratch allocates the working memory of one goroutine that runs the
// attention kernel on a.
func (a *AttentionKV) NewScratch() *AttentionScratch {
	rows := roundUp(a.block*a.p.Group, attnRows)
	ps := attnPStride(a.p.Len)
	return &AttentionScratch{
		a:     a,
		q:     make([]float32, rows*a.p.Dim),
		o:     make([]float32, rows*a.vStride),
		tile:  make([]float32, rows*attnTileStride),
		p:     aligned64(rows * ps),
		m:     make([]float32, rows),
		l:     make([]float32, rows),
		beta:  make([]float32, rows),
		mt:    make([]float32, (ps/attnTile)*rows),
		alpha: make([]float32, (ps/attnTile)*rows),
		cs:    make([]float32, ps),
		rng:   make([]int32, 2*rows),
	}
}

// aligned64 returns n float32 values whose first is 64-byte aligned (the
// non-temporal stores of the softmax kernels need 32 bytes for a YMM
// vector, 64 for a ZMM one).
func aligned64(n int) []float32 {
	b := make([]float32, n+16)
	off := int(uintptr(unsafe.Pointer(&b[0])) % 64 / 4)
	return b[(16-off)%16:][:n:n]
}

// Attention computes exact causal attention for the query tokens [t0, t1)
// of the prompt loaded into a (AttentionKV.Set), with the working memory s
// (from a.NewScratch). For every query row (token t, head h of the group) it
// writes to out[t*Stride+h*Dim:][:Dim] the output Σ_k p_k v_k, where p is
// the softmax of the scores Scale·q·k over the keys t sees (soft-capped,
// with the head's sink logit as an extra entry, as a's parameters say).
// If colSums is not nil (at least t1 values), it adds to colSums[k] the
// probability p_k summed over every row of [t0, t1) (the attention key k
// receives: H2O's importance); if maxAbsQ is not nil (Dim values), it sets
// maxAbsQ[c] = max(maxAbsQ[c], |q[c]|) over those rows (the queries as
// given, before Scale).
//
// The kernel runs on blocks of BlockTokens query tokens and tiles of 128
// keys with an online softmax (a running max and sum per row, the partial
// output rescaled when the max grows), in float32. It keeps each block's
// probabilities, relative to the running max they were computed with,
// and the max of every tile, and once the block's rows are complete it
// corrects them by exp(max_tile - max_final)/sum_final into the importance
// sums: one multiply-add per score, where recomputing the scores would
// cost Dim.
//
// Calls on disjoint token ranges may run concurrently, each with its own
// scratch, colSums and maxAbsQ; each row's output is the same, bit for
// bit, whatever the calls its token was computed in. The queries, keys
// and values must be finite, and the scores Scale·q·k too (the kernel does
// not check them; mikv does). It panics if a length does not fit, if s
// was made for another AttentionKV, or if the keys were never set.
//
// The avx2, avx512 and neon implementations run the tiles in assembly
// (avx512 on 512-bit vectors: see attnAVX512).
func (im *Implementation) Attention(a *AttentionKV, s *AttentionScratch, out, q []float32, t0, t1 int, colSums, maxAbsQ []float32) {
	p := &a.p
	switch {
	case !a.loaded:
		panic("lowbit: Attention before AttentionKV.Set")
	case s == nil || s.a != a:
		panic("lowbit: Attention with a scratch made for another AttentionKV")
	case t0 < 0 || t1 < t0 || t1 > p.Len:
		panic(fmt.Sprintf("lowbit: Attention of tokens [%d, %d) of a prompt of %d", t0, t1, p.Len))
	case colSums != nil && len(colSums) < t1:
		panic(fmt.Sprintf("lowbit: Attention of tokens [%d, %d) needs len(colSums) >= %d, got %d", t0, t1, t1, len(colSums)))
	case maxAbsQ != nil && len(maxAbsQ) != p.Dim:
		panic(fmt.Sprintf("lowbit: Attention needs len(maxAbsQ) = %d, got %d", p.Dim, len(maxAbsQ)))
	}
	if t1 == t0 {
		return
	}
	if need := (t1-1)*a.stride + p.Group*p.Dim; len(q) < need || len(out) < need {
		panic(fmt.Sprintf("lowbit: Attention of tokens [%d, %d) needs len(q) and len(out) >= %d, got %d and %d", t0, t1, need, len(q), len(out)))
	}
	for b0 := t0; b0 < t1; b0 += a.block {
		attnRunBlock(&im.k.attention, a, s, out, q, b0, min(t1, b0+a.block), colSums, maxAbsQ)
	}
}

// Attention computes exact causal attention for the query tokens [t0, t1)
// of a prompt; see Implementation.Attention.
func Attention(a *AttentionKV, s *AttentionScratch, out, q []float32, t0, t1 int, colSums, maxAbsQ []float32) {
	active.Attention(a, s, out, q, t0, t1, colSums, maxAbsQ)
}
