package lowbit

import "github.com/lowbit-ml/lowbit/pack"

// dotQ8Generic is the reference DotQ8. Per block of codes it forms the
// exact integer sum isum = Σ q*x8, then per group
// out += scale * Σ_b d_b*isum_b + shift * Σ_b Sums_b. The integer sums
// come from int32 tables built from each query row, as Dot's
// (nibbles_generic.go), or for 8-bit codes from the products themselves;
// formats whose blocks are not a whole number of contiguous bytes (groups
// over 32 values that are not whole blocks of 32, or that hold several
// bit planes) and groups too long for the tables run dotQ8Unpacked.
func dotQ8Generic(out []float32, r Rows, q *Q8) {
	f := r.Format
	if !f.Quantized() {
		dotQ8FloatGeneric(out, r, q)
		return
	}
	n := r.Len()
	if n == 0 {
		return
	}
	// The tables sum blocks of contiguous bytes.
	blocks := f.Group <= 32 || f.Group%32 == 0 && len(pack.Planes(f.Bits)) == 1
	query := dotQ8QueryNibbles
	switch pickPath(f, n, blocks) {
	case bytePath:
		query = dotQ8QueryBytes
	case directPath:
		query = dotQ8Query8
	case unpackPath:
		dotQ8Unpacked(out, r, q)
		return
	}
	clear(out)
	for j := 0; j < q.Len(); j++ {
		query(out[j*n:(j+1)*n], r, q, j)
	}
}

// q8Chunk is query row j of a Q8 over a chunk of whole groups of a row,
// as the table kernels read it: the int8 values widened to int32, the
// block scales, and per group the Sums of its blocks times the shift
// factor (1, or -2^(Bits-1) for symmetric formats).
type q8Chunk struct {
	x  [4 * nibbleBytes]int32 // the chunk's values: 4 per code byte at most
	d  [nibbleBytes]float32   // block scales: a block takes a code byte at least
	xs [nibbleBytes]float32   // per group
}

// load fills c from query row j of q for groups [g0, g1) of rows of f.
func (c *q8Chunk) load(q *Q8, f Format, j, g0, g1 int) {
	bpg := (f.Group + 31) / 32
	nb := q8Blocks(q.Group, q.Cols)
	for k, v := range q.Values[j*q.Cols+g0*f.Group : j*q.Cols+g1*f.Group] {
		c.x[k] = int32(v)
	}
	copy(c.d[:], q.Scales[j*nb+g0*bpg:j*nb+g1*bpg])
	mult := float32(1)
	if f.Symmetric {
		mult = -float32(int(1) << (f.Bits - 1))
	}
	sums := q.Sums[j*nb+g0*bpg : j*nb+g1*bpg]
	for g := range g1 - g0 {
		var s float32
		for _, v := range sums[g*bpg : (g+1)*bpg] {
			s += v
		}
		c.xs[g] = mult * s
	}
}

// blockDots sets d[g] = Σ_b ds[g*bpg+b] * isum[g*bpg+b] over the bpg blocks
// of each group g < len(d): a group's dot product before its scale.
func blockDots(d, ds []float32, isum []int32, bpg int) {
	if bpg == 1 {
		ds, isum = ds[:len(d)], isum[:len(d)]
		for g := range d {
			d[g] = ds[g] * float32(isum[g])
		}
		return
	}
	for g := range d {
		var a float32
		for b := g * bpg; b < (g+1)*bpg; b++ {
			a += ds[b] * float32(isum[b])
		}
		d[g] = a
	}
}

// dotQ8QueryNibbles adds to out the DotQ8 products of the rows of r with
// query row j of q through nibble tables.
func dotQ8QueryNibbles(out []float32, r Rows, q *Q8, j int) {
	var nt [32 * nibbleBytes]int32
	dotQ8Query(out, r, q, j, codeTables[int32]{nt: nt[:]})
}

// dotQ8QueryBytes is dotQ8QueryNibbles through byte tables, for calls of
// many rows.
func dotQ8QueryBytes(out []float32, r Rows, q *Q8, j int) {
	var nt [32 * byteTableBytes]int32
	var bt [256 * byteTableBytes]int32
	dotQ8Query(out, r, q, j, codeTables[int32]{nt: nt[:], bt: bt[:]})
}

// dotQ8Query adds to out the DotQ8 products of the rows of r with query row
// j of q, chunk by chunk of whole groups, through the tables t: the exact
// sums of the blocks, then per group their scales and shifts.
func dotQ8Query(out []float32, r Rows, q *Q8, j int, t codeTables[int32]) {
	f := r.Format
	gb, groups := f.Group*f.Bits/8, f.Groups(r.Cols)
	bpg, bb := (f.Group+31)/32, min(f.Group, 32)*f.Bits/8
	var qc q8Chunk
	var isum [nibbleBytes]int32
	var d [nibbleBytes]float32
	for g0 := 0; g0 < groups; g0 += t.chunkBytes() / gb {
		g1 := min(groups, g0+t.chunkBytes()/gb)
		ng := g1 - g0
		qc.load(q, f, j, g0, g1)
		t.build(qc.x[:], f, ng)
		c := newRowChunk(r, g0, g1)
		for i := range out {
			t.sums(isum[:ng*bpg], c.codes(i), bb)
			blockDots(d[:ng], qc.d[:], isum[:], bpg)
			sc, sh := c.params(i)
			out[i] += scaleSums(d[:ng], sc, sh, qc.xs[:ng])
		}
	}
}

