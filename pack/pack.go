package pack

import (
	"encoding/binary"
	"fmt"
)

// BlockLen is the number of values in a full block. A group is split into
// blocks of BlockLen values; its last block may hold 8, 16 or 24.
const BlockLen = 32

// MinBits and MaxBits bound the code widths that pack lays out.
const (
	MinBits = 2
	MaxBits = 8
)

// planeTable lists, for each code width, the widths of its bit planes,
// widest (lowest code bits) first.
var planeTable = [MaxBits + 1][]int{
	2: {2},
	3: {2, 1},
	4: {4},
	5: {4, 1},
	6: {4, 2},
	7: {4, 2, 1},
	8: {8},
}

// Planes returns the widths of the bit planes that store a code of the given
// width, widest first: the first plane holds the lowest bits of the code.
// It returns nil for a width pack does not lay out. The slice is shared; do
// not modify it.
func Planes(bits int) []int {
	if bits < MinBits || bits > MaxBits {
		return nil
	}
	return planeTable[bits]
}

// GroupBytes returns the bytes that a group of n codes of the given width
// occupies: exactly n*bits/8, with no padding.
func GroupBytes(bits, n int) int { return n * bits / 8 }

// checkGroup panics when (bits, n) is not a group pack can lay out.
func checkGroup(bits, n int) {
	if bits < MinBits || bits > MaxBits {
		panic(fmt.Sprintf("pack: code width %d outside [%d, %d]", bits, MinBits, MaxBits))
	}
	if n <= 0 || n%8 != 0 {
		panic(fmt.Sprintf("pack: group of %d values is not a positive multiple of 8", n))
	}
}

// Pack packs one group of codes, one code per byte, each below 2^bits, into
// dst, which must hold exactly GroupBytes(bits, len(codes)) bytes. Bits of a
// code above its width are ignored. len(codes) must be a positive multiple
// of 8.
func Pack(dst, codes []byte, bits int) {
	n := len(codes)
	checkGroup(bits, n)
	if len(dst) != GroupBytes(bits, n) {
		panic(fmt.Sprintf("pack: Pack of %d %d-bit codes needs %d bytes, dst has %d", n, bits, GroupBytes(bits, n), len(dst)))
	}
	var block [BlockLen]byte
	for start := 0; start < n; start += BlockLen {
		copy(block[:], codes[start:])
		PackBlock(dst, &block, bits, n, start)
	}
}

// Unpack unpacks one group of len(dst) codes (a positive multiple of 8) of
// the given width from src, which must hold exactly GroupBytes(bits,
// len(dst)) bytes, into dst, one code per byte.
func Unpack(dst, src []byte, bits int) {
	n := len(dst)
	checkGroup(bits, n)
	if len(src) != GroupBytes(bits, n) {
		panic(fmt.Sprintf("pack: Unpack of %d %d-bit codes needs %d bytes, src has %d", n, bits, GroupBytes(bits, n), len(src)))
	}
	UnpackRange(dst, src, bits, n, 0)
}

// UnpackRange unpacks the len(dst) codes from value start on (start a
// multiple of BlockLen; len(dst) a multiple of BlockLen or reaching the end
// of the group) of the group of n values of the given width held in group.
// The caller validates its arguments; UnpackRange is the hot path of the
// generic kernels, with the width switch outside the loop over blocks.
func UnpackRange(dst, group []byte, bits, n, start int) {
	m := len(dst)
	full := m &^ (BlockLen - 1)
	const p4 = 0 // the 4-bit plane comes first
	p2, p1 := PlaneOffsets(bits, n)
	switch bits {
	case 2:
		unpack2(dst[:full], group[p2+start/4:])
	case 3:
		unpack3(dst[:full], group[p2+start/4:], group[p1+start/8:])
	case 4:
		unpack4(dst[:full], group[p4+start/2:])
	case 5:
		unpack5(dst[:full], group[p4+start/2:], group[p1+start/8:])
	case 6:
		unpack6(dst[:full], group[p4+start/2:], group[p2+start/4:])
	case 7:
		unpack7(dst[:full], group[p4+start/2:], group[p2+start/4:], group[p1+start/8:])
	case 8:
		copy(dst[:full], group[start:])
	}
	if full < m {
		var block [BlockLen]byte
		unpackShort(&block, group, bits, n, start+full, m-full)
		copy(dst[full:], block[:m-full])
	}
}

