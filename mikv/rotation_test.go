package mikv

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The random rotation's matrix is orthogonal up to float32 rounding and
// the same bits on every platform: the checksum of the matrix for one seed
// is fixed here, so a platform (or compiler) that computes it differently
// fails (run it on arm64 under qemu too).
func TestRandomRotationIsOrthogonalAndFixed(t *testing.T) {
	const d = 128
	m := randomOrthogonal(d, 1)
	var worst float64
	for i := range d {
		for j := range d {
			var dot float64
			for c := range d {
				dot += float64(m[i*d+c]) * float64(m[j*d+c])
			}
			if i == j {
				dot--
			}
			worst = max(worst, math.Abs(dot))
		}
	}
	t.Logf("max |M·Mᵀ − I| = %.3g", worst)
	assert.Less(t, worst, 1e-6)
	b := make([]byte, 0, 4*d*d)
	for _, x := range m {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	assert.Equal(t, uint32(0xc74c2555), crc32.ChecksumIEEE(b), "checksum of randomOrthogonal(128, 1)")
	assert.NotEqual(t, m, randomOrthogonal(d, 2), "the seed draws the matrix")
	assert.Equal(t, m, randomOrthogonal(d, 1))
}

// The Hadamard block is the largest power of two dividing the head
// dimension, and both kinds keep dot products and invert exactly enough:
// rotating q and k leaves q·k unchanged up to float32 rounding, and
// inverse(forward(x)) is x.
func TestRotatorKeepsDotProducts(t *testing.T) {
	for dim, block := range map[int]int{64: 64, 128: 128, 80: 16, 96: 32, 256: 256, 8: 8} {
		assert.Equal(t, block, hadamardBlock(dim), "dim %d", dim)
	}
	rng := rand.New(rand.NewPCG(3, 3))
	for _, kind := range []RotationKind{HadamardRotation, RandomRotation} {
		for _, dim := range []int{16, 80, 96, 128} {
			ro := newRotator(kind, dim, 7)
			rows := 3
			q, k := normals(rng, rows*dim, 1), normals(rng, rows*dim, 1)
			q[5], k[7] = 40, -30 // outliers
			rq, rk := append([]float32(nil), q...), append([]float32(nil), k...)
			tmp := make([]float32, rows*dim)
			ro.forward(rq, tmp)
			ro.forward(rk, tmp)
			for r := range rows {
				var want, got float64
				for c := range dim {
					want += float64(q[r*dim+c]) * float64(k[r*dim+c])
					got += float64(rq[r*dim+c]) * float64(rk[r*dim+c])
				}
				assert.InDelta(t, want, got, 1e-4*(1+math.Abs(want)), "%s d%d row %d", kind, dim, r)
			}
			ro.inverse(rq, tmp)
			for i := range q {
				assert.InDelta(t, q[i], rq[i], 1e-4, "%s d%d: inverse", kind, dim)
			}
		}
	}
}

// A rotated cache computes attention: with an fp16 important tier and an
// 8-bit retained tier, every kind × Values × balancer stays as close to
// float64 attention as the unrotated cache (a relative error of a few
// 1e-3, 8-bit rounding), for head dimensions 64, 80 and 96 (Hadamard
// blocks of 64, 16 and 32), through Prefill, Decode and DecodeBatch, and
// demotions from the fp16 tier into the rotated one.
func TestRotatedCacheMatchesFloat64(t *testing.T) {
	for _, dim := range []int{64, 80, 96} {
		rng := rand.New(rand.NewPCG(5, uint64(dim)))
		s := randomSeq(rng, 90, 4, 2, dim)
		for _, kind := range []RotationKind{NoRotation, HadamardRotation, RandomRotation} {
			for _, values := range []bool{false, true} {
				for _, bal := range []bool{false, true} {
					cfg := DefaultConfig(1, 2, 4, dim)
					cfg.Retained = Tier{Key: lowbit.Quant(8, dim/2), Value: lowbit.Quant(8, dim/2)}
					cfg.PageSize, cfg.Balancer = 16, bal
					cfg.Rotation = Rotation{Kind: kind, Values: values, Seed: 3}
					t.Run(fmt.Sprintf("d%d/%s/balancer=%t", dim, cfg.Rotation, bal), func(t *testing.T) {
						l := newTestCache(t, cfg).Layer(0)
						outs := runCalls(t, l, s, 30, []int{1, 4})
						var worst float64
						for i, out := range outs {
							worst = max(worst, relErr(out, exactAttention(s, i)))
						}
						t.Logf("max relative error %.3g", worst)
						assert.Less(t, worst, 1.5e-2)
						assert.Positive(t, l.Stats().Retained)
						checkInvariants(t, l, s.len())
					})
				}
			}
		}
	}
}

// Quantized important keys and values (both tiers rotated) with Append
// and DecodeBatch: still close to float64 attention, and a rotated tier's
// stored keys really are rotated (they differ from the unrotated cache's).
func TestRotationBothTiersQuantized(t *testing.T) {
	const dim = 32
	rng := rand.New(rand.NewPCG(6, 6))
	s := randomSeq(rng, 70, 4, 2, dim)
	for _, kind := range []RotationKind{HadamardRotation, RandomRotation} {
		cfg := DefaultConfig(1, 2, 4, dim)
		cfg.Important = Tier{Key: lowbit.Quant(8, 16), Value: lowbit.SymQuant(8, 32)}
		cfg.Retained = Tier{Key: lowbit.Quant(8, 8), Value: lowbit.Quant(8, 16)}
		cfg.PageSize = 8
		cfg.Rotation = Rotation{Kind: kind, Values: true, Seed: 1}
		t.Run(kind.String(), func(t *testing.T) {
			c := newTestCache(t, cfg)
			l := c.Layer(0)
			q, k, v := s.prefix(20)
			require.NoError(t, l.Append(k, v, 20, &AppendInfo{Queries: q}))
			nq := 4 * dim
			for i := 20; i < s.len(); i += 5 {
				q, k, v := s.span(i, i+5)
				out := make([]float32, 5*nq)
				require.NoError(t, l.DecodeBatch(q, k, v, 5, out))
				for j := range 5 {
					assert.Less(t, relErr(out[j*nq:(j+1)*nq], exactAttention(s, i+j)), 2e-2, "token %d", i+j)
				}
			}
			checkInvariants(t, l, s.len())
			plain := cfg
			plain.Rotation = Rotation{}
			p := newTestCache(t, plain)
			q, k, v = s.prefix(20)
			require.NoError(t, p.Layer(0).Append(k, v, 20, &AppendInfo{Queries: q}))
			a, b := c.Layer(0).heads[0].imp.pages[0].k.Data, p.Layer(0).heads[0].imp.pages[0].k.Data
			assert.NotEqual(t, a, b, "rotated keys are stored rotated")
		})
	}
}

// Inputs a rotation could push beyond fp16 are refused with ErrInput
// naming the cause, and the refused call changes nothing; the same input
// is fine without rotation.
func TestRotationRejectsOutOfRange(t *testing.T) {
	const dim = 16
	big := float32(20000) // > 65504/√16 = 16376
	for _, rot := range []Rotation{{Kind: HadamardRotation}, {Kind: RandomRotation, Values: true}} {
		for _, side := range []string{"k", "v"} {
			if side == "v" && !rot.Values {
				continue
			}
			t.Run(rot.String()+"/"+side, func(t *testing.T) {
				cfg := DefaultConfig(1, 2, 4, dim)
				cfg.Balancer = false
				cfg.Rotation = rot
				c := newTestCache(t, cfg)
				s := fillCache(t, c, rand.New(rand.NewPCG(2, 2)), 10, 10)
				before, err := c.MarshalBinary()
				require.NoError(t, err)
				q, k, v := s.token(20)
				k, v = append([]float32(nil), k...), append([]float32(nil), v...)
				if side == "k" {
					k[3] = big
				} else {
					v[3] = -big
				}
				err = c.Layer(0).Decode(q, k, v, make([]float32, len(q)))
				require.ErrorIs(t, err, ErrInput)
				assert.Contains(t, err.Error(), "rotated tier")
				after, _ := c.MarshalBinary()
				assert.Equal(t, before, after)

				plain := cfg
				plain.Rotation = Rotation{}
				p := newTestCache(t, plain)
				fillCache(t, p, rand.New(rand.NewPCG(2, 2)), 10, 10)
				assert.NoError(t, p.Layer(0).Decode(q, k, v, make([]float32, len(q))))
			})
		}
	}
	// With the balancer, a key that fits fp16 but not once balanced and
	// rotated is refused too.
	cfg := DefaultConfig(1, 1, 1, dim)
	cfg.Rotation = Rotation{Kind: HadamardRotation}
	c := newTestCache(t, cfg)
	s := fillCache(t, c, rand.New(rand.NewPCG(3, 3)), 10, 10)
	q, k, v := s.token(20)
	k = append([]float32(nil), k...)
	k[0] = 16000 * 2 / max(c.Layer(0).heads[0].bal.b[0], 1)
	err := c.Layer(0).Decode(q, k, v, make([]float32, len(q)))
	require.ErrorIs(t, err, ErrInput)
	assert.Contains(t, err.Error(), "rotation")
}

// Config: unknown kinds, and random rotations of too large a head
// dimension, are refused; Config stays comparable; names parse back.
func TestRotationConfig(t *testing.T) {
	cfg := DefaultConfig(1, 1, 1, 64)
	cfg.Rotation.Kind = numRotationKinds
	assert.ErrorIs(t, cfg.Validate(), ErrConfig)
	cfg.Rotation.Kind = -1
	assert.ErrorIs(t, cfg.Validate(), ErrConfig)
	big := DefaultConfig(1, 1, 1, 2*MaxRandomRotationDim)
	big.Rotation.Kind = RandomRotation
	assert.ErrorIs(t, big.Validate(), ErrConfig)
	big.Rotation.Kind = HadamardRotation
	assert.NoError(t, big.Validate())

	a, b := DefaultConfig(1, 1, 1, 64), DefaultConfig(1, 1, 1, 64)
	a.Rotation, b.Rotation = Rotation{Kind: RandomRotation, Seed: 1}, Rotation{Kind: RandomRotation, Seed: 1}
	assert.True(t, a == b)
	b.Rotation.Seed = 2
	assert.False(t, a == b)
	assert.Contains(t, a.String(), "rotation=random(1)")
	for k := range numRotationKinds {
		got, err := ParseRotationKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	_, err := ParseRotationKind("givens")
	assert.ErrorIs(t, err, ErrConfig)
}
