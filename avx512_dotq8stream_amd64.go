//go:build gc && !purego

package lowbit

import "unsafe"

// avx512Q8StreamRec is the bytes of one query row's records of the stream
// kernels (avx512Q8StreamRecords), a multiple of 64.
const avx512Q8StreamRec = 1344

// avx512Q8StreamRecords lays out query row j of q for the stream kernel of
// rows of q.Cols values of format f into recs (avx512Q8StreamRec bytes,
// 64-byte aligned).
func avx512Q8StreamRecords(recs []byte, q *Q8, f Format, j int) {
	switch f.Group {
	case 8:
		avx512Q8StreamG8Records(recs, q, f, j)
	case 16:
		avx512Q8StreamG16Records(recs, q, f, j)
	case 32, 96:
		avx512Q8Row96Records(recs, q, f, j)
	default:
		avx512Q8Row80G80Records(recs, q, f, j)
	}
}

// avx512DotQ8Stream is DotQ8 of one query row, whose records recs
// (avx512Q8StreamRecords) are laid out, on 2- and 4-bit rows of 64,
// 80, 96, 128 or 256 values in groups of 16 or 8, on 2-, 4- and 8-bit
// rows of 80 in one group and on rows of 96 in groups of 32 or 96: the
// kernels take sixteen rows' groups as one stream (groups of 16: chunks
// of 8 groups, avx512_dotq8_row<cols>_amd64.h, scheme in
// avx512_dotq8_row96_amd64.h; groups of 8: vectors of 16 groups,
// avx512_dotq8_stream8_amd64.h; rows of 80 and 96: code dwords,
// avx512_dotq8_row80g80_amd64.h and avx512_dotq8_row96g32_amd64.h), so no
// lane is masked off and every lane is one group (dword) of one row; a
// last 1-15 rows run as a padded block of sixteen.
func avx512DotQ8Stream(out []float32, r Rows, recs []byte) {
	f := r.Format
	var scratch []float32
	if r.Cols == 256 && f.Group == 16 {
		// REDUCE16's parked vectors: 16 rows of 16 group sums.
		var scratchBuf [16*16 + 16]float32
		scratch = avx512AlignFloats(scratchBuf[:])
	}
	mins, _ := shiftSource(r)
	g := f.Groups(r.Cols)
	n := len(out)
	n16 := n &^ 15
	a := avx512RowArgs{recs: unsafe.Pointer(&recs[0])}
	if scratch != nil {
		a.scratch = unsafe.Pointer(&scratch[0])
	}
	if n16 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), n16
		avx512CallDotQ8Stream(f, r.Cols, &a)
	}
	if n16 < n {
		var (
			data          [16 * 128]byte
			scales, minsP [16 * 32]uint16
			tail          [16]float32
		)
		rb := f.RowBytes(r.Cols)
		copy(data[:], r.Data[n16*rb:])
		copy(scales[:], r.Scales[g*n16:])
		copy(minsP[:], mins[g*n16:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&minsP[0])
		a.out, a.n = unsafe.Pointer(&tail[0]), 16
		avx512CallDotQ8Stream(f, r.Cols, &a)
		copy(out[n16:], tail[:])
	}
}

// avx512CallDotQ8Stream runs the stream kernel of rows of cols values of
// format f (groups of 8 or 16, rows of 80 in one group, rows of 96 in
// groups of 32 or 96). A direct call,
// not a function value, so that the argument block stays on the stack.
func avx512CallDotQ8Stream(f Format, cols int, a *avx512RowArgs) {
	switch f.Group {
	case 8:
		avx512CallDotQ8RowG8Of(cols, f.Bits, a)
	case 16:
		avx512CallDotQ8RowG16Of(cols, f.Bits, a)
	case 32, 96:
		avx512CallDotQ8Row96(f.Bits, f.Group, a)
	default:
		avx512CallDotQ8Row80(f.Bits, a)
	}
}

