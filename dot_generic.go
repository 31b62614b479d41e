package lowbit

import (
	"encoding/binary"
	"math"

	"github.com/lowbit-ml/lowbit/pack"
)

// dotGeneric is the reference Dot: out[j*n+i] = Σ_c deq(r[i,c]) * x[j*Cols+c].
// Per group of codes it forms d = Σ q*x, through tables built from each
// query row (nibbles_generic.go) or, for 8-bit codes, directly, then adds
// scale*d + shift*Σx. Groups too long for the tables run dotUnpacked.
func dotGeneric(out []float32, r Rows, x []float32) {
	f, cols := r.Format, r.Cols
	if !f.Quantized() {
		dotFloatGeneric(out, r, x)
		return
	}
	clear(out)
	n := r.Len()
	if n == 0 {
		return
	}
	query := dotQueryNibbles
	switch pickPath(f, n, true) {
	case bytePath:
		query = dotQueryBytes
	case directPath:
		query = dotQueryBytes8
	case unpackPath:
		dotUnpacked(out, r, x)
		return
	}
	for j := 0; j < len(x)/cols; j++ {
		query(out[j*n:(j+1)*n], r, x[j*cols:(j+1)*cols])
	}
}

// dotQueryNibbles adds to out the dot products of the rows of r with one
// query row x through nibble tables.
func dotQueryNibbles(out []float32, r Rows, x []float32) {
	var nt [32 * nibbleBytes]float32
	dotQuery(out, r, x, codeTables[float32]{nt: nt[:]})
}

// dotQueryBytes is dotQueryNibbles through byte tables, for calls of many
// rows. (The tables of each way are declared apart, so that a call zeroes
// only the stack it uses.)
func dotQueryBytes(out []float32, r Rows, x []float32) {
	var nt [32 * byteTableBytes]float32
	var bt [256 * byteTableBytes]float32
	dotQuery(out, r, x, codeTables[float32]{nt: nt[:], bt: bt[:]})
}

// dotQuery adds to out the dot products of the rows of r with one query
// row x, chunk by chunk of whole groups, through the tables t.
func dotQuery(out []float32, r Rows, x []float32, t codeTables[float32]) {
	f := r.Format
	gb, groups := f.Group*f.Bits/8, f.Groups(r.Cols)
	var xs, d [nibbleBytes]float32 // a chunk has at most nibbleBytes groups
	for g0 := 0; g0 < groups; g0 += t.chunkBytes() / gb {
		g1 := min(groups, g0+t.chunkBytes()/gb)
		ng := g1 - g0
		t.build(x[g0*f.Group:], f, ng)
		groupSums(xs[:ng], x, f, g0)
		c := newRowChunk(r, g0, g1)
		if t.bt != nil && dotRowsFused(out, c, t.bt, xs[:ng], gb, f.Symmetric) {
			continue
		}
		for i := range out {
			t.sums(d[:ng], c.codes(i), gb)
			sc, sh := c.params(i)
			out[i] += scaleSums(d[:ng], sc, sh, xs[:ng])
		}
	}
}

// dotQueryBytes8 is dotQueryNibbles for 8-bit codes, which need no
// tables: a code byte is a code, in the order of the values (pack's layout
// of 8-bit codes), multiplied with its query value as it is.
func dotQueryBytes8(out []float32, r Rows, x []float32) {
	f := r.Format
	groups := f.Groups(r.Cols)
	var xs, d [nibbleBytes]float32
	for g0 := 0; g0 < groups; g0 += nibbleBytes {
		g1 := min(groups, g0+nibbleBytes)
		ng := g1 - g0
		groupSums(xs[:ng], x, f, g0)
		c := newRowChunk(r, g0, g1)
		xc := x[g0*f.Group : g1*f.Group]
		for i := range out {
			p := c.codes(i)
			for g := range d[:ng] {
				d[g] = dotCodes(p[g*f.Group:(g+1)*f.Group], xc[g*f.Group:])
			}
			sc, sh := c.params(i)
			out[i] += scaleSums(d[:ng], sc, sh, xs[:ng])
		}
	}
}

