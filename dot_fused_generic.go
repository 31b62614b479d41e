package lowbit

import (
	"math"
	"unsafe"
)

// Unrolled row loops of the generic Dot for small groups: where a group is
// 4 or 8 code bytes (4-bit codes in groups of 8 and 16, 2-bit codes in
// groups of 16 and 32), the cost of the table kernels is not the lookups
// but what surrounds them: a call per row, the round trip through the
// array of group sums, and the index arithmetic of loops over groups.
// These loops take a whole chunk of byte tables (byteTableBytes code bytes
// of a row) in one unrolled pass per row, every table and code at a
// constant offset, and scale each group's sum as they go. A row whose
// scales or shifts hold an Inf or NaN (checked four at a time) takes the
// general path, so that the others convert theirs without the check. The
// four functions are one pattern written out per shape; a partial chunk
// (the last of a row that is not a whole number of chunks) takes the
// general loop.

// dotRowsFused adds to out the dot products of the rows of chunk c with a
// query whose byte tables are bt and whose group sums are xs, for chunks
// of byteTableBytes code bytes in groups of gb = 4 or 8 bytes, and reports
// whether it took the chunk.
func dotRowsFused(out []float32, c rowChunk, bt, xs []float32, gb int, sym bool) bool {
	if c.cb != byteTableBytes {
		return false
	}
	switch {
	case gb == 4 && sym:
		dotRowsB4x8Sym(out, c, bt, xs)
	case gb == 4:
		dotRowsB4x8(out, c, bt, xs)
	case gb == 8 && sym:
		dotRowsB8x4Sym(out, c, bt, xs)
	case gb == 8:
		dotRowsB8x4(out, c, bt, xs)
	default:
		return false
	}
	return true
}

// f16SpecialBits marks, in the words of f16Specials, the fp16 values
// whose exponent is all ones (Inf, NaN).
const f16SpecialBits = 0x8000_8000_8000_8000

// f16Specials returns the four fp16 values h as one word whose bit
// 16k+15 is set if h[k] is an Inf or NaN: its exponent field plus one
// carries into that bit only if all its bits are set.
func f16Specials(h *[4]uint16) uint64 {
	w := uint64(h[0]) | uint64(h[1])<<16 | uint64(h[2])<<32 | uint64(h[3])<<48
	return w&0x7c00_7c00_7c00_7c00 + 0x0400_0400_0400_0400
}

// f16Finite is f16 for fp16 bits known not to be an Inf or NaN.
func f16Finite(h uint16) float32 {
	return math.Float32frombits(uint32(int32(int16(h))<<13)&0x8fffffff) * 0x1p112
}

// dotRowTables returns the dot product of row i of chunk c, in groups of
// gb code bytes, through the general loop of dotQuery.
func dotRowTables(c rowChunk, i int, bt, xs []float32, gb int) float32 {
	var d [byteTableBytes]float32
	byteSums(d[:c.ng], c.codes(i), bt, gb)
	sc, sh := c.params(i)
	return scaleSums(d[:c.ng], sc, sh, xs[:c.ng])
}

