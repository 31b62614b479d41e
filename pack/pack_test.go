package pack

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func seq(n int, f func(k int) int) []byte {
	out := make([]byte, n)
	for k := range out {
		out[k] = byte(f(k))
	}
	return out
}

// TestKnownAnswers pins every layout with bytes worked out by hand from the
// drawings in doc.go, so an accidental layout change fails here.
func TestKnownAnswers(t *testing.T) {
	cases := []struct {
		name  string
		bits  int
		codes []byte
		want  []byte
	}{
		{"8-bit block", 8, seq(32, func(k int) int { return 8*k + 1 }), seq(32, func(k int) int { return 8*k + 1 })},
		{"4-bit split halves", 4, seq(32, func(k int) int { return k & 15 }),
			[]byte{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff}},
		{"2-bit planes by eighths", 2, seq(32, func(k int) int { return k / 8 }),
			[]byte{0xe4, 0xe4, 0xe4, 0xe4, 0xe4, 0xe4, 0xe4, 0xe4}},
		{"2-bit planes", 2, seq(32, func(k int) int { return k & 3 }),
			[]byte{0x00, 0x55, 0xaa, 0xff, 0x00, 0x55, 0xaa, 0xff}},
		{"3 = 2+1", 3, seq(32, func(k int) int { return k & 7 }),
			[]byte{0x00, 0x55, 0xaa, 0xff, 0x00, 0x55, 0xaa, 0xff, 0xf0, 0xf0, 0xf0, 0xf0}},
		{"5 = 4+1", 5, seq(32, func(k int) int { return k }),
			[]byte{0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
				0x00, 0x00, 0xff, 0xff}},
		{"6 = 4+2", 6, seq(32, func(k int) int { return 2 * k }),
			[]byte{0x00, 0x22, 0x44, 0x66, 0x88, 0xaa, 0xcc, 0xee, 0x00, 0x22, 0x44, 0x66, 0x88, 0xaa, 0xcc, 0xee,
				0xe4, 0xe4, 0xe4, 0xe4, 0xe4, 0xe4, 0xe4, 0xe4}},
		{"7 = 4+2+1", 7, seq(32, func(k int) int { return 4*k + 3 }),
			[]byte{0x33, 0x77, 0xbb, 0xff, 0x33, 0x77, 0xbb, 0xff, 0x33, 0x77, 0xbb, 0xff, 0x33, 0x77, 0xbb, 0xff,
				0x88, 0x88, 0x88, 0x88, 0xdd, 0xdd, 0xdd, 0xdd,
				0x00, 0x00, 0xff, 0xff}},
		{"4-bit group of 8", 4, seq(8, func(k int) int { return k }), []byte{0x40, 0x51, 0x62, 0x73}},
		{"2-bit group of 8", 2, seq(8, func(k int) int { return k & 3 }), []byte{0x88, 0xdd}},
		{"3-bit group of 40: planes of two blocks", 3, seq(40, func(k int) int { return k & 7 }),
			[]byte{0x00, 0x55, 0xaa, 0xff, 0x00, 0x55, 0xaa, 0xff, 0x88, 0xdd, 0xf0, 0xf0, 0xf0, 0xf0, 0xf0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := make([]byte, GroupBytes(c.bits, len(c.codes)))
			Pack(got, c.codes, c.bits)
			assert.Equal(t, c.want, got)
			back := make([]byte, len(c.codes))
			Unpack(back, c.want, c.bits)
			assert.Equal(t, c.codes, back)
		})
	}
}

func TestRoundTripAllLengths(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for bits := MinBits; bits <= MaxBits; bits++ {
		for n := 8; n <= 264; n += 8 {
			codes := make([]byte, n)
			for i := range codes {
				codes[i] = byte(rng.IntN(1 << bits))
			}
			packed := make([]byte, GroupBytes(bits, n))
			require.Equal(t, n*bits, 8*len(packed))
			Pack(packed, codes, bits)
			back := make([]byte, n)
			Unpack(back, packed, bits)
			require.Equal(t, codes, back, "bits %d n %d", bits, n)
		}
	}
}

