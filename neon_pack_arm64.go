//go:build gc && !purego

package lowbit

import "github.com/lowbit-ml/lowbit/pack"

// neonBuf holds the codes of one chunk, one per byte, and the slack that
// the unpack and pack of short blocks and the code kernels may read or
// write past them.
type neonBuf [neonChunk + neonSlack]byte

// neonPad is the padded copy of the last groups of a range (see
// neonUnpackGroups): at least neonSlack bytes of groups of at most 21
// bytes, and neonSlack more.
const neonPad = 96

// neonCodeBuf returns the unpack buffer of a call on format f: stack (the
// caller's), or for groups over neonChunk values one allocated for the
// call (a chunk holds at least a group).
func neonCodeBuf(stack *neonBuf, f Format) []byte {
	if f.Group <= neonChunk {
		return stack[:]
	}
	return make([]byte, f.Group+neonSlack)
}

// unpackCodesNEON unpacks rows [i0, i1) over groups [g0, g1) of r into buf.
func unpackCodesNEON(buf []byte, r Rows, i0, i1, g0, g1 int) {
	f := r.Format
	rb, gb, groups := f.RowBytes(r.Cols), f.Group*f.Bits/8, f.Groups(r.Cols)
	ng := g1 - g0
	if ng == groups {
		ng *= i1 - i0 // whole rows: consecutive groups
	}
	neonUnpackGroups(buf, r.Data, i0*rb+g0*gb, ng, f)
}

// neonUnpackGroups unpacks the ng groups of format f at data[start:] into
// dst (ng*Group codes, and up to neonSlack bytes past them). The unpack
// of short blocks may read up to neonSlack bytes past the last group
// (neonOverreach); where that would leave data, the last groups are
// unpacked from a padded copy.
func neonUnpackGroups(dst, data []byte, start, ng int, f Format) {
	if ng == 0 {
		return
	}
	G, gb := f.Group, f.Group*f.Bits/8
	end := start + ng*gb
	switch {
	case f.Bits == 8:
		copy(dst[:ng*G], data[start:end])
		return
	case G%32 == 0: // whole blocks: neither reads past the groups
		p2, p1 := pack.PlaneOffsets(f.Bits, G)
		neonUnpack(&dst[0], &data[start], ng, G, f.Bits, p2, p1, nil, nil)
		return
	}
	if end+neonSlack <= len(data) || !neonOverreach(f) {
		neonUnpackRange(&dst[0], &data[start], ng, f)
		return
	}
	t := min(ng, (neonSlack+gb-1)/gb) // at least neonSlack bytes, unless all of them
	if ng > t {
		neonUnpackRange(&dst[0], &data[start], ng-t, f)
	}
	var pad [neonPad]byte
	copy(pad[:], data[end-t*gb:end])
	neonUnpackRange(&dst[(ng-t)*G], &pad[0], t, f)
}

// neonPackGroups packs ng groups of codes of format f (src, one per byte)
// into data[start:]. The pack of short blocks may write up to neonSlack
// bytes past the last group (neonOverreach); it never does past the range:
// the last groups are packed into a padded buffer and copied.
func neonPackGroups(data []byte, start int, src []byte, ng int, f Format) {
	if ng == 0 {
		return
	}
	G, gb := f.Group, f.Group*f.Bits/8
	end := start + ng*gb
	switch {
	case f.Bits == 8:
		copy(data[start:end], src[:ng*G])
		return
	case G%32 == 0:
		p2, p1 := pack.PlaneOffsets(f.Bits, G)
		neonPack(&data[start], &src[0], ng, G, f.Bits, p2, p1, nil, nil)
		return
	}
	if !neonOverreach(f) {
		neonPackRange(&data[start], &src[0], ng, f)
		return
	}
	t := min(ng, (neonSlack+gb-1)/gb)
	if ng > t {
		neonPackRange(&data[start], &src[0], ng-t, f)
	}
	var pad [neonPad]byte
	neonPackRange(&pad[0], &src[(ng-t)*G], t, f)
	copy(data[end-t*gb:end], pad[:t*gb])
}

// neonOverreach reports whether the unpack and pack of format f (2 to 7
// bits) read or write past its groups: groups under 32 values (32-byte
// steps), and those with a short last block whose windows start at the
// tails (see neonTail).
func neonOverreach(f Format) bool {
	if f.Group < 32 {
		return true
	}
	_, over := neonTail(f.Bits, f.Group)
	return over
}

// neonUnpackRange unpacks ng groups of format f (2 to 7 bits) from src to
// dst with the asm of its group.
func neonUnpackRange(dst, src *byte, ng int, f Format) {
	G, bits := f.Group, f.Bits
	if G < 32 {
		u := neonStep(G)
		neonUnpackShort(dst, src, (ng+u-1)/u, u*G*bits/8, u*G, neonShort().small[bits][G/8-1])
		return
	}
	p2, p1 := pack.PlaneOffsets(bits, G)
	if tp, _ := neonTail(bits, G); tp != nil {
		neonUnpack(dst, src, ng, G, bits, p2, p1, &tp.windows[0], tp.prog)
		return
	}
	neonUnpack(dst, src, ng, G, bits, p2, p1, nil, nil)
}

// neonPackRange packs ng groups of format f (2 to 7 bits) from src to dst
// with the asm of its group.
func neonPackRange(dst, src *byte, ng int, f Format) {
	G, bits := f.Group, f.Bits
	if G < 32 {
		u := neonStep(G)
		neonPackShort(dst, src, (ng+u-1)/u, u*G, u*G*bits/8, neonShort().small[bits][G/8-1])
		return
	}
	p2, p1 := pack.PlaneOffsets(bits, G)
	if tp, _ := neonTail(bits, G); tp != nil {
		neonPack(dst, src, ng, G, bits, p2, p1, &tp.windows[0], tp.prog)
		return
	}
	neonPack(dst, src, ng, G, bits, p2, p1, nil, nil)
}