// avx512Q8Row80G80Records lays out query row j of q (rows of 80 values in
// one group, three query blocks) for the stream kernels of rows of 80 in
// one group (avx512_dotq8_row80g80_amd64.h): per pattern p (the vectors v
// with v%5 = p, whose lane l is the code dword of place (16p+l)%D of its
// row, D = 5, 10 or 20 dwords a row for 2-, 4- and 8-bit codes) the query values of
// the dword's code bytes in the order the kernel unpacks them (2-bit:
// fields 0-3, 64 bytes each, 256 a pattern; 4-bit: lo and hi nibbles, 128
// a pattern; 8-bit: the bytes, 64 a pattern), by pack's layout (a block
// of 32: 2-bit byte i holds values i, 8+i, 16+i, 24+i, 4-bit byte i values
// i and 16+i; the last block of 16: 2-bit byte i values i, 4+i, 8+i,
// 12+i, 4-bit byte i values i and 8+i); then at byte 1280 the three query
// block scales and the shift sum (their sums, times -2^(Bits-1) when
// symmetric).
func avx512Q8Row80G80Records(recs []byte, q *Q8, f Format, j int) {
	x := (*[80]byte)(unsafe.Pointer(&q.Values[j*80]))
	tbl := &avx512Q8Row80G80Places[f.Bits/4]
	for i := range 1280 >> (f.Bits / 4) { // 1280, 640, 320 bytes
		recs[i] = x[tbl[i]]
	}
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	t := (*[4]float32)(unsafe.Pointer(&recs[1280]))
	s := q.Scales[3*j:][:3]
	sums := q.Sums[3*j:][:3]
	t[0], t[1], t[2], t[3] = s[0], s[1], s[2], mul*(sums[0]+sums[1]+sums[2])
}

// avx512Q8StreamG16Records lays out query row j of q (rows of G = 4, 5,
// 6, 8 or 16 groups of 16) for the stream kernels, with P patterns (the
// chunks of 8 groups after which the stream's query groups repeat: 1 for
// rows of 64 and 128, 5 for rows of 80, 3 for rows of 96, 2 for rows of
// 256): first, per pattern p, the query values of a chunk c of a block
// with c%P = p (its 128-bit lane L holds stream groups 8c+2L and 8c+2L+1,
// whose query groups are (8p+2L)%G and (8p+2L+1)%G), 128 bytes as the
// kernels unpack a chunk: lo the two groups' values 0-7, hi their values
// 8-15; then P vectors of the query block scales D and P of the shift sums
// SG (times -2^(Bits-1) when symmetric) of K_i's 16 stream groups for
// i%P = p, in stream order (lane l: query group (16p+l)%G). At most 1280
// bytes (rows of 80).
func avx512Q8StreamG16Records(recs []byte, q *Q8, f Format, j int) {
	g := q.Cols / 16 // blocks of 16: one per group
	np := g / gcd(8, g)
	x := q.Values[j*q.Cols:][:q.Cols]
	for p := range np {
		lo, hi := recs[128*p:][:64], recs[128*p+64:][:64]
		for l := range 4 {
			for h := range 2 {
				qg := (8*p + 2*l + h) % g
				copy(lo[16*l+8*h:][:8], unsafe.Slice((*byte)(unsafe.Pointer(&x[16*qg])), 8))
				copy(hi[16*l+8*h:][:8], unsafe.Slice((*byte)(unsafe.Pointer(&x[16*qg+8])), 8))
			}
		}
	}
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	d := unsafe.Slice((*float32)(unsafe.Pointer(&recs[128*np])), 16*np)
	sg := unsafe.Slice((*float32)(unsafe.Pointer(&recs[192*np])), 16*np)
	for p := range np {
		for l := range 16 {
			qg := (16*p + l) % g
			d[16*p+l] = q.Scales[j*g+qg]
			sg[16*p+l] = mul * q.Sums[j*g+qg]
		}
	}
}

