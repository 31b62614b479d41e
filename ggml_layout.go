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
	signed bool   // int8 codes (Q8_0), stored as unsigned by flipping their top bit
}

var ggmlLayouts = map[GGMLType]ggmlLayout{
	GGMLF32:  {format: F32, values: 1, size: 4, d: -1, m: -1, qh: -1, qs: 0},
	GGMLF16:  {format: F16, values: 1, size: 2, d: -1, m: -1, qh: -1, qs: 0},
	GGMLQ4_0: {format: SymQuant(4, 32), values: 32, size: 18, d: 0, m: -1, qh: -1, qs: 2},
	GGMLQ4_1: {format: Quant(4, 32), values: 32, size: 20, d: 0, m: 2, qh: -1, qs: 4},
	GGMLQ5_0: {format: SymQuant(5, 32), values: 32, size: 22, d: 0, m: -1, qh: 2, qs: 6},
	GGMLQ5_1: {format: Quant(5, 32), values: 32, size: 24, d: 0, m: 2, qh: 4, qs: 8},
	GGMLQ8_0: {format: SymQuant(8, 32), values: 32, size: 34, d: 0, m: -1, qh: -1, qs: 2, signed: true},
}

// codeBytes returns the bytes of codes (lowbit's group, ggml's qs) per
// block of a quantized layout: 16 for 4 and 5 bits, 32 for 8.
func (l ggmlLayout) codeBytes() int {
	if l.format.Bits == 8 {
		return 32
	}
	return 16
}

// importBlocks copies the blocks of raw (whole rows of ggml's layout)
// into r, which holds as many values in l.format: codes into Data (qs,
// then qh for 5 bits), d into Scales, m into Mins; f16 and f32 values as
// they are.
func (l ggmlLayout) importBlocks(r Rows, raw []byte) {
	if !l.format.Quantized() {
		copy(r.Data, raw)
		return
	}
	cb, gb := l.codeBytes(), l.format.RowBytes(32)
	for k := range r.Scales {
		b, dst := raw[k*l.size:(k+1)*l.size], r.Data[k*gb:(k+1)*gb]
		l.moveCodes(dst[:cb], b[l.qs:l.qs+cb])
		if l.qh >= 0 {
			copy(dst[16:20], b[l.qh:l.qh+4])
		}
		r.Scales[k] = binary.LittleEndian.Uint16(b[l.d:])
		if l.m >= 0 {
			r.Mins[k] = binary.LittleEndian.Uint16(b[l.m:])
		}
	}
}

// exportBlocks is the inverse of importBlocks: the rows of r into raw.
func (l ggmlLayout) exportBlocks(raw []byte, r Rows) {
	if !l.format.Quantized() {
		copy(raw, r.Data)
		return
	}
	cb, gb := l.codeBytes(), l.format.RowBytes(32)
	for k := range r.Scales {
		b, src := raw[k*l.size:(k+1)*l.size], r.Data[k*gb:(k+1)*gb]
		l.moveCodes(b[l.qs:l.qs+cb], src[:cb])
		if l.qh >= 0 {
			copy(b[l.qh:l.qh+4], src[16:20])
		}
		binary.LittleEndian.PutUint16(b[l.d:], r.Scales[k])
		if l.m >= 0 {
			binary.LittleEndian.PutUint16(b[l.m:], r.Mins[k])
		}
	}
}

// moveCodes copies the code bytes src (16 or 32) to dst, flipping the
// top bit of each for signed codes (both ways: XOR 0x80 is its own
// inverse).
func (l ggmlLayout) moveCodes(dst, src []byte) {
	if !l.signed {
		copy(dst, src)
		return
	}
	for i := 0; i+8 <= len(src); i += 8 {
		binary.LittleEndian.PutUint64(dst[i:], binary.LittleEndian.Uint64(src[i:])^0x8080808080808080)
	}
}

// firstNonFinite returns the index of the first block of raw (whole
// blocks of ggml's layout) that holds a NaN or ±Inf, in its fp16 d or m,
// or as its f16 or f32 value (what ggml's ggml_validate_row_data
// refuses), or -1.
func (l ggmlLayout) firstNonFinite(raw []byte) int {
	switch {
	case l.format.Bits == 32:
		for k := 0; k < len(raw); k += 4 {
			if binary.LittleEndian.Uint32(raw[k:])&0x7f800000 == 0x7f800000 {
				return k / 4
			}
		}
	case l.format.Bits == 16:
		for k := 0; k < len(raw); k += 2 {
			if !finiteF16(binary.LittleEndian.Uint16(raw[k:])) {
				return k / 2
			}
		}
	default:
		for k := 0; k < len(raw); k += l.size {
			if !finiteF16(binary.LittleEndian.Uint16(raw[k+l.d:])) || l.m >= 0 && !finiteF16(binary.LittleEndian.Uint16(raw[k+l.m:])) {
				return k / l.size
			}
		}
	}
	return -1
}

// finiteF16 reports whether fp16 bits h are neither NaN nor ±Inf.
func finiteF16(h uint16) bool { return h&0x7c00 != 0x7c00 }
