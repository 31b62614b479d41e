package lowbit

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// Benchmarks run every implementation side by side; b.SetBytes counts
// values, so "MB/s" reads as millions of values per second (divide by 1000
// for values/ns).

func benchFormats() []Format {
	return []Format{Quant(2, 64), Quant(3, 64), Quant(4, 64), Quant(5, 64), Quant(6, 64), Quant(8, 64), SymQuant(4, 64), F16, F32}
}

const benchRows, benchCols = 1024, 128 // 128K values: L2-sized for every format

func BenchmarkDot(b *testing.B) {
	for _, nq := range []int{1, 4} {
		for _, f := range benchFormats() {
			for _, im := range Implementations() {
				b.Run(fmt.Sprintf("%s/q%d/%s", f, nq, im.Name()), func(b *testing.B) {
					rng := rand.New(rand.NewPCG(1, 1))
					r, _ := quantizedRows(b, rng, f, benchRows, benchCols)
					x := randomValues(rng, nq*benchCols)
					out := make([]float32, nq*benchRows)
					b.SetBytes(benchRows * benchCols)
					for b.Loop() {
						im.Dot(out, r, x)
					}
				})
			}
		}
	}
}

func BenchmarkDotQ8(b *testing.B) {
	for _, f := range benchFormats() {
		for _, im := range Implementations() {
			b.Run(fmt.Sprintf("%s/%s", f, im.Name()), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 1))
				r, _ := quantizedRows(b, rng, f, benchRows, benchCols)
				q, _ := NewQ8(f, 1, benchCols)
				_ = im.QuantizeQ8(q, randomValues(rng, benchCols))
				out := make([]float32, benchRows)
				b.SetBytes(benchRows * benchCols)
				for b.Loop() {
					im.DotQ8(out, r, q)
				}
			})
		}
	}
}

func BenchmarkAddWeighted(b *testing.B) {
	for _, f := range benchFormats() {
		for _, im := range Implementations() {
			b.Run(fmt.Sprintf("%s/%s", f, im.Name()), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 1))
				r, _ := quantizedRows(b, rng, f, benchRows, benchCols)
				w := randomValues(rng, benchRows)
				y := make([]float32, benchCols)
				b.SetBytes(benchRows * benchCols)
				for b.Loop() {
					im.AddWeighted(y, r, w)
				}
			})
		}
	}
}

// BenchmarkAddWeightedGroup times AddWeighted with two, three and four
// weight rows (the query heads of a GQA group) on rows of 64, 128 and 256
// values, 64 and 1024 rows, on the accelerated implementation; MB/s
// counts values times weight rows (divide by 1000 for values/ns).
func BenchmarkAddWeightedGroup(b *testing.B) {
	im := Implementations()[len(Implementations())-1]
	for _, f := range []Format{Quant(2, 64), Quant(4, 64), SymQuant(4, 64), Quant(8, 64), F16, Quant(2, 32), Quant(4, 32), Quant(8, 32)} {
		for _, cols := range []int{64, 128, 256} {
			for _, n := range []int{64, 1024} {
				for _, nw := range []int{2, 3, 4} {
					b.Run(fmt.Sprintf("%s/%dx%d/w%d", f, n, cols, nw), func(b *testing.B) {
						rng := rand.New(rand.NewPCG(1, 1))
						r, _ := quantizedRows(b, rng, f, n, cols)
						w := randomValues(rng, nw*n)
						y := make([]float32, nw*cols)
						b.SetBytes(int64(nw * n * cols))
						for b.Loop() {
							im.AddWeighted(y, r, w)
						}
					})
				}
			}
		}
	}
}

// BenchmarkAddWeightedQ8 times AddWeightedQ8 beside AddWeighted on the
// shapes of a decode step's retained tier (2- and 4-bit rows of 64, 128
// and 256, 1024 rows a page, one to four weight rows), on the active
// implementation; bytes/s count values times weight rows.
func BenchmarkAddWeightedQ8(b *testing.B) {
	im := Active()
	for _, f := range []Format{Quant(2, 64), SymQuant(2, 64), Quant(2, 32), Quant(2, 128), Quant(4, 64), SymQuant(4, 64)} {
		for _, cols := range []int{64, 128, 256} {
			if cols%f.Group != 0 || cols/f.Group > 4 || cols != 128 && f.Group != 64 {
				continue
			}
			for _, nw := range []int{1, 2, 4} {
				for _, q8 := range []bool{false, true} {
					name := "AddWeighted"
					if q8 {
						name = "AddWeightedQ8"
					}
					b.Run(fmt.Sprintf("%s/1024x%d/w%d/%s", f, cols, nw, name), func(b *testing.B) {
						rng := rand.New(rand.NewPCG(1, 1))
						r, _ := quantizedRows(b, rng, f, 1024, cols)
						w := randomValues(rng, nw*1024)
						y := make([]float32, nw*cols)
						b.SetBytes(int64(nw * 1024 * cols))
						for b.Loop() {
							if q8 {
								im.AddWeightedQ8(y, r, w)
							} else {
								im.AddWeighted(y, r, w)
							}
						}
					})
				}
			}
		}
	}
}