// avx512Q8StreamIdx holds the index vectors of the stream kernels: [0]
// the VPERMD indexes that put a K_i's lanes (COMBINE's order: lane 4L+q
// holds group 8(q/2)+2L+q%2) in stream order; rows of 96: [1+m] the
// VPERMI2PS (and, from pair 32 on, VPERMPS) indexes of group pair 3r+m
// into lane r, pair t lying in Q_(t/16) in COMBINE's order; rows of 80:
// [4+k] stream group 5r+k in lane r; rows of 64: [9] the VPERMPS indexes
// that put row r's sum, in lane 4(r%4)+r/4, in lane r; rows of 128: [10]
// those of row r's sum in lane 8(r/8)+4(r%2)+(r%8)/2.
var avx512Q8StreamIdx = func() (idx [11][16]int32) {
	lane := func(t int) int32 { // the lane of COMBINE's order holding entry t%16
		tt := t % 16
		return int32(4*(tt%8/2) + 2*(tt/8) + tt%2)
	}
	for l := range 16 {
		idx[0][l] = lane(l)
		for m := range 3 {
			t := 3*l + m
			idx[1+m][l] = int32(16*(t/16)) + lane(t)
		}
		for k := range 5 {
			idx[4+k][l] = int32(5*l + k)
		}
		idx[9][l] = int32(4*(l%4) + l/4)
		idx[10][l] = int32(8*(l/8) + 4*(l%2) + l%8/2)
	}
	return idx
}()

// avx512Q8StreamG8Records lays out query row j of q (rows of G = 8, 10,
// 12, 16 or 32 groups of 8) for the stream kernels of groups of 8, with P
// = G/gcd(16, G) patterns (the vectors of 16 groups after which the
// stream's query groups repeat: 1 for rows of 64 and 128, 2 for 256, 5 for
// 80, 3 for 96), 256 bytes each: for the vectors v with v%P = p, whose
// lane l is stream group 16v+l of query group qg = (16p+l)%G, the query
// values as the kernels unpack 16 groups (lo: lane l's bytes hold qg's
// values 0-3; hi: its values 4-7), then the query block scales D and the
// shift sums SG (times -2^(Bits-1) when symmetric) of the lanes' query
// groups. At most 1280 bytes (rows of 80).
func avx512Q8StreamG8Records(recs []byte, q *Q8, f Format, j int) {
	g := q.Cols / 8 // one block per group
	np := g / gcd(16, g)
	x := unsafe.Slice((*byte)(unsafe.Pointer(&q.Values[j*q.Cols])), q.Cols)
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	for p := range np {
		rec := recs[256*p:][:256]
		d := (*[16]float32)(unsafe.Pointer(&rec[128]))
		sg := (*[16]float32)(unsafe.Pointer(&rec[192]))
		for l := range 16 {
			qg := (16*p + l) % g
			copy(rec[4*l:][:4], x[8*qg:])
			copy(rec[64+4*l:][:4], x[8*qg+4:])
			d[l] = q.Scales[j*g+qg]
			sg[l] = mul * q.Sums[j*g+qg]
		}
	}
}

// avx512Q8Row80G80Places holds, for 2-, 4- and 8-bit codes ([0], [1],
// [2]), the query value of each record byte of avx512Q8Row80G80Records
// (1280, 640 and 320 bytes), so that a call only gathers.
var avx512Q8Row80G80Places = func() (t [3][1280]uint8) {
	for w, bits := range []int{2, 4, 8} {
		dwords := 10 * bits / 4
		for p := range 5 {
			for l := range 16 {
				k := (16*p + l) % dwords
				for m := range 4 {
					b := 4*k + m // the code byte of the row
					switch bits {
					case 2:
						for fl := range 4 {
							v := 64 + 4*fl + b - 16
							if b < 16 {
								v = 32*(b/8) + 8*fl + b%8
							}
							t[w][256*p+64*fl+4*l+m] = uint8(v)
						}
					case 4:
						lo, hi := 32*(b/16)+b%16, 32*(b/16)+16+b%16
						if b >= 32 {
							lo, hi = 64+b-32, 72+b-32
						}
						t[w][128*p+4*l+m], t[w][128*p+64+4*l+m] = uint8(lo), uint8(hi)
					default:
						t[w][64*p+4*l+m] = uint8(b)
					}
				}
			}
		}
	}
	return t
}()