// dotCodes returns Σ q_k x_k; len(q) is a multiple of 8 and len(x) >= len(q).
func dotCodes(q []byte, x []float32) float32 {
	var d0, d1, d2, d3 float32
	x = x[:len(q)]
	for len(q) >= 8 && len(x) >= 8 {
		d0 += codeFloat[q[0]]*x[0] + codeFloat[q[4]]*x[4]
		d1 += codeFloat[q[1]]*x[1] + codeFloat[q[5]]*x[5]
		d2 += codeFloat[q[2]]*x[2] + codeFloat[q[6]]*x[6]
		d3 += codeFloat[q[3]]*x[3] + codeFloat[q[7]]*x[7]
		q, x = q[8:], x[8:]
	}
	return (d0 + d1) + (d2 + d3)
}

// rowChunk is groups [g0, g1) of every row of r, as the table kernels read
// them: each row's code bytes, fp16 scales and fp16 shifts (the mins, or
// the scales again for symmetric formats).
type rowChunk struct {
	data       []byte
	scales     []uint16
	shifts     []uint16
	rb, gs, cb int // bytes per row, groups per row, code bytes of the chunk
	ng         int // groups in the chunk
}

// newRowChunk returns groups [g0, g1) of the rows of r.
func newRowChunk(r Rows, g0, g1 int) rowChunk {
	f := r.Format
	gb := f.Group * f.Bits / 8
	shifts := r.Mins
	if f.Symmetric {
		shifts = r.Scales
	}
	return rowChunk{data: r.Data[g0*gb:], scales: r.Scales[g0:], shifts: shifts[g0:],
		rb: f.RowBytes(r.Cols), gs: f.Groups(r.Cols), cb: (g1 - g0) * gb, ng: g1 - g0}
}

// codes returns the code bytes of row i in the chunk.
func (c *rowChunk) codes(i int) []byte { return c.data[i*c.rb : i*c.rb+c.cb] }

// params returns the scales and shifts of row i in the chunk.
func (c *rowChunk) params(i int) (sc, sh []uint16) {
	return c.scales[i*c.gs : i*c.gs+c.ng], c.shifts[i*c.gs : i*c.gs+c.ng]
}

// groupSums sets xs[g-g0] to Σx over group g of the query row x, for the
// groups g0 … g0+len(xs)-1, times -2^(Bits-1) for symmetric formats (the
// factor of their shift: deq(q) = scale*q - scale*2^(Bits-1)).
func groupSums(xs []float32, x []float32, f Format, g0 int) {
	mult := float32(1)
	if f.Symmetric {
		mult = -float32(int(1) << (f.Bits - 1))
	}
	for k := range xs {
		g := g0 + k
		xs[k] = mult * sumFloats(x[g*f.Group:(g+1)*f.Group])
	}
}

// Chunking of dotUnpacked: the sums Σx per query row and group are formed
// once per call (not once per row) in a buffer on the stack, for up to
// dotChunkQueries query rows and dotChunkGroups groups at a time. Longer
// rows and more queries are processed chunk by chunk.
const (
	dotChunkQueries = 8
	dotChunkGroups  = 32
)

// dotUnpacked is Dot on groups too long for the tables: each block of
// codes is unpacked and converted to float32 once for all query rows.
func dotUnpacked(out []float32, r Rows, x []float32) {
	cols, groups := r.Cols, r.Format.Groups(r.Cols)
	n, nq := r.Len(), len(x)/cols
	var xs [dotChunkQueries * dotChunkGroups]float32
	for j0 := 0; j0 < nq; j0 += dotChunkQueries {
		qn := min(dotChunkQueries, nq-j0)
		for g0 := 0; g0 < groups; g0 += dotChunkGroups {
			g1 := min(groups, g0+dotChunkGroups)
			dotChunk(out[j0*n:(j0+qn)*n], r, x[j0*cols:(j0+qn)*cols], g0, g1, &xs)
		}
	}
}

