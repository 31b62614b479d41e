//go:build gc && !purego

package lowbit

import (
	"fmt"
	"sync"

	"github.com/lowbit-ml/lowbit/pack"
)

// Short blocks. A group that is not a multiple of 32 values ends in a block
// of m = 8, 16 or 24 values, whose planes package pack lays out with
// strides of m/2, m/4 and m/8 bytes instead of 16, 8 and 4. The neon unpack
// and pack of those blocks are TBL programs: tables that say, for each
// code, which byte holds each of its planes and where in the byte, so one
// loop of TBL, USHL (a per-byte shift) and AND serves every width and m.
// The tables are derived here from package pack (by packing one set
// plane of one code at a time), so they follow its layouts by
// construction.
//
// Groups of 8, 16 and 24 values (one short block each) unpack in steps of
// u = 4, 2 and 1 groups: 32, 32 and 24 codes from the u*m*bits/8 <= 28
// packed bytes of the step, read as one 32-byte TBL table. The short last
// block of a larger group (m = G%32) is first gathered from its planes into
// the layout of a group of m values, then unpacked by the same program.

// neonSlack is how far past the packed bytes of its last group the unpack
// of a format with short blocks may read, and its pack may write (the
// 32-byte steps); and the bytes past the last code that the code kernels
// may read from the unpack buffer. The Go side copies the last groups of a
// range into a padded buffer where the slack would leave r.Data.
const neonSlack = 32

// neonUnpackPlane unpacks one plane of 32 codes from a 32-byte table: code
// k takes bits [s, s+w) of table byte idx[k] to bits [p, p+w) (shift =
// p - s, USHL: left when positive), masked by mask (the plane's bits).
// idx 0xFF gives 0 (TBL). 80 bytes, as the asm reads them.
type neonUnpackPlane struct {
	idx   [32]uint8
	shift [32]int8
	mask  [16]uint8
}

// neonPackSlot packs one slot of 32 bytes of output from 32 codes: byte b
// takes code idx[b] shifted by shift[b] and masked by mask[b] (slot t of a
// byte of a w-bit plane holds bits [t*w, (t+1)*w); idx 0xFF: none). The
// packed bytes are the OR of the slots. 96 bytes, as the asm reads them.
type neonPackSlot struct {
	idx   [32]uint8
	shift [32]int8
	mask  [32]uint8
}

// neonShortProgram is the unpack and pack of one step of short blocks of
// one code width: planes unpack planes (1 to 3), slots pack slots (2 to
// 8). The asm reads the counts and then the tables.
type neonShortProgram struct {
	planes, slots int64
	unpack        [3]neonUnpackPlane
	pack          [8]neonPackSlot
}

// neonTailWindow moves the tail of one plane of a large group between the
// 16-byte window of the group that the asm loads (and, for pack, blends
// and stores back) and the layout of a group of m values: the window
// starts off bytes from the plane's tail; gather[d] is the window byte
// that byte d of the group-of-m layout takes (0xFF: none, 32 bytes for
// the two table registers), scatter[j] the byte of the group-of-m layout
// that window byte j takes, blend[j] 0xFF where window byte j is the
// plane's tail.
type neonTailWindow struct {
	off     int64
	gather  [32]uint8
	scatter [16]uint8
	blend   [16]uint8
}

// neonTailProgram is the unpack and pack of the short last block of a
// large group: the windows of its planes and the program of a group of m.
type neonTailProgram struct {
	windows [3]neonTailWindow
	prog    *neonShortProgram
}

// neonShortTables holds the programs of every code width (2 to 7 bits) and
// short block: small[bits][m/8-1] for groups of m = 8, 16, 24 values, and
// tail[bits][m/8-1][fwd] for the short last block of m values of a larger
// group, with windows that start at each plane's tail (fwd = 1) or end
// where the tail ends (fwd = 0; see neonTail).
type neonShortTables struct {
	small [9][3]*neonShortProgram
	tail  [9][3][2]*neonTailProgram
}

// neonShort returns the tables, built on first use (about 0.4 million
// instructions: most programs never run short blocks).
var neonShort = sync.OnceValue(func() *neonShortTables {
	t := new(neonShortTables)
	for bits := 2; bits < 8; bits++ {
		for m := 8; m < 32; m += 8 {
			t.small[bits][m/8-1] = newNEONShortProgram(bits, m)
			for fwd := 0; fwd < 2; fwd++ {
				t.tail[bits][m/8-1][fwd] = newNEONTailProgram(t.small[bits][m/8-1], bits, m, fwd == 1)
			}
		}
	}
	return t
})

