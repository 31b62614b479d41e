package pack

import (
	"encoding/binary"
	"fmt"
)

// UnpackGroups unpacks consecutive groups of n values of the given width
// (len(dst)/n of them, one code per byte into dst) from src, which holds
// them packed one after the other: exactly GroupBytes(bits, len(dst))
// bytes. It is Unpack group by group, with loops of their own for the
// common shapes (2- and 4-bit codes in groups of 8, 16, 24 or a multiple
// of 32, 8-bit codes), where a group of 8 codes takes a few word
// operations.
func UnpackGroups(dst, src []byte, bits, n int) {
	checkGroups("UnpackGroups", len(dst), len(src), bits, n)
	switch {
	case bits == 8:
		copy(dst, src)
	case bits == 4 && n%BlockLen == 0:
		unpack4(dst, src)
	case bits == 2 && n%BlockLen == 0:
		unpack2(dst, src)
	case bits == 4 && n == 8:
		for ; len(dst) >= 8 && len(src) >= 4; dst, src = dst[8:], src[4:] {
			w := binary.LittleEndian.Uint32(src)
			binary.LittleEndian.PutUint32(dst, w&0x0f0f0f0f)
			binary.LittleEndian.PutUint32(dst[4:], w>>4&0x0f0f0f0f)
		}
	case bits == 4 && n == 16:
		for ; len(dst) >= 16 && len(src) >= 8; dst, src = dst[16:], src[8:] {
			w := binary.LittleEndian.Uint64(src)
			binary.LittleEndian.PutUint64(dst, w&lowNibbles)
			binary.LittleEndian.PutUint64(dst[8:], w>>4&lowNibbles)
		}
	case bits == 2 && n == 8:
		for ; len(dst) >= 8 && len(src) >= 2; dst, src = dst[8:], src[2:] {
			w := binary.LittleEndian.Uint16(src)
			binary.LittleEndian.PutUint16(dst, w&0x0303)
			binary.LittleEndian.PutUint16(dst[2:], w>>2&0x0303)
			binary.LittleEndian.PutUint16(dst[4:], w>>4&0x0303)
			binary.LittleEndian.PutUint16(dst[6:], w>>6&0x0303)
		}
	case bits == 2 && n == 16:
		for ; len(dst) >= 16 && len(src) >= 4; dst, src = dst[16:], src[4:] {
			w := binary.LittleEndian.Uint32(src)
			binary.LittleEndian.PutUint32(dst, w&0x03030303)
			binary.LittleEndian.PutUint32(dst[4:], w>>2&0x03030303)
			binary.LittleEndian.PutUint32(dst[8:], w>>4&0x03030303)
			binary.LittleEndian.PutUint32(dst[12:], w>>6&0x03030303)
		}
	default:
		gb := GroupBytes(bits, n)
		for ; len(dst) >= n; dst, src = dst[n:], src[gb:] {
			UnpackRange(dst[:n], src[:gb], bits, n, 0)
		}
	}
}

// PackGroups packs consecutive groups of n codes (len(codes)/n of them,
// one code per byte, bits above the width ignored) into dst, which must
// hold exactly GroupBytes(bits, len(codes)) bytes: Pack group by group,
// with loops of their own for the shapes UnpackGroups has them for.
func PackGroups(dst, codes []byte, bits, n int) {
	checkGroups("PackGroups", len(codes), len(dst), bits, n)
	switch {
	case bits == 8:
		copy(dst, codes)
	case bits == 4 && n == 8:
		for ; len(codes) >= 8 && len(dst) >= 4; codes, dst = codes[8:], dst[4:] {
			lo, hi := binary.LittleEndian.Uint32(codes), binary.LittleEndian.Uint32(codes[4:])
			binary.LittleEndian.PutUint32(dst, lo&0x0f0f0f0f|hi&0x0f0f0f0f<<4)
		}
	case bits == 4 && n == 16:
		for ; len(codes) >= 16 && len(dst) >= 8; codes, dst = codes[16:], dst[8:] {
			lo, hi := binary.LittleEndian.Uint64(codes), binary.LittleEndian.Uint64(codes[8:])
			binary.LittleEndian.PutUint64(dst, lo&lowNibbles|hi&lowNibbles<<4)
		}
	case bits == 2 && n == 8:
		for ; len(codes) >= 8 && len(dst) >= 2; codes, dst = codes[8:], dst[2:] {
			a, b := binary.LittleEndian.Uint16(codes), binary.LittleEndian.Uint16(codes[2:])
			c, d := binary.LittleEndian.Uint16(codes[4:]), binary.LittleEndian.Uint16(codes[6:])
			binary.LittleEndian.PutUint16(dst, a&0x0303|b&0x0303<<2|c&0x0303<<4|d&0x0303<<6)
		}
	case (bits == 4 || bits == 2) && n%BlockLen == 0:
		var block [BlockLen]byte
		for ; len(codes) >= BlockLen; codes, dst = codes[BlockLen:], dst[BlockLen*bits/8:] {
			copy(block[:], codes)
			packPlane32(dst, &block, bits, 0)
		}
	default:
		gb := GroupBytes(bits, n)
		var block [BlockLen]byte
		for ; len(codes) >= n; codes, dst = codes[n:], dst[gb:] {
			for start := 0; start < n; start += BlockLen {
				copy(block[:], codes[start:min(n, start+BlockLen)])
				PackBlock(dst[:gb], &block, bits, n, start)
			}
		}
	}
}

// checkGroups panics unless m codes make whole groups of n values of the
// given width packed into exactly size bytes.
func checkGroups(fn string, m, size, bits, n int) {
	checkGroup(bits, n)
	if m%n != 0 || size != GroupBytes(bits, m) {
		panic(fmt.Sprintf("pack: %s of %d %d-bit codes in groups of %d with %d packed bytes (want a multiple of %d codes and %d bytes)",
			fn, m, bits, n, size, n, GroupBytes(bits, m)))
	}
}
