package lowbit

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkDotShapes times Dot with one and four query rows on 4-bit
// codes over the row lengths and groups of the bench shape table (4096
// rows, L2-resident), every implementation side by side. "MB/s" reads as
// millions of code values per second.
func BenchmarkDotShapes(b *testing.B) {
	shapes := [][2]int{{64, 16}, {64, 32}, {64, 64}, {80, 16}, {80, 80}, {96, 16}, {96, 32}, {128, 64}}
	for _, nq := range []int{1, 4} {
		for _, s := range shapes {
			for _, f := range []Format{Quant(4, s[1]), SymQuant(4, s[1])} {
				for _, im := range Implementations() {
					b.Run(fmt.Sprintf("q%d/%dx%d/%s/%s", nq, s[0], s[1], f, im.Name()), func(b *testing.B) {
						const n = 4096
						rng := rand.New(rand.NewPCG(1, uint64(s[0]*1000+s[1])))
						r, _ := quantizedRows(b, rng, f, n, s[0])
						x := randomValues(rng, nq*s[0])
						out := make([]float32, nq*n)
						b.SetBytes(int64(n * s[0]))
						for b.Loop() {
							im.Dot(out, r, x)
						}
					})
				}
			}
		}
	}
}