// dotQ8Query8 is dotQ8QueryNibbles for 8-bit codes, which need no tables:
// a code byte is a code, in the order of the values (pack's layout of
// 8-bit codes), multiplied with its int8 query value as it is.
func dotQ8Query8(out []float32, r Rows, q *Q8, j int) {
	f := r.Format
	groups := f.Groups(r.Cols)
	bpg := (f.Group + 31) / 32
	var qc q8Chunk
	var isum [nibbleBytes]int32
	var d [nibbleBytes / 4]float32
	const chunk = nibbleBytes / 4 // groups: a group has 1 block at least, a chunk 4*chunk values at most
	for g0 := 0; g0 < groups; g0 += min(chunk/bpg, 4*nibbleBytes/f.Group) {
		g1 := min(groups, g0+min(chunk/bpg, 4*nibbleBytes/f.Group))
		ng := g1 - g0
		qc.load(q, f, j, g0, g1)
		c := newRowChunk(r, g0, g1)
		x := qc.x[:ng*f.Group]
		for i := range out {
			p := c.codes(i)
			for b := range isum[:ng*bpg] {
				s := b / bpg * f.Group // the block's first value
				s += b % bpg * 32
				e := min(s+32, (b/bpg+1)*f.Group)
				isum[b] = dotInt8(p[s:e], x[s:e])
			}
			blockDots(d[:ng], qc.d[:], isum[:], bpg)
			sc, sh := c.params(i)
			out[i] += scaleSums(d[:ng], sc, sh, qc.xs[:ng])
		}
	}
}

// dotInt8 returns Σ p[k]*x[k] (len(p) a multiple of 8, len(x) >= len(p)).
func dotInt8(p []byte, x []int32) int32 {
	x = x[:len(p)]
	var d0, d1, d2, d3 int32
	for len(p) >= 8 && len(x) >= 8 {
		d0 += int32(p[0])*x[0] + int32(p[4])*x[4]
		d1 += int32(p[1])*x[1] + int32(p[5])*x[5]
		d2 += int32(p[2])*x[2] + int32(p[6])*x[6]
		d3 += int32(p[3])*x[3] + int32(p[7])*x[7]
		p, x = p[8:], x[8:]
	}
	return (d0 + d1) + (d2 + d3)
}

// dotQ8Unpacked is DotQ8 on the formats the tables do not serve: each
// block of codes is unpacked and multiplied with every query row.
func dotQ8Unpacked(out []float32, r Rows, q *Q8) {
	f, cols := r.Format, r.Cols
	n, nq := r.Len(), q.Len()
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	nb := q8Blocks(f.Group, cols)
	var codes [pack.BlockLen]byte
	for i := 0; i < n; i++ {
		row := r.Data[i*rb : (i+1)*rb]
		for j := 0; j < nq; j++ {
			out[j*n+i] = 0
		}
		for g := 0; g < groups; g++ {
			grp := row[g*gb : (g+1)*gb]
			scale, shift := groupParams(r, i*groups+g)
			b0 := g * ((f.Group + 31) / 32) // first block of the group in a query row
			for start := 0; start < f.Group; start += pack.BlockLen {
				m := pack.UnpackBlock(&codes, grp, f.Bits, f.Group, start)
				col, b := g*f.Group+start, b0+start/pack.BlockLen
				for j := 0; j < nq; j++ {
					x8 := q.Values[j*cols+col : j*cols+col+m]
					var isum int32
					for k, v := range x8 {
						isum += int32(codes[k]) * int32(v)
					}
					out[j*n+i] += scale*(q.Scales[j*nb+b]*float32(isum)) + shift*q.Sums[j*nb+b]
				}
			}
		}
	}
}

// dotQ8FloatGeneric is DotQ8 for fp16 and float32 rows: the whole row is one
// group of blocks of 32 (the last may be shorter).
func dotQ8FloatGeneric(out []float32, r Rows, q *Q8) {
	cols := r.Cols
	n, nq, nb := r.Len(), q.Len(), q8Blocks(cols, cols)
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			var acc float32
			for b := 0; b < nb; b++ {
				var d float32
				for c := b * 32; c < min(cols, (b+1)*32); c++ {
					d += floatAt(r, i*cols+c) * float32(q.Values[j*cols+c])
				}
				acc += q.Scales[j*nb+b] * d
			}
			out[j*n+i] = acc
		}
	}
}