// TestBlocksTouchOnlyTheirBytes checks that PackBlock writes exactly the
// bytes of its block in each plane: every other byte of the group keeps its
// value.
func TestBlocksTouchOnlyTheirBytes(t *testing.T) {
	for bits := MinBits; bits <= MaxBits; bits++ {
		for _, n := range []int{8, 24, 32, 40, 64, 88} {
			group := make([]byte, GroupBytes(bits, n))
			var ones [BlockLen]byte
			for i := range ones {
				ones[i] = byte(1<<bits - 1)
			}
			for start := 0; start < n; start += BlockLen {
				clear(group)
				PackBlock(group, &ones, bits, n, start)
				set := 0
				for _, b := range group {
					set += popcount(b)
				}
				assert.Equal(t, min(BlockLen, n-start)*bits, set, "bits %d n %d start %d", bits, n, start)
				var back [BlockLen]byte
				m := UnpackBlock(&back, group, bits, n, start)
				assert.Equal(t, ones[:m], back[:m])
			}
		}
	}
}

func popcount(b byte) int {
	c := 0
	for ; b != 0; b &= b - 1 {
		c++
	}
	return c
}

func TestHighBitsIgnored(t *testing.T) {
	codes := seq(32, func(k int) int { return 0xf0 | k&3 })
	got := make([]byte, 8)
	Pack(got, codes, 2)
	assert.Equal(t, []byte{0x00, 0x55, 0xaa, 0xff, 0x00, 0x55, 0xaa, 0xff}, got)
}

func TestPlanes(t *testing.T) {
	for bits := MinBits; bits <= MaxBits; bits++ {
		sum := 0
		for _, w := range Planes(bits) {
			sum += w
		}
		assert.Equal(t, bits, sum)
	}
	assert.Nil(t, Planes(1))
	assert.Nil(t, Planes(9))
}

func TestMisusePanics(t *testing.T) {
	assert.PanicsWithValue(t, "pack: group of 12 values is not a positive multiple of 8", func() {
		Pack(make([]byte, 6), make([]byte, 12), 4)
	})
	assert.PanicsWithValue(t, "pack: code width 9 outside [2, 8]", func() {
		Pack(make([]byte, 9), make([]byte, 8), 9)
	})
	assert.PanicsWithValue(t, "pack: Pack of 32 4-bit codes needs 16 bytes, dst has 15", func() {
		Pack(make([]byte, 15), make([]byte, 32), 4)
	})
	assert.PanicsWithValue(t, "pack: Unpack of 32 3-bit codes needs 12 bytes, src has 13", func() {
		Unpack(make([]byte, 32), make([]byte, 13), 3)
	})
}

func BenchmarkUnpackBlock(b *testing.B) {
	for _, bits := range []int{2, 4, 5, 6, 8} {
		group := make([]byte, GroupBytes(bits, 64))
		b.Run(string(rune('0'+bits))+"bit", func(b *testing.B) {
			var dst [BlockLen]byte
			b.SetBytes(64)
			for b.Loop() {
				UnpackBlock(&dst, group, bits, 64, 0)
				UnpackBlock(&dst, group, bits, 64, 32)
			}
		})
	}
}

func BenchmarkUnpackRange(b *testing.B) {
	for _, bits := range []int{2, 3, 4, 5, 6, 7, 8} {
		group := make([]byte, GroupBytes(bits, 256))
		b.Run(string(rune('0'+bits))+"bit", func(b *testing.B) {
			var dst [256]byte
			b.SetBytes(256)
			for b.Loop() {
				UnpackRange(dst[:], group, bits, 256, 0)
			}
		})
	}
}

func TestGatherBits(t *testing.T) {
	for b := 0; b < 256; b++ {
		assert.Equal(t, byte(b), gatherBits(spreadBits[b]|0xfefefefefefefefe&0x0202020202020202*uint64(b&1)), "%#02x", b)
	}
}

func BenchmarkPackBlock(b *testing.B) {
	for _, bits := range []int{2, 4, 7} {
		group := make([]byte, GroupBytes(bits, 64))
		b.Run(string(rune('0'+bits))+"bit", func(b *testing.B) {
			var codes [BlockLen]byte
			b.SetBytes(64)
			for b.Loop() {
				PackBlock(group, &codes, bits, 64, 0)
				PackBlock(group, &codes, bits, 64, 32)
			}
		})
	}
}

