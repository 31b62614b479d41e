package lowbit

import (
	"math"

	"github.com/lowbit-ml/lowbit/pack"
)

// The generic Dot and DotQ8 read codes in place, a byte at a time, through
// tables built per call from the query: for every byte of a row's codes, a
// nibbleTable says what each value of its low and of its high nibble adds
// to the dot product. A nibble holds one 4-bit code, two 2-bit codes, four
// bits of the 1-bit plane, or half of an 8-bit code, and a plane's shift
// (16 for the 2-bit plane of widths 6 and 7, …) is folded into the table,
// so one loop serves every width and every group: two lookups and two
// additions per byte, against an unpack, a conversion, a multiply and an
// add per value. Calls of many rows go further: byte tables, one entry per
// value of a whole byte, one lookup and one addition per byte. Which values
// a byte holds comes from pack.PlaneColumn. Dot's tables hold float32
// products, DotQ8's int32 ones (its block sums are exact).

// tableValue is what the tables hold.
type tableValue interface{ float32 | int32 }

// Nibble tables are flat: the 32 entries of code byte k of a chunk are
// nt[32*k : 32*k+32], what a low nibble of value v adds to the dot product
// at 32*k+v, a high nibble at 32*k+16+v.

// Table sizes. nibbleBytes is the most code bytes of a row that one set of
// nibble tables covers (16 KiB of them): a row is taken in chunks of whole
// segments (groups, or DotQ8's blocks) of at most this many bytes, and
// formats whose groups are longer run the unpacking kernels. Byte tables
// cover byteTableBytes code bytes (32 KiB: they stay in a 32 KiB L1 data
// cache) and are built from byteTableRows rows on: building one costs 256
// additions, about what 60 rows save.
const (
	nibbleBytes    = 128
	byteTableBytes = 32
	byteTableRows  = 256
)

// tablePath is how a generic kernel reads the codes of a call.
type tablePath int

const (
	nibblePath tablePath = iota // nibble tables (AddWeighted: buckets)
	bytePath                    // byte tables (buckets)
	directPath                  // 8-bit codes, as they are
	unpackPath                  // unpacked, block by block
)

// pickPath returns the path of a call of n rows of format f: byte tables
// from byteTableRows rows on for groups of byteTableBytes code bytes or
// fewer, 8-bit codes as they are, nibble tables for groups of nibbleBytes
// or fewer, and unpacked codes for longer groups, or where tables cannot
// serve the format (tables false: DotQ8's blocks are not contiguous).
func pickPath(f Format, n int, tables bool) tablePath {
	gb := f.Group * f.Bits / 8
	switch {
	case tables && n >= byteTableRows && gb <= byteTableBytes:
		return bytePath
	case f.Bits == 8:
		return directPath
	case !tables || gb > nibbleBytes:
		return unpackPath
	}
	return nibblePath
}

// buildNibbleTables fills nt with the nibble tables of the code bytes of
// ng groups of a row of format f (32 entries per byte), from the query
// values xc of their columns.
func buildNibbleTables[E tableValue](nt []E, xc []E, f Format, ng int) {
	gb := f.Group * f.Bits / 8
	var mult [2][16]E  // a field's values times 2^shift, and times 2^(shift+4)
	shift, off := 0, 0 // the plane's lowest code bit, and its first byte in a group
	for _, w := range pack.Planes(f.Bits) {
		for v := range 16 {
			mult[0][v], mult[1][v] = E(v<<shift), E(v<<(shift+4))
		}
		nb := f.Group * w / 8
		for g := range ng {
			tg := nt[32*(g*gb+off) : 32*(g*gb+off+nb)]
			xg := xc[g*f.Group : (g+1)*f.Group]
			for j := range nb {
				fillByteTables((*[32]E)(tg[32*j:]), xg, w, &mult, f.Group, j)
			}
		}
		shift, off = shift+w, off+nb
	}
}

