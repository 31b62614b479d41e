package mikv

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNormalizedVictim checks victim's scan under Normalized selection
// (normalizedVictim: exact products, a division only for a new best)
// against the plain one over rank's quotients, on scores made to tie and
// nearly tie across pages (quotients one float32 step apart, equal
// quotients from different counts), with zeros of both signs, subnormals,
// Inf and NaN.
func TestNormalizedVictim(t *testing.T) {
	rng := rand.New(rand.NewPCG(91, 92))
	cfg := DefaultConfig(1, 1, 1, 8)
	cfg.Selection, cfg.Ratio, cfg.PageSize = Normalized, 1, 16
	c, err := New(cfg)
	require.NoError(t, err)
	l := c.Layer(0)
	s := randomSeq(rng, 150, 1, 1, 8)
	out := make([]float32, 8)
	for i := range 150 {
		q, k, v := s.token(i)
		require.NoError(t, l.Decode(q, k, v, out))
	}
	h := l.heads[0]
	n := l.Len()
	special := []float32{0, float32(math.Copysign(0, -1)), 1e-45, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())}
	for trial := range 400 {
		sc := h.imp.score
		for i := range sc {
			sc[i] = float32(1+rng.IntN(1<<12)) / 64
		}
		recent := rng.IntN(20)
		// Near ties: token b's quotient equal to, or one float32 step
		// from, that of token a, the lowest-ranked one so far.
		for range 1 + rng.IntN(8) {
			a, b := rankedVictim(h, n, recent), rng.IntN(h.imp.n)
			pa, pb := slotPos(h, a), slotPos(h, b)
			want := float64(sc[a]) * float64(n-int(pb)) / float64(n-int(pa))
			v := float32(want)
			switch rng.IntN(3) {
			case 1:
				v = math.Nextafter32(v, float32(math.Inf(1)))
			case 2:
				v = math.Nextafter32(v, float32(math.Inf(-1)))
			}
			sc[b] = v
		}
		if trial%4 == 0 {
			sc[rng.IntN(h.imp.n)] = special[rng.IntN(len(special))]
		}
		require.Equal(t, rankedVictim(h, n, recent), h.victim(n, recent), "trial %d, recent %d", trial, recent)
	}
}

// rankedVictim is victim by rank's quotients, slot by slot.
func rankedVictim(h *head, n, recent int) int {
	lo, hi := int32(min(h.pol.Sinks, n)), int32(max(n-recent, 0))
	best, bestRank := -1, math.Inf(1)
	for s := range h.imp.n {
		if p := slotPos(h, s); p >= lo && p < hi {
			if r := rank(Normalized, h.imp.score[s], p, n); r < bestRank {
				best, bestRank = s, r
			}
		}
	}
	return best
}

// slotPos returns the position of the token in slot s of h's important
// tier.
func slotPos(h *head, s int) int32 {
	p, i := h.imp.slot(s)
	return p.pos[i]
}