// dotChunk adds to out the dot products of every row of r with the query
// rows x, over the groups [g0, g1).
func dotChunk(out []float32, r Rows, x []float32, g0, g1 int, xs *[dotChunkQueries * dotChunkGroups]float32) {
	f, cols := r.Format, r.Cols
	n, qn := r.Len(), len(x)/cols
	// xs[j*dotChunkGroups+g-g0]: Σx over group g in query row j.
	for j := 0; j < qn; j++ {
		for g := g0; g < g1; g++ {
			xs[j*dotChunkGroups+g-g0] = sumFloats(x[j*cols+g*f.Group : j*cols+(g+1)*f.Group])
		}
	}
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	var codes [unpackChunk]byte
	var vals [unpackChunk]float32
	var dots [dotChunkQueries]float32
	for i := 0; i < n; i++ {
		row := r.Data[i*rb : (i+1)*rb]
		for g := g0; g < g1; g++ {
			grp := row[g*gb : (g+1)*gb]
			clear(dots[:])
			for s0 := 0; s0 < f.Group; s0 += unpackChunk {
				m := unpackCodes(&codes, grp, f.Bits, f.Group, s0)
				for k, q := range codes[:m] {
					vals[k] = codeFloat[q]
				}
				col := g*f.Group + s0
				for j := 0; j < qn; j++ {
					dots[j] += dotFloats(vals[:m], x[j*cols+col:j*cols+col+m])
				}
			}
			scale, shift := groupParams(r, i*groups+g)
			for j := 0; j < qn; j++ {
				out[j*n+i] += scale*dots[j] + shift*xs[j*dotChunkGroups+g-g0]
			}
		}
	}
}

// unpackChunk is the most codes the generic kernels unpack at a time: a
// whole group, or a stretch of 256 values (8 blocks) of a longer one.
const unpackChunk = 256

// unpackCodes unpacks up to unpackChunk codes of a group of n values from
// value s0 (a multiple of unpackChunk) into codes and returns how many.
func unpackCodes(codes *[unpackChunk]byte, grp []byte, bits, n, s0 int) int {
	m := min(unpackChunk, n-s0)
	pack.UnpackRange(codes[:m], grp, bits, n, s0)
	return m
}

// dotFloats returns Σ v_k x_k (len(x) >= len(v)).
func dotFloats(v, x []float32) float32 {
	x = x[:len(v)]
	var d0, d1 float32
	k := 0
	for ; k+1 < len(v); k += 2 {
		d0 += v[k] * x[k]
		d1 += v[k+1] * x[k+1]
	}
	if k < len(v) {
		d0 += v[k] * x[k]
	}
	return d0 + d1
}

// dotFloatGeneric is Dot for fp16 and float32 rows.
func dotFloatGeneric(out []float32, r Rows, x []float32) {
	cols := r.Cols
	n, nq := r.Len(), len(x)/cols
	var vals [pack.BlockLen]float32
	clear(out)
	for i := 0; i < n; i++ {
		for c := 0; c < cols; c += pack.BlockLen {
			m := loadFloats(&vals, r, i*cols+c, min(pack.BlockLen, cols-c))
			for j := 0; j < nq; j++ {
				out[j*n+i] += dotFloats(vals[:m], x[j*cols+c:j*cols+c+m])
			}
		}
	}
}

// loadFloats reads m <= 32 fp16 or float32 values of r, from value k on,
// into vals and returns m.
func loadFloats(vals *[pack.BlockLen]float32, r Rows, k, m int) int {
	if r.Format.Bits == 16 {
		d := r.Data[2*k : 2*(k+m)]
		for i := range vals[:m] {
			vals[i] = F16ToFloat32(binary.LittleEndian.Uint16(d[2*i:]))
		}
		return m
	}
	d := r.Data[4*k : 4*(k+m)]
	for i := range vals[:m] {
		vals[i] = math.Float32frombits(binary.LittleEndian.Uint32(d[4*i:]))
	}
	return m
}