// avx512Q8Stream8Idx holds the index vectors of the stream kernels of
// groups of 8 (avx512_dotq8_stream8_amd64.h): [0] rows of 64: the VPERMPS
// indexes that put row r's sum, in lane 4((r%2)+2(r/8))+(r%8)/2, in lane
// r; rows of 80: [1+k] the place of pair 5r+k (pair t in Q_(t/16), lane
// c(t%16) of COMBINE_F's order, c(t) = 4(t%8/2)+2(t/8)+t%2; 16 more in
// the odd Q, for VPERMI2PS) in lane r; rows of 96: [6+m] the place of quad
// 3r+m (quad u in R_(u/16), lane 4(u%4)+(u%16)/4, 16 more in R_1) in lane
// r; [9] the VPERMW indexes that double each code word of 2-bit codes
// (words 2k and 2k+1 take word k), [10] and [11] the VPSRLVW counts 0, 2
// and 4, 6 of the words; 8-bit rows of 80 in one group: [12+k] the place
// of quad 5r+k of code dwords in lane r.
var avx512Q8Stream8Idx = func() (idx [17][16]int32) {
	pair := func(t int) int32 {
		tt := t % 16
		return int32(16*(t/16%2) + 4*(tt%8/2) + 2*(tt/8) + tt%2)
	}
	quad := func(u int) int32 {
		return int32(16*(u/16%2) + 4*(u%4) + u%16/4)
	}
	for r := range 16 {
		idx[0][r] = int32(4*(r%2+2*(r/8)) + r%8/2)
		for k := range 5 {
			idx[1+k][r] = pair(5*r + k)
		}
		for m := range 3 {
			idx[6+m][r] = quad(3*r + m)
		}
		for k := range 5 {
			idx[12+k][r] = quad(5*r + k)
		}
		idx[9][r] = int32(r | r<<16)
		idx[10][r] = 0 | 2<<16
		idx[11][r] = 4 | 6<<16
	}
	return idx
}()

// avx512DotQ8StreamCodes reports whether DotQ8 on rows of cols values of
// format f runs the stream kernels (avx512DotQ8Stream): 2- and 4-bit codes
// in groups of 16 or 8 on rows of 64, 80, 96, 128 and 256, 2-, 4- and
// 8-bit codes on rows of 80 in one group, and on rows of 96 in groups of
// 32 or 96.
func avx512DotQ8StreamCodes(f Format, cols int) bool {
	return (f.Group == 16 || f.Group == 8) && (f.Bits == 2 || f.Bits == 4) && (cols == 64 || cols == 80 || cols == 96 || cols == 128 || cols == 256) ||
		cols == 80 && avx512DotQ8Row80Codes(f) || cols == 96 && avx512DotQ8Row96Codes(f)
}