// fillByteTables fills the nibble tables t of byte j of a plane of width w
// in a group of n values with query values xg; mult holds the plane's
// field values times 2^shift (shift: the plane's lowest code bit), and
// times 2^(shift+4). A nibble holds a 4-bit field (w = 4; w = 8: half a
// code, the high half 4 bits further up), or two 2-bit or four 1-bit
// fields, whose entries are the sums of a table for its low two bits and
// one for its high two. Every entry includes a product for each of its
// fields, zero ones too, so that a NaN or infinite x reaches them as it
// reaches every product q·x of the other kernels.
func fillByteTables[E tableValue](t *[32]E, xg []E, w int, mult *[2][16]E, n, j int) {
	switch w {
	case 8:
		x := xg[pack.PlaneColumn(8, n, j)]
		scaleNibble((*[16]E)(t[:16]), &mult[0], x)
		scaleNibble((*[16]E)(t[16:]), &mult[1], x)
		return
	case 4:
		scaleNibble((*[16]E)(t[:16]), &mult[0], xg[pack.PlaneColumn(4, n, 2*j)])
		scaleNibble((*[16]E)(t[16:]), &mult[0], xg[pack.PlaneColumn(4, n, 2*j+1)])
		return
	}
	per := 8 / w // fields per byte
	var xs [8]E
	for s := range per {
		xs[s] = xg[pack.PlaneColumn(w, n, j*per+s)]
	}
	for h := range 2 {
		x := xs[h*per/2 : (h+1)*per/2]
		var lo, hi [4]E // the nibble's low and high two bits
		for a := range 4 {
			if w == 2 {
				lo[a], hi[a] = mult[0][a]*x[0], mult[0][a]*x[1]
			} else {
				lo[a] = mult[0][a&1]*x[0] + mult[0][a>>1]*x[1]
				hi[a] = mult[0][a&1]*x[2] + mult[0][a>>1]*x[3]
			}
		}
		nt := (*[16]E)(t[16*h:])
		for b := range 4 {
			for a := range 4 {
				nt[4*b+a] = lo[a] + hi[b]
			}
		}
	}
}

// scaleNibble sets t[v] = m[v]*x.
func scaleNibble[E tableValue](t, m *[16]E, x E) {
	t[0], t[1], t[2], t[3] = m[0]*x, m[1]*x, m[2]*x, m[3]*x
	t[4], t[5], t[6], t[7] = m[4]*x, m[5]*x, m[6]*x, m[7]*x
	t[8], t[9], t[10], t[11] = m[8]*x, m[9]*x, m[10]*x, m[11]*x
	t[12], t[13], t[14], t[15] = m[12]*x, m[13]*x, m[14]*x, m[15]*x
}

// buildByteTables sets bt[256*k+b] = nt[32*k+b&15] + nt[32*k+16+b>>4] for
// every byte k of the nibble tables nt.
func buildByteTables[E tableValue](bt []E, nt []E) {
	for k := range len(nt) / 32 {
		lo := (*[16]E)(nt[32*k:])
		for hi, h := range nt[32*k+16 : 32*k+32] {
			r := (*[16]E)(bt[256*k+16*hi:])
			r[0], r[1], r[2], r[3] = lo[0]+h, lo[1]+h, lo[2]+h, lo[3]+h
			r[4], r[5], r[6], r[7] = lo[4]+h, lo[5]+h, lo[6]+h, lo[7]+h
			r[8], r[9], r[10], r[11] = lo[8]+h, lo[9]+h, lo[10]+h, lo[11]+h
			r[12], r[13], r[14], r[15] = lo[12]+h, lo[13]+h, lo[14]+h, lo[15]+h
		}
	}
}

// codeTables are a chunk's tables: nibble tables for len(nt)/32 code bytes
// at most, and byte tables built from them if bt is not nil.
type codeTables[E tableValue] struct {
	nt, bt []E
}

// chunkBytes returns the most code bytes of a row the tables cover.
func (t codeTables[E]) chunkBytes() int { return len(t.nt) / 32 }

// build fills the tables of ng groups of format f from the query values xc
// of their columns.
func (t codeTables[E]) build(xc []E, f Format, ng int) {
	nt := t.nt[:32*ng*f.Group*f.Bits/8]
	buildNibbleTables(nt, xc, f, ng)
	if t.bt != nil {
		buildByteTables(t.bt, nt)
	}
}

// sums sets d[s] to the sum of the tables of the sb code bytes of segment
// s of p.
func (t codeTables[E]) sums(d []E, p []byte, sb int) {
	if t.bt != nil {
		byteSums(d, p, t.bt, sb)
		return
	}
	nibbleSums(d, p, t.nt, sb)
}

// nibbleSums sets d[s] to the sum of the nibble tables nt of the sb code
// bytes p[s*sb:(s+1)*sb] of segment s. Segments of 2 and 4 bytes (small
// groups of 2- and 4-bit codes) have loops with constant offsets.
func nibbleSums[E tableValue](d []E, p []byte, nt []E, sb int) {
	switch sb {
	case 2:
		nibbleSums2(d, p, nt)
		return
	case 4:
		nibbleSums4(d, p, nt)
		return
	}
	for s := range d {
		d[s] = sumNibbles(p[s*sb:(s+1)*sb], nt[32*s*sb:32*(s+1)*sb])
	}
}