// dotRowsB4x8 is dotRowsFused on 8 groups of 4 code bytes.
func dotRowsB4x8(out []float32, c rowChunk, bt, xs []float32) {
	t := (*[8][4][256]float32)(unsafe.Pointer((*[8 * 4 * 256]float32)(bt)))
	x := (*[8]float32)(xs)
	for i := range out {
		p := (*[8][4]byte)(unsafe.Pointer((*[32]byte)(c.data[i*c.rb:])))
		sc := (*[8]uint16)(c.scales[i*c.gs:])
		sh := (*[8]uint16)(c.shifts[i*c.gs:])
		if (f16Specials((*[4]uint16)(sc[0:]))|f16Specials((*[4]uint16)(sc[4:]))|f16Specials((*[4]uint16)(sh[0:]))|f16Specials((*[4]uint16)(sh[4:])))&f16SpecialBits != 0 {
			out[i] += dotRowTables(c, i, bt, xs, 4)
			continue
		}
		var a0, a1 float32
		a0 += f16Finite(sc[0])*((t[0][0][p[0][0]]+t[0][1][p[0][1]])+(t[0][2][p[0][2]]+t[0][3][p[0][3]])) + f16Finite(sh[0])*x[0]
		a1 += f16Finite(sc[1])*((t[1][0][p[1][0]]+t[1][1][p[1][1]])+(t[1][2][p[1][2]]+t[1][3][p[1][3]])) + f16Finite(sh[1])*x[1]
		a0 += f16Finite(sc[2])*((t[2][0][p[2][0]]+t[2][1][p[2][1]])+(t[2][2][p[2][2]]+t[2][3][p[2][3]])) + f16Finite(sh[2])*x[2]
		a1 += f16Finite(sc[3])*((t[3][0][p[3][0]]+t[3][1][p[3][1]])+(t[3][2][p[3][2]]+t[3][3][p[3][3]])) + f16Finite(sh[3])*x[3]
		a0 += f16Finite(sc[4])*((t[4][0][p[4][0]]+t[4][1][p[4][1]])+(t[4][2][p[4][2]]+t[4][3][p[4][3]])) + f16Finite(sh[4])*x[4]
		a1 += f16Finite(sc[5])*((t[5][0][p[5][0]]+t[5][1][p[5][1]])+(t[5][2][p[5][2]]+t[5][3][p[5][3]])) + f16Finite(sh[5])*x[5]
		a0 += f16Finite(sc[6])*((t[6][0][p[6][0]]+t[6][1][p[6][1]])+(t[6][2][p[6][2]]+t[6][3][p[6][3]])) + f16Finite(sh[6])*x[6]
		a1 += f16Finite(sc[7])*((t[7][0][p[7][0]]+t[7][1][p[7][1]])+(t[7][2][p[7][2]]+t[7][3][p[7][3]])) + f16Finite(sh[7])*x[7]
		out[i] += a0 + a1
	}
}

// dotRowsB4x8Sym is dotRowsFused on 8 groups of 4 code bytes, symmetric.
func dotRowsB4x8Sym(out []float32, c rowChunk, bt, xs []float32) {
	t := (*[8][4][256]float32)(unsafe.Pointer((*[8 * 4 * 256]float32)(bt)))
	x := (*[8]float32)(xs)
	for i := range out {
		p := (*[8][4]byte)(unsafe.Pointer((*[32]byte)(c.data[i*c.rb:])))
		sc := (*[8]uint16)(c.scales[i*c.gs:])
		if (f16Specials((*[4]uint16)(sc[0:]))|f16Specials((*[4]uint16)(sc[4:])))&f16SpecialBits != 0 {
			out[i] += dotRowTables(c, i, bt, xs, 4)
			continue
		}
		var a0, a1 float32
		a0 += f16Finite(sc[0]) * ((t[0][0][p[0][0]] + t[0][1][p[0][1]]) + (t[0][2][p[0][2]] + t[0][3][p[0][3]]) + x[0])
		a1 += f16Finite(sc[1]) * ((t[1][0][p[1][0]] + t[1][1][p[1][1]]) + (t[1][2][p[1][2]] + t[1][3][p[1][3]]) + x[1])
		a0 += f16Finite(sc[2]) * ((t[2][0][p[2][0]] + t[2][1][p[2][1]]) + (t[2][2][p[2][2]] + t[2][3][p[2][3]]) + x[2])
		a1 += f16Finite(sc[3]) * ((t[3][0][p[3][0]] + t[3][1][p[3][1]]) + (t[3][2][p[3][2]] + t[3][3][p[3][3]]) + x[3])
		a0 += f16Finite(sc[4]) * ((t[4][0][p[4][0]] + t[4][1][p[4][1]]) + (t[4][2][p[4][2]] + t[4][3][p[4][3]]) + x[4])
		a1 += f16Finite(sc[5]) * ((t[5][0][p[5][0]] + t[5][1][p[5][1]]) + (t[5][2][p[5][2]] + t[5][3][p[5][3]]) + x[5])
		a0 += f16Finite(sc[6]) * ((t[6][0][p[6][0]] + t[6][1][p[6][1]]) + (t[6][2][p[6][2]] + t[6][3][p[6][3]]) + x[6])
		a1 += f16Finite(sc[7]) * ((t[7][0][p[7][0]] + t[7][1][p[7][1]]) + (t[7][2][p[7][2]] + t[7][3][p[7][3]]) + x[7])
		out[i] += a0 + a1
	}
}