// TestPlaneOffsets checks PlaneOffsets against Planes: the planes follow one
// another widest first, each n*w/8 bytes, and a plane that is packed where
// PlaneOffsets says holds its bits of every code.
func TestPlaneOffsets(t *testing.T) {
	for bits := MinBits; bits <= MaxBits; bits++ {
		for _, n := range []int{8, 32, 96, 256} {
			want := map[int]int{}
			off := 0
			for _, w := range Planes(bits) {
				want[w] = off
				off += n * w / 8
			}
			require.Equal(t, GroupBytes(bits, n), off)
			p2, p1 := PlaneOffsets(bits, n)
			assert.Equal(t, want[2], p2, "bits %d n %d: 2-bit plane", bits, n)
			assert.Equal(t, want[1], p1, "bits %d n %d: 1-bit plane", bits, n)
			if _, ok := want[1]; ok {
				// All codes with only the 1-bit plane's bit set: that plane is
				// all ones, every other byte 0.
				codes := make([]byte, n)
				for i := range codes {
					codes[i] = byte(1 << (bits - 1))
				}
				group := make([]byte, GroupBytes(bits, n))
				Pack(group, codes, bits)
				for i, b := range group {
					inPlane := i >= p1 && i < p1+n/8
					assert.Equal(t, inPlane, b == 0xff, "bits %d n %d byte %d = %#x", bits, n, i, b)
				}
			}
		}
	}
}

// TestPlaneColumn checks PlaneColumn against the layout itself: a group
// whose codes are their own values (mod the plane's range), packed, read
// back plane by plane at each position.
func TestPlaneColumn(t *testing.T) {
	for bits := MinBits; bits <= MaxBits; bits++ {
		for _, n := range []int{8, 16, 24, 32, 40, 56, 64, 96} {
			codes := make([]byte, n)
			packed := make([]byte, GroupBytes(bits, n))
			offset, shift := 0, 0
			for _, w := range Planes(bits) {
				// Mark value v in this plane with a pattern that tells
				// positions apart within each byte: for every value v,
				// set its plane bits to one and the others to zero, and
				// find the single position whose bits are set.
				for v := 0; v < n; v++ {
					clear(codes)
					codes[v] = byte((1<<w - 1) << shift)
					Pack(packed, codes, bits)
					plane := packed[offset : offset+n*w/8]
					found := -1
					for p := 0; p < n; p++ {
						if plane[p*w/8]>>(p*w%8)&(1<<w-1) != 0 {
							require.Equal(t, -1, found, "bits %d n %d value %d: two positions", bits, n, v)
							found = p
						}
					}
					require.Equal(t, v, PlaneColumn(w, n, found), "bits %d n %d plane %d: value %d at position %d", bits, n, w, v, found)
				}
				offset += n * w / 8
				shift += w
			}
		}
	}
	assert.Panics(t, func() { PlaneColumn(3, 8, 0) })
}

// TestGroupsMatchPack checks UnpackGroups and PackGroups against Pack and
// Unpack group by group, for every width and groups of 8 to 96 values (the
// shapes with loops of their own and the others), and their panics.
func TestGroupsMatchPack(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for bits := MinBits; bits <= MaxBits; bits++ {
		for _, n := range []int{8, 16, 24, 32, 40, 64, 96} {
			const groups = 5
			codes := make([]byte, groups*n)
			for i := range codes {
				codes[i] = byte(rng.IntN(256)) // high bits set: PackGroups ignores them
			}
			want := make([]byte, GroupBytes(bits, len(codes)))
			gb := GroupBytes(bits, n)
			for g := range groups {
				Pack(want[g*gb:(g+1)*gb], codes[g*n:(g+1)*n], bits)
			}
			got := make([]byte, len(want))
			PackGroups(got, codes, bits, n)
			require.Equal(t, want, got, "PackGroups bits %d n %d", bits, n)
			back := make([]byte, len(codes))
			UnpackGroups(back, got, bits, n)
			for i := range codes {
				require.Equal(t, codes[i]&byte(1<<bits-1), back[i], "UnpackGroups bits %d n %d code %d", bits, n, i)
			}
		}
	}
	assert.PanicsWithValue(t, "pack: UnpackGroups of 12 4-bit codes in groups of 8 with 6 packed bytes (want a multiple of 8 codes and 6 bytes)",
		func() { UnpackGroups(make([]byte, 12), make([]byte, 6), 4, 8) })
	assert.Panics(t, func() { PackGroups(make([]byte, 3), make([]byte, 8), 4, 8) })
	assert.Panics(t, func() { PackGroups(make([]byte, 4), make([]byte, 8), 4, 12) })
}