// avx512Q8Row96Records lays out query row j of q (rows of 96 values,
// three query blocks) for the stream kernels of rows of 96 in groups of 32
// or 96 (avx512_dotq8_row96g32_amd64.h): per pattern p (the vectors v
// with v%3 = p, whose lane l is the code dword of place (16p+l)%D of its
// row, D = 6, 12 or 24 dwords a row for 2-, 4- and 8-bit codes) the query
// values of the dword's code bytes in the order the kernel unpacks them
// (2-bit: fields 0-3, 64 bytes each, 256 a pattern; 4-bit: lo and hi
// nibbles, 128 a pattern; 8-bit: the bytes, 64 a pattern), by pack's
// layout of a block of 32 (2-bit byte i holds values i, 8+i, 16+i, 24+i;
// 4-bit byte i values i and 16+i); then, at byte Q (768, 384 or 192):
// groups of 32, three vectors D_i of the query block scales of stream
// blocks 16i+l (query block (16i+l)%3) and three of their shift sums SG_i
// at Q+192; one group of 96, the three query block scales and the shift
// sum (their sums). Shift sums times -2^(Bits-1) when symmetric.
func avx512Q8Row96Records(recs []byte, q *Q8, f Format, j int) {
	x := (*[96]byte)(unsafe.Pointer(&q.Values[j*96]))
	tbl := &avx512Q8Row96Places[f.Bits/4]
	nv := 768 >> (f.Bits / 4) // 768, 384, 192 bytes
	for i := range nv {
		recs[i] = x[tbl[i]]
	}
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	nb := q8Blocks(q.Group, q.Cols)
	s := q.Scales[nb*j:][:3]
	sums := q.Sums[nb*j:][:3]
	if f.Group == 96 {
		t := (*[4]float32)(unsafe.Pointer(&recs[nv]))
		t[0], t[1], t[2], t[3] = s[0], s[1], s[2], mul*(sums[0]+sums[1]+sums[2])
		return
	}
	t := (*[96]float32)(unsafe.Pointer(&recs[nv]))
	for l := range 48 {
		t[l], t[48+l] = s[l%3], mul*sums[l%3]
	}
}

// avx512Q8Row96Places holds, for 2-, 4- and 8-bit codes ([0], [1], [2]),
// the query value of each record byte of avx512Q8Row96Records (768, 384
// and 192 bytes), so that a call only gathers.
var avx512Q8Row96Places = func() (t [3][768]uint8) {
	for w, bits := range []int{2, 4, 8} {
		dwords := 3 * bits
		for p := range 3 {
			for l := range 16 {
				k := (16*p + l) % dwords
				for m := range 4 {
					b := 4*k + m // the code byte of the row
					blk, i := b/(4*bits), b%(4*bits)
					switch bits {
					case 2:
						for fl := range 4 {
							t[w][256*p+64*fl+4*l+m] = uint8(32*blk + 8*fl + i)
						}
					case 4:
						t[w][128*p+4*l+m], t[w][128*p+64+4*l+m] = uint8(32*blk+i), uint8(32*blk+16+i)
					default:
						t[w][64*p+4*l+m] = uint8(b)
					}
				}
			}
		}
	}
	return t
}()

// avx512Q8Row96Idx holds the index vectors of the stream kernels of rows
// of 96 in groups of 32 or 96, per code width ([0] 2-bit, [1] 4-bit, [2]
// 8-bit), whose sums B_i hold stream block 16i+t in lane pos(t) (2-bit:
// COMBINE's order of dword pairs, 4(t%8/2)+2(t/8)+t%2; 4-bit: of dword
// quads, 4(t%4)+t/4; 8-bit: of pairs of quads, 8(t/8)+4(t%2)+t%8/2), and
// [3] for stream order (pos(t) = t): [w][0] the VPERMD indexes that put B_i
// in stream order, [w][1+k] the place of block 3r+k in lane r (block e in
// B_(e/16): 16(e/16)+pos(e%16), for VPERMI2PS over B_0 and B_1 and, from
// block 32 on, VPERMPS of B_2, which reads the low four bits).
var avx512Q8Row96Idx = func() (idx [4][4][16]int32) {
	pos := [4]func(t int) int{
		func(t int) int { return 4*(t%8/2) + 2*(t/8) + t%2 },
		func(t int) int { return 4*(t%4) + t/4 },
		func(t int) int { return 8*(t/8) + 4*(t%2) + t%8/2 },
		func(t int) int { return t },
	}
	for w := range 4 {
		for l := range 16 {
			idx[w][0][l] = int32(pos[w](l))
			for k := range 3 {
				e := 3*l + k
				idx[w][1+k][l] = int32(16*(e/16) + pos[w](e%16))
			}
		}
	}
	return idx
}()
