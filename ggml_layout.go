package lowbit

import "encoding/binary"

// ggmlLayout describes where ggml keeps the parts of one block, and which
// lowbit format holds the same values. Offsets are in bytes from the
// block's start; -1 marks a part the block does not have.
//
// The blocks of 32 values (ggml-common.h), all fields little-endian:
//
//	block_q4_0  18 B  fp16 d, qs[16]                   x = d·(q − 8)
//	block_q4_1  20 B  fp16 d, fp16 m, qs[16]           x = d·q + m
//	block_q5_0  22 B  fp16 d, qh[4], qs[16]            x = d·(q − 16)
//	block_q5_1  24 B  fp16 d, fp16 m, qh[4], qs[16]    x = d·q + m
//	block_q8_0  34 B  fp16 d, int8 qs[32]              x = d·qs
//
// In qs[16], byte j holds the low four bits of value j in its low nibble
// and those of value j+16 in its high nibble: lowbit's 4-bit "split
// halves" plane of a block of 32, byte for byte. qh, read as a
// little-endian uint32, holds the fifth bit of value k in bit k: lowbit's
// 1-bit plane, byte for byte. A lowbit 5-bit group of 32 is the 4-bit
// plane then the 1-bit plane, so it is qs followed by qh. Q8_0's signed
// qs become unsigned codes u = qs + 128 (the byte XOR 0x80), and
// d·(u − 128) = d·qs.
type ggmlLayout struct {
	format Format // the lowbit format of the same values
	values int    // values per block: 32, or 1 for f16 and f32
	size   int    // bytes per block
	d, m   int    // offsets of the fp16 scale and min
	qh, qs int    // offsets of the 1-bit plane and of the codes
	flip   byte   // XORed into every code byte (Q8_0: signed to unsigned)
}

var ggmlLayouts = map[GGMLType]ggmlLayout{
	GGMLF32:  {format: F32, values: 1, size: 4, d: -1, m: -1, qh: -1, qs: 0},
	GGMLF16:  {format: F16, values: 1, size: 2, d: -1, m: -1, qh: -1, qs: 0},
	GGMLQ4_0: {format: SymQuant(4, 32), values: 32, size: 18, d: 0, m: -1, qh: -1, qs: 2},
	GGMLQ4_1: {format: Quant(4, 32), values: 32, size: 20, d: 0, m: 2, qh: -1, qs: 4},
	GGMLQ5_0: {format: SymQuant(5, 32), values: 32, size: 22, d: 0, m: -1, qh: 2, qs: 6},
	GGMLQ5_1: {format: Quant(5, 32), values: 32, size: 24, d: 0, m: 2, qh: 4, qs: 8},
	GGMLQ8_0: {format: SymQuant(8, 32), values: 32, size: 34, d: 0, m: -1, qh: -1, qs: 2, flip: 0x80},
}

// codeBytes returns the bytes of codes (lowbit's group, ggml's qs) per
// block of a quantized layout: 16 for 4 and 5 bits, 32 for 8.
func (l ggmlLayout) codeBytes() int {
	if l.format.Bits == 8 {
		return 32
	}
	return 16
}

// importBlock copies block b of ggml's layout into value block k of r:
// codes into Data (qs, then qh for 5 bits), d into Scales, m into Mins.
// For f16 and f32 a block is one value, copied as it is.
func (l ggmlLayout) importBlock(r Rows, k int, b []byte) {
	if !l.format.Quantized() {
		copy(r.Data[k*l.size:], b[:l.size])
		return
	}
	gb := l.format.RowBytes(32)
	dst := r.Data[k*gb : (k+1)*gb]
	for i, q := range b[l.qs : l.qs+l.codeBytes()] {
		dst[i] = q ^ l.flip
	}
	if l.qh >= 0 {
		copy(dst[16:20], b[l.qh:l.qh+4])
	}
	r.Scales[k] = binary.LittleEndian.Uint16(b[l.d:])
	if l.m >= 0 {
		r.Mins[k] = binary.LittleEndian.Uint16(b[l.m:])
	}
}

// exportBlock is the inverse of importBlock: value block k of r into
// block b of ggml's layout.
func (l ggmlLayout) exportBlock(b []byte, r Rows, k int) {
	if !l.format.Quantized() {
		copy(b[:l.size], r.Data[k*l.size:])
		return
	}
	gb := l.format.RowBytes(32)
	src := r.Data[k*gb : (k+1)*gb]
	for i, q := range src[:l.codeBytes()] {
		b[l.qs+i] = q ^ l.flip
	}
	if l.qh >= 0 {
		copy(b[l.qh:l.qh+4], src[16:20])
	}
	binary.LittleEndian.PutUint16(b[l.d:], r.Scales[k])
	if l.m >= 0 {
		binary.LittleEndian.PutUint16(b[l.m:], r.Mins[k])
	}
}

// finite reports whether block b holds no NaN or ±Inf: in its fp16 d and
// m, or in its value for f16 and f32 (the check ggml's
// ggml_validate_row_data makes).
func (l ggmlLayout) finite(b []byte) bool {
	switch {
	case l.format.Bits == 32:
		return binary.LittleEndian.Uint32(b)&0x7f800000 != 0x7f800000
	case l.format.Bits == 16:
		return finiteF16(binary.LittleEndian.Uint16(b))
	}
	return finiteF16(binary.LittleEndian.Uint16(b[l.d:])) && (l.m < 0 || finiteF16(binary.LittleEndian.Uint16(b[l.m:])))
}

// finiteF16 reports whether fp16 bits h are neither NaN nor ±Inf.
func finiteF16(h uint16) bool { return h&0x7c00 != 0x7c00 }