func BenchmarkQuantize(b *testing.B) {
	for _, f := range benchFormats() {
		for _, im := range Implementations() {
			b.Run(fmt.Sprintf("%s/%s", f, im.Name()), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 1))
				r, x := quantizedRows(b, rng, f, benchRows, benchCols)
				b.SetBytes(benchRows * benchCols)
				for b.Loop() {
					_ = im.Quantize(r, x)
				}
			})
		}
	}
}

func BenchmarkDequantize(b *testing.B) {
	for _, f := range benchFormats() {
		for _, im := range Implementations() {
			b.Run(fmt.Sprintf("%s/%s", f, im.Name()), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 1))
				r, x := quantizedRows(b, rng, f, benchRows, benchCols)
				b.SetBytes(benchRows * benchCols)
				for b.Loop() {
					im.Dequantize(x, r)
				}
			})
		}
	}
}

func BenchmarkSoftmax(b *testing.B) {
	for _, im := range Implementations() {
		b.Run(im.Name(), func(b *testing.B) {
			x := randomValues(rand.New(rand.NewPCG(1, 1)), 4096)
			b.SetBytes(4096)
			for b.Loop() {
				im.Softmax(x)
			}
		})
	}
}

// Attention shapes: keys of head dimension 128 in q4g64 (the paper's
// group of half a head), 4K rows (L2-resident) and 1M rows (64 MiB of
// codes: streamed from DRAM), scored against 1 and 4 query rows (GQA).
// The 1M-row keys are built once and shared by every implementation.

var attnKeys = map[int]Rows{}

func attentionKeys(b *testing.B, n int) Rows {
	if r, ok := attnKeys[n]; ok {
		return r
	}
	rng := rand.New(rand.NewPCG(2, 2))
	block, _ := quantizedRows(b, rng, Quant(4, 64), 4096, 128)
	r, err := NewRows(Quant(4, 64), n, 128)
	if err != nil {
		b.Fatal(err)
	}
	rb := len(block.Data) / 4096
	for i := 0; i < n; i += 4096 {
		copy(r.Data[i*rb:], block.Data)
		copy(r.Scales[i*2:], block.Scales)
		copy(r.Mins[i*2:], block.Mins)
	}
	attnKeys[n] = r
	return r
}

func BenchmarkDotAttention(b *testing.B) {
	for _, n := range []int{4096, 1 << 20} {
		for _, nq := range []int{1, 4} {
			for _, im := range Implementations() {
				b.Run(fmt.Sprintf("q4g64/%dx128/q%d/%s", n, nq, im.Name()), func(b *testing.B) {
					r := attentionKeys(b, n)
					x := randomValues(rand.New(rand.NewPCG(3, 3)), nq*128)
					out := make([]float32, nq*n)
					b.SetBytes(int64(n) * 128)
					for b.Loop() {
						im.Dot(out, r, x)
					}
				})
			}
		}
	}
}

// BenchmarkAddWeightedAttention is the value side of attention: 4K rows of
// 128 values weighted by one row of probabilities.
func BenchmarkAddWeightedAttention(b *testing.B) {
	for _, f := range []Format{Quant(4, 64), Quant(2, 64), F16} {
		for _, im := range Implementations() {
			b.Run(fmt.Sprintf("%s/4096x128/%s", f, im.Name()), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 1))
				r, _ := quantizedRows(b, rng, f, 4096, 128)
				w := randomValues(rng, 4096)
				y := make([]float32, 128)
				b.SetBytes(4096 * 128)
				for b.Loop() {
					im.AddWeighted(y, r, w)
				}
			})
		}
	}
}

// BenchmarkSmallCall times calls over 32 rows of 128 values (4K values,
// in L1): the per-call fixed cost that a decode step of short pages or
// many KV heads pays, and the size at which issue #15 compares DotQ8 with
// ggml's vec_dot (q4_0·q8_0, 4K values per call).
func BenchmarkSmallCall(b *testing.B) {
	const n, cols = 32, 128
	for _, f := range []Format{Quant(4, 64), SymQuant(4, 64), Quant(2, 64), Quant(4, 32)} {
		for _, im := range Implementations() {
			rng := rand.New(rand.NewPCG(5, 5))
			r, _ := quantizedRows(b, rng, f, n, cols)
			x := randomValues(rng, cols)
			q, _ := NewQ8(f, 1, cols)
			_ = im.QuantizeQ8(q, x)
			w := randomValues(rng, n)
			out, y := make([]float32, n), make([]float32, cols)
			for _, k := range []struct {
				name string
				run  func()
			}{
				{"Dot", func() { im.Dot(out, r, x) }},
				{"DotQ8", func() { im.DotQ8(out, r, q) }},
				{"AddWeighted", func() { im.AddWeighted(y, r, w) }},
			} {
				b.Run(fmt.Sprintf("%s/%s/%s", k.name, f, im.Name()), func(b *testing.B) {
					b.SetBytes(n * cols)
					for b.Loop() {
						k.run()
					}
				})
			}
		}
	}
}
