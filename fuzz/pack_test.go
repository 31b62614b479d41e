package fuzz

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/lowbit-ml/lowbit/pack"
)

// FuzzPack checks package pack against refPack and refUnpack, written from
// the layouts drawn in pack/doc.go: Pack, Unpack, UnpackBlock, UnpackRange,
// PackBlock, UnpackGroups and PackGroups on groups of 8 to 320 codes of every width, codes with bits
// above their width (which Pack ignores), and arbitrary packed bytes (every
// byte string of the right length is a group, so Unpack then Pack must give
// it back). Bad arguments must panic with a pack message.
//
// Input: a width byte (2 + b%7), a group byte (8*(1 + b%40) codes), a byte
// choosing the range that UnpackRange reads, then the codes and a packed
// group.
func FuzzPack(f *testing.F) { f.Fuzz(fuzzPack) }

func fuzzPack(t *testing.T, data []byte) {
	s := NewSource(data)
	bits, n := 2+int(s.Byte()%7), 8*(1+int(s.Byte()%40))
	rangeByte := s.Byte()
	name := fmt.Sprintf("%d codes of %d bits", n, bits)
	codes := make([]byte, n)
	for i := range codes {
		codes[i] = s.Byte()
	}
	masked := make([]byte, n)
	for i, q := range codes {
		masked[i] = q & byte(1<<bits-1)
	}
	size := n * bits / 8
	if got := pack.GroupBytes(bits, n); got != size {
		t.Fatalf("%s: GroupBytes = %d, want %d", name, got, size)
	}

	// Pack and Unpack against the reference and each other.
	packed := make([]byte, size)
	pack.Pack(packed, guarded(t, codes, false), bits)
	if want := refPack(masked, bits); !bytes.Equal(packed, want) {
		t.Fatalf("%s: Pack gives % x, want % x (codes %v)", name, packed, want, masked)
	}
	back := make([]byte, n)
	pack.Unpack(back, guarded(t, packed, true), bits)
	if !bytes.Equal(back, masked) {
		t.Fatalf("%s: Unpack(Pack(codes)) = %v, want %v", name, back, masked)
	}

	// Any bytes are a packed group: Unpack reads the reference's codes,
	// and Pack gives the bytes back.
	group := make([]byte, size)
	for i := range group {
		group[i] = s.Byte()
	}
	ref := refUnpack(group, bits, n)
	g := guarded(t, group, rangeByte&1 != 0)
	pack.Unpack(back, g, bits)
	if !bytes.Equal(back, ref) {
		t.Fatalf("%s: Unpack(% x) = %v, want %v", name, group, back, ref)
	}
	repacked := make([]byte, size)
	pack.Pack(repacked, back, bits)
	if !bytes.Equal(repacked, group) {
		t.Fatalf("%s: Pack(Unpack(% x)) = % x", name, group, repacked)
	}

	// Every block alone, and one range of blocks.
	for start := 0; start < n; start += 32 {
		var blk [32]byte
		for i := range blk {
			blk[i] = 0xee
		}
		m := pack.UnpackBlock(&blk, g, bits, n, start)
		if want := min(32, n-start); m != want || !bytes.Equal(blk[:m], ref[start:start+m]) {
			t.Fatalf("%s: UnpackBlock at %d = %d codes %v, want %d codes %v", name, start, m, blk[:m], want, ref[start:start+want])
		}
	}
	blocks := (n + 31) / 32
	first := int(rangeByte>>1) % blocks
	end := min(n, (first+1+int(rangeByte>>4)%blocks)*32)
	buf := make([]byte, end-32*first+2)
	buf[0], buf[len(buf)-1] = 0xa5, 0x5a
	dst := buf[1 : len(buf)-1 : len(buf)-1]
	pack.UnpackRange(dst, g, bits, n, 32*first)
	if !bytes.Equal(dst, ref[32*first:end]) || buf[0] != 0xa5 || buf[len(buf)-1] != 0x5a {
		t.Fatalf("%s: UnpackRange of [%d, %d) = %v (guards %#x %#x), want %v", name, 32*first, end, dst, buf[0], buf[len(buf)-1], ref[32*first:end])
	}

	// PackBlock writes one block's bytes and no others.
	start := 32 * first
	var blk [32]byte
	copy(blk[:], codes[start:])
	out := append([]byte(nil), group...)
	pack.PackBlock(out, &blk, bits, n, start)
	want := append([]byte(nil), ref...)
	copy(want[start:], masked[start:min(n, start+32)])
	if exp := refPack(want, bits); !bytes.Equal(out, exp) {
		t.Fatalf("%s: PackBlock at %d gives % x, want % x", name, start, out, exp)
	}

	// Two groups one after the other, through UnpackGroups and PackGroups.
	two := append(append([]byte(nil), packed...), group...)
	got2 := make([]byte, 2*n)
	pack.UnpackGroups(got2, guarded(t, two, true), bits, n)
	if want := append(append([]byte(nil), masked...), ref...); !bytes.Equal(got2, want) {
		t.Fatalf("%s: UnpackGroups(% x) = %v, want %v", name, two, got2, want)
	}
	packed2 := make([]byte, 2*size)
	pack.PackGroups(packed2, guarded(t, append(append([]byte(nil), codes...), back...), false), bits, n)
	if !bytes.Equal(packed2, two) {
		t.Fatalf("%s: PackGroups gives % x, want % x", name, packed2, two)
	}

	checkPackPanics(t, name, bits, n, s.Byte())
}

// checkPackPanics makes one bad Pack or Unpack call: each must panic with
// a message from package pack, and leave its destination alone.
func checkPackPanics(t *testing.T, name string, bits, n int, kind byte) {
	size := n * bits / 8
	var call func(dst []byte)
	var dstLen int
	switch kind % 6 {
	case 0:
		dstLen, call = size+1, func(dst []byte) { pack.Pack(dst, make([]byte, n), bits) }
	case 1:
		dstLen, call = size-1, func(dst []byte) { pack.Pack(dst, make([]byte, n), bits) }
	case 2:
		dstLen, call = n, func(dst []byte) { pack.Unpack(dst, make([]byte, size+1), bits) }
	case 3:
		dstLen, call = n-4, func(dst []byte) { pack.Unpack(dst, make([]byte, size), bits) }
	case 4:
		dstLen, call = size, func(dst []byte) { pack.Pack(dst, make([]byte, n), 1+int(kind)%2*8) } // width 1 or 9
	default:
		dstLen, call = 0, func(dst []byte) { pack.Unpack(dst, nil, bits) }
	}
	dst := bytes.Repeat([]byte{0xc3}, dstLen)
	p := catch(func() { call(dst) })
	if msg, ok := p.(string); !ok || !strings.HasPrefix(msg, "pack: ") {
		t.Fatalf("%s: bad call %d panicked with %T %v, want a pack message", name, kind%6, p, p)
	}
	if !bytes.Equal(dst, bytes.Repeat([]byte{0xc3}, dstLen)) {
		t.Fatalf("%s: bad call %d changed its destination", name, kind%6)
	}
}