// neonStep returns the groups that one unpack step of groups of m < 32
// values covers.
func neonStep(m int) int {
	if 32%m == 0 {
		return 32 / m
	}
	return 1
}

// neonProbe returns where package pack puts the bits [p, p+w) of code v in
// a group of m values of bits-wide codes: the byte and the bit there.
func neonProbe(bits, m, v, p, w int) (byteAt, bit int) {
	codes := make([]byte, m)
	codes[v] = byte((1<<w - 1) << p)
	packed := make([]byte, pack.GroupBytes(bits, m))
	pack.Pack(packed, codes, bits)
	byteAt = -1
	for b, x := range packed {
		if x == 0 {
			continue
		}
		if byteAt >= 0 {
			panic(fmt.Sprintf("lowbit: a %d-bit plane of code %d of a %d-bit group of %d spans two bytes", w, v, bits, m))
		}
		byteAt = b
		for bit = 0; x>>bit&1 == 0; bit++ {
		}
		if x != byte((1<<w-1)<<bit) {
			panic(fmt.Sprintf("lowbit: a %d-bit plane of code %d of a %d-bit group of %d is not contiguous", w, v, bits, m))
		}
	}
	return byteAt, bit
}

func newNEONShortProgram(bits, m int) *neonShortProgram {
	planes := pack.Planes(bits)
	u, gb := neonStep(m), pack.GroupBytes(bits, m)
	pr := &neonShortProgram{planes: int64(len(planes)), slots: int64(8 / planes[len(planes)-1])}
	for s := range pr.pack {
		for b := range pr.pack[s].idx {
			pr.pack[s].idx[b] = 0xFF
		}
	}
	p := 0
	for pl, w := range planes {
		up := &pr.unpack[pl]
		for k := range up.idx {
			up.idx[k] = 0xFF
		}
		for i := range up.mask {
			up.mask[i] = byte((1<<w - 1) << p)
		}
		for k := 0; k < u*m; k++ {
			b, s := neonProbe(bits, m, k%m, p, w)
			b += k / m * gb
			up.idx[k], up.shift[k] = uint8(b), int8(p-s)
			slot := &pr.pack[s/w]
			slot.idx[b], slot.shift[b], slot.mask[b] = uint8(k), int8(s-p), byte((1<<w-1)<<s)
		}
		p += w
	}
	return pr
}

func newNEONTailProgram(prog *neonShortProgram, bits, m int, fwd bool) *neonTailProgram {
	tp := &neonTailProgram{prog: prog}
	start := 0 // the plane's tail in the layout of a group of m
	for pl, w := range pack.Planes(bits) {
		n := m * w / 8
		win := &tp.windows[pl]
		if !fwd {
			win.off = int64(n - 16)
		}
		for d := range win.gather {
			win.gather[d] = 0xFF
		}
		for j := range win.scatter {
			win.scatter[j] = 0xFF
		}
		for i := 0; i < n; i++ {
			j := i - int(win.off) // the window byte of tail byte i
			win.gather[start+i] = uint8(j)
			win.scatter[j] = uint8(start + i)
			win.blend[j] = 0xFF
		}
		start += n
	}
	return tp
}

// neonTail returns the program of the short last block of groups of G > 32
// values (nil when G is a multiple of 32) and whether it reads (and, to
// pack, writes) up to 16 bytes past the group: each plane's window ends at
// its tail when that stays inside the group, else (2- and 3-bit codes in
// groups of 40 to 56 values, under 16 bytes) every window starts at its
// tail.
func neonTail(bits, G int) (tp *neonTailProgram, over bool) {
	m := G % 32
	if m == 0 || bits == 8 {
		return nil, false
	}
	tailEnd := 0 // of each plane, from the start of the group
	planeStart := 0
	back := true
	for _, w := range pack.Planes(bits) {
		tailEnd = planeStart + G*w/8
		back = back && tailEnd >= 16
		planeStart += G * w / 8
	}
	if back {
		return neonShort().tail[bits][m/8-1][0], false
	}
	return neonShort().tail[bits][m/8-1][1], true
}
