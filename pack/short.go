package pack

import "encoding/binary"

// Blocks of m < 32 values (8, 16 or 24: the last block of a group whose
// length is not a multiple of 32) take the same word operations as full
// blocks: a plane of width w holds nb = m*w/8 bytes, and (for w = 4 and 2)
// the values s*nb … s*nb+nb-1 sit at bits s*w of those bytes, so one shift
// and one mask of the plane read as a word give nb values at once. The
// word stores overlap: each writes 8 bytes, of which the next one
// overwrites what lies beyond its nb, so the spread planes live in scratch
// arrays with room for the last store.

// shortScratch holds one plane of a short block spread to a value per byte:
// up to 24 values, plus room for the overlapping 8-byte stores (the last
// one starts below 24).
type shortScratch [40]byte

// unpackShort unpacks a block of m < 32 values (8, 16 or 24) from value
// start of a group of n values.
func unpackShort(dst *[BlockLen]byte, group []byte, bits, n, start, m int) {
	if bits == 8 {
		copy(dst[:m], group[start:start+m])
		return
	}
	var planes [3]shortScratch
	offset := 0
	ws := planeTable[bits]
	for i, w := range ws {
		spreadShort(&planes[i], group[offset+start*w/8:offset+(start+m)*w/8], w)
		offset += n * w / 8
	}
	for k := 0; k < m; k += 8 {
		v, shift := uint64(0), 0
		for i, w := range ws {
			v |= binary.LittleEndian.Uint64(planes[i][k:]) << shift
			shift += w
		}
		binary.LittleEndian.PutUint64(dst[k:], v)
	}
}

// spreadShort sets t[v] to the w-bit field of value v (v < m) of a short
// block's plane p (len(p) = m*w/8 bytes).
func spreadShort(t *shortScratch, p []byte, w int) {
	nb := len(p)
	switch w {
	case 1:
		for j, b := range p {
			binary.LittleEndian.PutUint64(t[8*j:], spreadBits[b])
		}
	case 2:
		x := loadShort(p)
		for s := 0; s < 4; s++ {
			binary.LittleEndian.PutUint64(t[s*nb:], x>>(2*s)&lowPairs)
		}
	case 4:
		lo := loadShort(p[:min(8, nb)])
		hi := loadShort(p[min(8, nb):])
		for s := 0; s < 2; s++ {
			binary.LittleEndian.PutUint64(t[s*nb:], lo>>(4*s)&lowNibbles)
			if nb > 8 {
				binary.LittleEndian.PutUint64(t[s*nb+8:], hi>>(4*s)&lowNibbles)
			}
		}
	}
}

// packPlaneShort writes bits [shift, shift+w) of the m < 32 codes of a
// block into its plane (m*w/8 bytes): the inverse of spreadShort.
func packPlaneShort(plane []byte, codes *[BlockLen]byte, w, m, shift int) {
	nb := len(plane)
	switch w {
	case 1:
		for j := range plane {
			plane[j] = gatherBits(binary.LittleEndian.Uint64(codes[8*j:]) >> shift)
		}
	case 2:
		var x uint64
		for s := 0; s < 4; s++ {
			x |= (binary.LittleEndian.Uint64(codes[s*nb:]) >> shift & lowPairs) << (2 * s)
		}
		storeShort(plane, x)
	case 4:
		var lo, hi uint64
		for s := 0; s < 2; s++ {
			lo |= (binary.LittleEndian.Uint64(codes[s*nb:]) >> shift & lowNibbles) << (4 * s)
			if nb > 8 {
				hi |= (binary.LittleEndian.Uint64(codes[s*nb+8:]) >> shift & lowNibbles) << (4 * s)
			}
		}
		storeShort(plane[:min(8, nb)], lo)
		storeShort(plane[min(8, nb):], hi)
	}
}

// loadShort reads len(p) <= 8 bytes as a little-endian word.
func loadShort(p []byte) uint64 {
	switch len(p) {
	case 8:
		return binary.LittleEndian.Uint64(p)
	case 4:
		return uint64(binary.LittleEndian.Uint32(p))
	case 2:
		return uint64(binary.LittleEndian.Uint16(p))
	}
	var x uint64
	for i, b := range p {
		x |= uint64(b) << (8 * i)
	}
	return x
}

// storeShort writes the low len(p) <= 8 bytes of x into p, little-endian.
func storeShort(p []byte, x uint64) {
	switch len(p) {
	case 8:
		binary.LittleEndian.PutUint64(p, x)
		return
	case 4:
		binary.LittleEndian.PutUint32(p, uint32(x))
		return
	case 2:
		binary.LittleEndian.PutUint16(p, uint16(x))
		return
	}
	for i := range p {
		p[i] = byte(x >> (8 * i))
	}
}