// The unpackN functions unpack len(dst)/32 full blocks of N-bit codes
// from their planes (each loop in its own function keeps its words in
// registers).

func unpack2(dst, p2 []byte) {
	for ; len(dst) >= BlockLen; dst, p2 = dst[BlockLen:], p2[8:] {
		a, b, c, d := pairs32(p2)
		putWords(dst, a, b, c, d)
	}
}

func unpack3(dst, p2, p1 []byte) {
	for ; len(dst) >= BlockLen; dst, p2, p1 = dst[BlockLen:], p2[8:], p1[4:] {
		a, b, c, d := pairs32(p2)
		e, f, g, h := bits32(p1)
		putWords(dst, a|e<<2, b|f<<2, c|g<<2, d|h<<2)
	}
}

func unpack4(dst, p4 []byte) {
	for ; len(dst) >= BlockLen; dst, p4 = dst[BlockLen:], p4[16:] {
		a, b, c, d := nibbles32(p4)
		putWords(dst, a, b, c, d)
	}
}

func unpack5(dst, p4, p1 []byte) {
	for ; len(dst) >= BlockLen; dst, p4, p1 = dst[BlockLen:], p4[16:], p1[4:] {
		a, b, c, d := nibbles32(p4)
		e, f, g, h := bits32(p1)
		putWords(dst, a|e<<4, b|f<<4, c|g<<4, d|h<<4)
	}
}

func unpack6(dst, p4, p2 []byte) {
	for ; len(dst) >= BlockLen; dst, p4, p2 = dst[BlockLen:], p4[16:], p2[8:] {
		a, b, c, d := nibbles32(p4)
		e, f, g, h := pairs32(p2)
		putWords(dst, a|e<<4, b|f<<4, c|g<<4, d|h<<4)
	}
}

func unpack7(dst, p4, p2, p1 []byte) {
	for ; len(dst) >= BlockLen; dst, p4, p2, p1 = dst[BlockLen:], p4[16:], p2[8:], p1[4:] {
		a, b, c, d := nibbles32(p4)
		e, f, g, h := pairs32(p2)
		i, j, l, o := bits32(p1)
		putWords(dst, a|e<<4|i<<6, b|f<<4|j<<6, c|g<<4|l<<6, d|h<<4|o<<6)
	}
}

// PlaneOffsets returns the byte offsets, from the start of a group of n
// codes of the given width, of its 2-bit and of its 1-bit plane, 0 for a
// plane the width does not have. The first plane (Planes(bits)[0]) starts
// at 0: the 2-bit plane of widths 2 and 3, the 4-bit plane of widths 4 to
// 7, the bytes of width 8. The assembly kernels take these offsets.
func PlaneOffsets(bits, n int) (p2, p1 int) {
	switch bits {
	case 3:
		p1 = n / 4
	case 5:
		p1 = n / 2
	case 6:
		p2 = n / 2
	case 7:
		p2, p1 = n/2, n/2+n/4
	}
	return p2, p1
}

// putWords stores the four words of an unpacked block into dst[0:32].
func putWords(dst []byte, a, b, c, d uint64) {
	_ = dst[31]
	binary.LittleEndian.PutUint64(dst[0:], a)
	binary.LittleEndian.PutUint64(dst[8:], b)
	binary.LittleEndian.PutUint64(dst[16:], c)
	binary.LittleEndian.PutUint64(dst[24:], d)
}

// blockLen returns the length of the block that starts at value start of a
// group of n values.
func blockLen(n, start int) int { return min(BlockLen, n-start) }