// sumNibbles returns Σ_k nt[32*k+p[k]&15] + nt[32*k+16+p[k]>>4].
func sumNibbles[E tableValue](p []byte, nt []E) E {
	var d0, d1, d2, d3, d4, d5, d6, d7 E
	for ; len(p) >= 4; p = p[4:] {
		u := (*[4 * 32]E)(nt)
		b0, b1, b2, b3 := uint(p[0]), uint(p[1]), uint(p[2]), uint(p[3])
		d0 += u[b0&15]
		d1 += u[16+b0>>4]
		d2 += u[32+b1&15]
		d3 += u[48+b1>>4]
		d4 += u[64+b2&15]
		d5 += u[80+b2>>4]
		d6 += u[96+b3&15]
		d7 += u[112+b3>>4]
		nt = nt[4*32:]
	}
	for k, b := range p {
		u := (*[32]E)(nt[32*k:])
		d0 += u[b&15]
		d1 += u[16+int(b>>4)]
	}
	return ((d0 + d1) + (d2 + d3)) + ((d4 + d5) + (d6 + d7))
}

func nibbleSums2[E tableValue](d []E, p []byte, nt []E) {
	for s := range d {
		q, u := (*[2]byte)(p), (*[2 * 32]E)(nt)
		b0, b1 := uint(q[0]), uint(q[1])
		d[s] = (u[b0&15] + u[16+b0>>4]) + (u[32+b1&15] + u[48+b1>>4])
		p, nt = p[2:], nt[2*32:]
	}
}

func nibbleSums4[E tableValue](d []E, p []byte, nt []E) {
	for s := range d {
		q, u := (*[4]byte)(p), (*[4 * 32]E)(nt)
		b0, b1, b2, b3 := uint(q[0]), uint(q[1]), uint(q[2]), uint(q[3])
		d[s] = ((u[b0&15] + u[16+b0>>4]) + (u[32+b1&15] + u[48+b1>>4])) +
			((u[64+b2&15] + u[80+b2>>4]) + (u[96+b3&15] + u[112+b3>>4]))
		p, nt = p[4:], nt[4*32:]
	}
}

// byteSums sets d[s] to the sum of the byte tables bt of the sb code bytes
// p[s*sb:(s+1)*sb] of segment s. Segments of 2, 4 and 8 bytes (the small
// groups of 2- and 4-bit codes) have loops with constant offsets, each in
// a function of its own so that its few variables stay in registers.
func byteSums[E tableValue](d []E, p []byte, bt []E, sb int) {
	switch sb {
	case 2:
		byteSums2(d, p, bt)
	case 4:
		byteSums4(d, p, bt)
	case 8:
		byteSums8(d, p, bt)
	case 16:
		byteSums16(d, p, bt)
	default:
		if sb >= 8 {
			for s := range d {
				d[s] = sumBytes(p[s*sb:(s+1)*sb], bt[256*s*sb:])
			}
			return
		}
		p, k := p[:len(d)*sb], 0
		for s := range d {
			var a E
			for e := k + sb; k < e; k++ {
				a += bt[256*k+int(p[k])]
			}
			d[s] = a
		}
	}
}

func byteSums2[E tableValue](d []E, p []byte, bt []E) {
	for len(d) >= 2 {
		q, t := (*[4]byte)(p), (*[4 * 256]E)(bt)
		d[0] = t[q[0]] + t[256+int(q[1])]
		d[1] = t[512+int(q[2])] + t[768+int(q[3])]
		d, p, bt = d[2:], p[4:], bt[4*256:]
	}
	if len(d) > 0 {
		q, t := (*[2]byte)(p), (*[2 * 256]E)(bt)
		d[0] = t[q[0]] + t[256+int(q[1])]
	}
}

func byteSums4[E tableValue](d []E, p []byte, bt []E) {
	for len(d) >= 4 {
		q, t := (*[16]byte)(p), (*[16 * 256]E)(bt)
		d[0] = (t[q[0]] + t[256+int(q[1])]) + (t[512+int(q[2])] + t[768+int(q[3])])
		d[1] = (t[1024+int(q[4])] + t[1280+int(q[5])]) + (t[1536+int(q[6])] + t[1792+int(q[7])])
		d[2] = (t[2048+int(q[8])] + t[2304+int(q[9])]) + (t[2560+int(q[10])] + t[2816+int(q[11])])
		d[3] = (t[3072+int(q[12])] + t[3328+int(q[13])]) + (t[3584+int(q[14])] + t[3840+int(q[15])])
		d, p, bt = d[4:], p[16:], bt[16*256:]
	}
	for s := range d {
		q, t := (*[4]byte)(p[4*s:]), (*[4 * 256]E)(bt[4*256*s:])
		d[s] = (t[q[0]] + t[256+int(q[1])]) + (t[512+int(q[2])] + t[768+int(q[3])])
	}
}

func byteSums8[E tableValue](d []E, p []byte, bt []E) {
	for s := range d {
		q, t := (*[8]byte)(p), (*[8 * 256]E)(bt)
		d[s] = ((t[q[0]] + t[256+int(q[1])]) + (t[512+int(q[2])] + t[768+int(q[3])])) +
			((t[1024+int(q[4])] + t[1280+int(q[5])]) + (t[1536+int(q[6])] + t[1792+int(q[7])]))
		p, bt = p[8:], bt[8*256:]
	}
}