// dotRowsB8x4 is dotRowsFused on 4 groups of 8 code bytes.
func dotRowsB8x4(out []float32, c rowChunk, bt, xs []float32) {
	t := (*[4][8][256]float32)(unsafe.Pointer((*[4 * 8 * 256]float32)(bt)))
	x := (*[4]float32)(xs)
	for i := range out {
		p := (*[4][8]byte)(unsafe.Pointer((*[32]byte)(c.data[i*c.rb:])))
		sc := (*[4]uint16)(c.scales[i*c.gs:])
		sh := (*[4]uint16)(c.shifts[i*c.gs:])
		if (f16Specials((*[4]uint16)(sc[0:]))|f16Specials((*[4]uint16)(sh[0:])))&f16SpecialBits != 0 {
			out[i] += dotRowTables(c, i, bt, xs, 8)
			continue
		}
		var a0, a1 float32
		a0 += f16Finite(sc[0])*(((t[0][0][p[0][0]]+t[0][1][p[0][1]])+(t[0][2][p[0][2]]+t[0][3][p[0][3]]))+((t[0][4][p[0][4]]+t[0][5][p[0][5]])+(t[0][6][p[0][6]]+t[0][7][p[0][7]]))) + f16Finite(sh[0])*x[0]
		a1 += f16Finite(sc[1])*(((t[1][0][p[1][0]]+t[1][1][p[1][1]])+(t[1][2][p[1][2]]+t[1][3][p[1][3]]))+((t[1][4][p[1][4]]+t[1][5][p[1][5]])+(t[1][6][p[1][6]]+t[1][7][p[1][7]]))) + f16Finite(sh[1])*x[1]
		a0 += f16Finite(sc[2])*(((t[2][0][p[2][0]]+t[2][1][p[2][1]])+(t[2][2][p[2][2]]+t[2][3][p[2][3]]))+((t[2][4][p[2][4]]+t[2][5][p[2][5]])+(t[2][6][p[2][6]]+t[2][7][p[2][7]]))) + f16Finite(sh[2])*x[2]
		a1 += f16Finite(sc[3])*(((t[3][0][p[3][0]]+t[3][1][p[3][1]])+(t[3][2][p[3][2]]+t[3][3][p[3][3]]))+((t[3][4][p[3][4]]+t[3][5][p[3][5]])+(t[3][6][p[3][6]]+t[3][7][p[3][7]]))) + f16Finite(sh[3])*x[3]
		out[i] += a0 + a1
	}
}

// dotRowsB8x4Sym is dotRowsFused on 4 groups of 8 code bytes, symmetric.
func dotRowsB8x4Sym(out []float32, c rowChunk, bt, xs []float32) {
	t := (*[4][8][256]float32)(unsafe.Pointer((*[4 * 8 * 256]float32)(bt)))
	x := (*[4]float32)(xs)
	for i := range out {
		p := (*[4][8]byte)(unsafe.Pointer((*[32]byte)(c.data[i*c.rb:])))
		sc := (*[4]uint16)(c.scales[i*c.gs:])
		if (f16Specials((*[4]uint16)(sc[0:])))&f16SpecialBits != 0 {
			out[i] += dotRowTables(c, i, bt, xs, 8)
			continue
		}
		var a0, a1 float32
		a0 += f16Finite(sc[0]) * (((t[0][0][p[0][0]] + t[0][1][p[0][1]]) + (t[0][2][p[0][2]] + t[0][3][p[0][3]])) + ((t[0][4][p[0][4]] + t[0][5][p[0][5]]) + (t[0][6][p[0][6]] + t[0][7][p[0][7]])) + x[0])
		a1 += f16Finite(sc[1]) * (((t[1][0][p[1][0]] + t[1][1][p[1][1]]) + (t[1][2][p[1][2]] + t[1][3][p[1][3]])) + ((t[1][4][p[1][4]] + t[1][5][p[1][5]]) + (t[1][6][p[1][6]] + t[1][7][p[1][7]])) + x[1])
		a0 += f16Finite(sc[2]) * (((t[2][0][p[2][0]] + t[2][1][p[2][1]]) + (t[2][2][p[2][2]] + t[2][3][p[2][3]])) + ((t[2][4][p[2][4]] + t[2][5][p[2][5]]) + (t[2][6][p[2][6]] + t[2][7][p[2][7]])) + x[2])
		a1 += f16Finite(sc[3]) * (((t[3][0][p[3][0]] + t[3][1][p[3][1]]) + (t[3][2][p[3][2]] + t[3][3][p[3][3]])) + ((t[3][4][p[3][4]] + t[3][5][p[3][5]]) + (t[3][6][p[3][6]] + t[3][7][p[3][7]])) + x[3])
		out[i] += a0 + a1
	}
}