// UnpackBlock unpacks the block of the group that starts at value start (a
// multiple of BlockLen below n) into dst and returns its length m (32, or 8,
// 16 or 24 for the last block of the group). group holds the whole group of
// n values of the given width.
func UnpackBlock(dst *[BlockLen]byte, group []byte, bits, n, start int) int {
	m := blockLen(n, start)
	UnpackRange(dst[:m], group, bits, n, start)
	return m
}

// PackBlock packs the codes of one block (m = min(32, n-start) of them, in
// codes[:m]) into the group of n values at value start. It writes only the
// bytes of that block in each plane.
func PackBlock(group []byte, codes *[BlockLen]byte, bits, n, start int) {
	m := blockLen(n, start)
	if bits == 8 {
		copy(group[start:start+m], codes[:m])
		return
	}
	shift, offset := 0, 0
	for _, w := range planeTable[bits] {
		plane := group[offset+start*w/8 : offset+(start+m)*w/8]
		if m == BlockLen {
			packPlane32(plane, codes, w, shift)
		} else {
			packPlaneShort(plane, codes, w, m, shift)
		}
		shift += w
		offset += n * w / 8
	}
}

// packPlane32 is packPlane for a full block, eight codes per 64-bit word:
// the inverse of nibbles32, pairs32 and bits32.
func packPlane32(plane []byte, codes *[BlockLen]byte, w, shift int) {
	a := binary.LittleEndian.Uint64(codes[0:]) >> shift
	b := binary.LittleEndian.Uint64(codes[8:]) >> shift
	c := binary.LittleEndian.Uint64(codes[16:]) >> shift
	d := binary.LittleEndian.Uint64(codes[24:]) >> shift
	switch w {
	case 4:
		binary.LittleEndian.PutUint64(plane[0:], a&lowNibbles|(c&lowNibbles)<<4)
		binary.LittleEndian.PutUint64(plane[8:], b&lowNibbles|(d&lowNibbles)<<4)
	case 2:
		binary.LittleEndian.PutUint64(plane[0:], a&lowPairs|(b&lowPairs)<<2|(c&lowPairs)<<4|(d&lowPairs)<<6)
	case 1:
		_ = plane[3]
		plane[0], plane[1], plane[2], plane[3] = gatherBits(a), gatherBits(b), gatherBits(c), gatherBits(d)
	}
}

// gatherBits returns the lowest bit of each byte of x, byte i's in bit i.
func gatherBits(x uint64) byte {
	// Each byte's bit lands at bit 56+i of the product; no two partial
	// products overlap there, so nothing carries into those bits.
	return byte((x & 0x0101010101010101) * 0x0102040810204080 >> 56)
}

const (
	lowNibbles = 0x0f0f0f0f0f0f0f0f
	lowPairs   = 0x0303030303030303
)

// spreadBits[b] holds bit i of b in byte i, as 0 or 1.
var spreadBits = func() (t [256]uint64) {
	for b := range t {
		for i := 0; i < 8; i++ {
			t[b] |= uint64(b>>i&1) << (8 * i)
		}
	}
	return t
}()

// nibbles32 unpacks the 4-bit plane of a full block (16 bytes) into four
// words of eight values each, in value order.
func nibbles32(p []byte) (a, b, c, d uint64) {
	lo, hi := binary.LittleEndian.Uint64(p[0:8]), binary.LittleEndian.Uint64(p[8:16])
	return lo & lowNibbles, hi & lowNibbles, lo >> 4 & lowNibbles, hi >> 4 & lowNibbles
}

// pairs32 unpacks the 2-bit plane of a full block (8 bytes).
func pairs32(p []byte) (a, b, c, d uint64) {
	x := binary.LittleEndian.Uint64(p[0:8])
	return x & lowPairs, x >> 2 & lowPairs, x >> 4 & lowPairs, x >> 6 & lowPairs
}

// bits32 unpacks the 1-bit plane of a full block (4 bytes).
func bits32(p []byte) (a, b, c, d uint64) {
	_ = p[3]
	return spreadBits[p[0]], spreadBits[p[1]], spreadBits[p[2]], spreadBits[p[3]]
}
