//go:build unix

package lowbit

import (
	"math/rand/v2"
	"testing"
)

// guardedAttention moves every buffer of a and s, the kernels' inputs and
// outputs, to end at a guard page (guardedCopy), so that a kernel reading
// or writing past a row, a tile or a buffer faults.
func guardedAttention(t *testing.T, a *AttentionKV, s *AttentionScratch) {
	a.kt = guardedCopy(t, a.kt)
	a.vt = guardedCopy(t, a.vt)
	for _, b := range []*[]float32{&s.q, &s.o, &s.tile, &s.p, &s.m, &s.l, &s.beta, &s.mt, &s.alpha, &s.cs} {
		*b = guardedCopy(t, *b)
	}
	s.rng = guardedCopy(t, s.rng)
}

// TestAttentionGuardPages runs every implementation's attention with each
// buffer ending at an unreadable page, on shapes whose rows, strips and
// tiles end unevenly, and requires the same outputs as without guards
// (which check compares with the float64 reference).
func TestAttentionGuardPages(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	for _, p := range []AttentionParams{
		{Len: 1, Dim: 1, Group: 1}, {Len: 17, Dim: 16, Group: 3}, {Len: 130, Dim: 32, Group: 4, Window: 20},
		{Len: 133, Dim: 20, Group: 2, SoftCap: 10, Sinks: []float32{1, 2}},
	} {
		c := newAttnCase(rng, p)
		forEachImpl(t, func(t *testing.T, im *Implementation) {
			a, err := NewAttentionKV(p)
			if err != nil {
				t.Fatal(err)
			}
			k, v := guardedCopy(t, c.k), guardedCopy(t, c.v)
			a.Set(k, v, guardedCopy(t, make([]float32, p.Dim)))
			s := a.NewScratch()
			guardedAttention(t, a, s)
			q := guardedCopy(t, c.q)
			out := guardedCopy(t, make([]float32, len(c.q)))
			cs := guardedCopy(t, make([]float32, p.Len))
			im.Attention(a, s, out, q, 0, p.Len, cs, guardedCopy(t, make([]float32, p.Dim)))
			want := c.check(t, im, []int{0, p.Len})
			for i := range out {
				if out[i] != want[i] {
					t.Fatalf("%s %s: out[%d] = %v with guard pages, %v without", im, attnName(p), i, out[i], want[i])
				}
			}
		})
	}
}