func byteSums16[E tableValue](d []E, p []byte, bt []E) {
	for s := range d {
		q, t := (*[16]byte)(p), (*[16 * 256]E)(bt)
		d[s] = (((t[q[0]] + t[256+int(q[1])]) + (t[512+int(q[2])] + t[768+int(q[3])])) +
			((t[1024+int(q[4])] + t[1280+int(q[5])]) + (t[1536+int(q[6])] + t[1792+int(q[7])]))) +
			(((t[2048+int(q[8])] + t[2304+int(q[9])]) + (t[2560+int(q[10])] + t[2816+int(q[11])])) +
				((t[3072+int(q[12])] + t[3328+int(q[13])]) + (t[3584+int(q[14])] + t[3840+int(q[15])])))
		p, bt = p[16:], bt[16*256:]
	}
}

// sumBytes returns Σ_k bt[256*k+p[k]] (len(bt) >= 256*len(p)).
func sumBytes[E tableValue](p []byte, bt []E) E {
	var d0, d1, d2, d3, d4, d5, d6, d7 E
	for ; len(p) >= 8; p = p[8:] {
		t := (*[8 * 256]E)(bt)
		d0 += t[p[0]]
		d1 += t[256+int(p[1])]
		d2 += t[512+int(p[2])]
		d3 += t[768+int(p[3])]
		d4 += t[1024+int(p[4])]
		d5 += t[1280+int(p[5])]
		d6 += t[1536+int(p[6])]
		d7 += t[1792+int(p[7])]
		bt = bt[8*256:]
	}
	for k, b := range p {
		d0 += bt[256*k+int(b)]
	}
	return ((d0 + d1) + (d2 + d3)) + ((d4 + d5) + (d6 + d7))
}

// scaleSums returns Σ_g f16(sc[g])*d[g] + f16(sh[g])*xs[g]: a row's dot
// product from its groups' sums d, fp16 scales sc and shifts sh (the mins,
// or the scales again for symmetric formats, whose xs then carry the
// factor -2^(Bits-1)), and the query's group sums xs.
func scaleSums(d []float32, sc, sh []uint16, xs []float32) float32 {
	if len(d) > 0 && &sc[0] == &sh[0] {
		return scaleSumsSym(d, sc, xs)
	}
	sc, sh, xs = sc[:len(d)], sh[:len(d)], xs[:len(d)]
	var a0, a1, a2, a3 float32
	g := 1
	for ; g < len(d); g += 2 {
		a0 += f16(sc[g-1]) * d[g-1]
		a1 += f16(sh[g-1]) * xs[g-1]
		a2 += f16(sc[g]) * d[g]
		a3 += f16(sh[g]) * xs[g]
	}
	if g == len(d) {
		a0 += f16(sc[g-1]) * d[g-1]
		a1 += f16(sh[g-1]) * xs[g-1]
	}
	return (a0 + a1) + (a2 + a3)
}

// scaleSumsSym is scaleSums for symmetric formats, whose shifts are their
// scales: Σ_g scale_g * (d_g + xs_g), one conversion per group instead of
// two.
func scaleSumsSym(d []float32, sc []uint16, xs []float32) float32 {
	sc, xs = sc[:len(d)], xs[:len(d)]
	var a0, a1 float32
	g := 1
	for ; g < len(d); g += 2 {
		a0 += f16(sc[g-1]) * (d[g-1] + xs[g-1])
		a1 += f16(sc[g]) * (d[g] + xs[g])
	}
	if g == len(d) {
		a0 += f16(sc[g-1]) * (d[g-1] + xs[g-1])
	}
	return a0 + a1
}

// f16 converts fp16 bits to float32 exactly as F16ToFloat32 does, in
// fewer instructions, so that it inlines into the kernels' loops: the
// bits moved into place (sign, exponent, mantissa) read as a float32 whose
// exponent is 112 too small, then scaled by 2^112, exact for normals,
// subnormals and zeros; an all-ones exponent (Inf, NaN) goes to f16Special.
func f16(h uint16) float32 {
	b := uint32(int32(int16(h)) << 13) // bits 28-30 copy the sign
	if b&0x0f800000 == 0x0f800000 {
		return f16Special(b)
	}
	return math.Float32frombits(b&0x8fffffff) * 0x1p112
}

// f16Special is f16 for Inf and NaN: the float32 all-ones exponent, the
// mantissa kept, a NaN made quiet.
func f16Special(b uint32) float32 {
	b = b&0x8fffffff | 0x7f800000
	if b&0x7fe000 != 0 {
		b |= 0x400000
	}
	return math.Float32frombits(b)
}
