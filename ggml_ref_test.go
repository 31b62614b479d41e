package lowbit

import (
	"encoding/binary"
	"math"
)

// This file decodes ggml blocks straight from their published definitions
// (ggml-common.h's block structs, ggml-quants.c's dequantize_row_*),
// without lowbit's layouts or fp16 code (f16Value is fp16 from its
// definition): the reference the ggml tests check FromGGML and every
// kernel against.

// ggmlRefValue is one dequantized value: as ggml computes it in float32, its
// exact value, and the magnitude of the terms a kernel may split it into
// (|d·q| and |m|, or |d|·u and |d|·off for an unsigned code u = q + off),
// for error bounds.
type ggmlRefValue struct {
	f32   float32
	exact float64
	mag   float64
}

// refGGML dequantizes n values of ggml type t from raw.
func refGGML(t GGMLType, raw []byte, n int) []ggmlRefValue {
	out := make([]ggmlRefValue, 0, n)
	le16 := func(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }
	// sym and asym are x = d·q (q signed, off its offset in lowbit's
	// unsigned code) and x = d·q + m, in ggml's float32 steps.
	sym := func(d float64, q, off int) ggmlRefValue {
		x := float64(q) * d
		return ggmlRefValue{f32: float32(q) * float32(d), exact: x, mag: math.Abs(d) * float64(q+off+off)}
	}
	asym := func(d, m float64, q int) ggmlRefValue {
		x := float64(q)*d + m
		return ggmlRefValue{f32: float32(float32(q)*float32(d)) + float32(m), exact: x, mag: math.Abs(float64(q)*d) + math.Abs(m)}
	}
	switch t {
	case GGMLF32:
		for k := 0; k < n; k++ {
			v := math.Float32frombits(binary.LittleEndian.Uint32(raw[4*k:]))
			out = append(out, ggmlRefValue{v, float64(v), math.Abs(float64(v))})
		}
	case GGMLF16:
		for k := 0; k < n; k++ {
			v := f16Value(le16(raw[2*k:]))
			out = append(out, ggmlRefValue{float32(v), v, math.Abs(v)})
		}
	case GGMLQ4_0: // d, qs[16]: x_j = d·(lo_j − 8), x_(j+16) = d·(hi_j − 8)
		for b := raw; len(out) < n; b = b[18:] {
			d := f16Value(le16(b))
			for h := 0; h < 2; h++ {
				for j := 0; j < 16; j++ {
					out = append(out, sym(d, int(b[2+j]>>(4*h)&15)-8, 8))
				}
			}
		}
	case GGMLQ4_1: // d, m, qs[16]: x = d·q + m
		for b := raw; len(out) < n; b = b[20:] {
			d, m := f16Value(le16(b)), f16Value(le16(b[2:]))
			for h := 0; h < 2; h++ {
				for j := 0; j < 16; j++ {
					out = append(out, asym(d, m, int(b[4+j]>>(4*h)&15)))
				}
			}
		}
	case GGMLQ5_0, GGMLQ5_1: // d, [m,] qh[4], qs[16]: bit k of qh (little-endian) is value k's fifth bit
		for len(out) < n {
			b := raw
			d, m, rest := f16Value(le16(b)), 0.0, b[2:]
			if t == GGMLQ5_1 {
				m, rest = f16Value(le16(b[2:])), b[4:]
			}
			qh, qs := binary.LittleEndian.Uint32(rest), rest[4:20]
			for k := 0; k < 32; k++ {
				q := int(qs[k%16]>>(4*(k/16))&15) | int(qh>>k&1)<<4
				if t == GGMLQ5_0 {
					out = append(out, sym(d, q-16, 16))
				} else {
					out = append(out, asym(d, m, q))
				}
			}
			raw = rest[20:]
		}
	case GGMLQ8_0: // d, int8 qs[32]: x = d·q
		for b := raw; len(out) < n; b = b[34:] {
			d := f16Value(le16(b))
			for j := 0; j < 32; j++ {
				out = append(out, sym(d, int(int8(b[2+j])), 128))
			}
		}
	default:
		panic("refGGML: " + t.String())
	}
	return out
}
