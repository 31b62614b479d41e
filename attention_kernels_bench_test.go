package lowbit

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkAttentionKernels times the attention kernels of every assembly
// implementation alone, in the shape a block of 192 query rows (48 tokens
// × 4 heads, head dimension 128) runs them on a 4096-token prompt: scores
// and values one tile of 128 keys a call, the tiles in turn; the softmax
// on a whole tile (with a copy of its scores in the time); the importance
// sums of 8 tiles. GFLOP/s counts 2·rows·128·128 per call of scores,
// values and softmax, 2·rows·1024 per call of the importance sums, so
// that scores and values compare with BenchmarkAttention's fma-peak.
func BenchmarkAttentionKernels(b *testing.B) {
	const n, d, rows = 4096, 128, 192
	rng := rand.New(rand.NewPCG(7, 7))
	kt, vt := randomValues(rng, n*d), randomValues(rng, n*d)
	q := randomValues(rng, rows*d)
	tile := randomValues(rng, rows*attnTileStride)
	o := make([]float32, rows*d)
	beta := make([]float32, rows)
	for r := range beta {
		beta[r] = 1
	}
	flops := 2 * float64(rows) * attnTile * d
	for _, im := range Implementations() {
		if im == Generic() {
			continue
		}
		k := &im.k.attention
		b.Run(fmt.Sprintf("scores/%s", im.Name()), func(b *testing.B) {
			j := 0
			benchFlops(b, flops, func() {
				k.scores(tile, attnTileStride, q, d, rows, kt[j*attnTile*d:], attnTile/attnStrip)
				j = (j + 1) % (n / attnTile)
			})
		})
		b.Run(fmt.Sprintf("softmax/%s", im.Name()), func(b *testing.B) {
			ranges := make([]int32, 2*rows)
			for r := range rows {
				ranges[2*r+1] = attnTile
			}
			m, l, bt, mt := make([]float32, rows), make([]float32, rows), make([]float32, rows), make([]float32, rows)
			pc := aligned64(rows * (n + attnStrip))
			sc := randomValues(rng, rows*attnTileStride)
			benchFlops(b, flops, func() {
				copy(tile, sc)
				for r := range m {
					m[r] = -100
				}
				k.softmax(tile, attnTileStride, rows, attnTile, ranges, m, l, bt, mt, 0, pc, n+attnStrip)
			})
		})
		b.Run(fmt.Sprintf("colsums/%s", im.Name()), func(b *testing.B) {
			const width, tiles = 1024, 8
			pc := randomValues(rng, rows*(width+attnStrip))
			mt, alpha := make([]float32, tiles*rows), make([]float32, tiles*rows)
			m, invL := make([]float32, rows), make([]float32, rows)
			cs := make([]float32, width)
			benchFlops(b, 2*rows*width, func() {
				k.colSums(cs, pc, width+attnStrip, rows, width, tiles, mt, rows, m, invL, alpha)
			})
		})
		b.Run(fmt.Sprintf("values/%s", im.Name()), func(b *testing.B) {
			j := 0
			benchFlops(b, flops, func() {
				k.values(o, d, tile, attnTileStride, rows, vt[j*attnTile*attnStrip:], n*attnStrip, attnTile, beta)
				j = (j + 1) % (n / attnTile)
			})
		})
	}
}
