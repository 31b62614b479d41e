//go:build gc && !purego

package lowbit

// The neon kernels work in two stages over chunks that stay in L1: codes
// are unpacked from their bit planes to one byte each (neonUnpack, the only
// width-specific code), then a width-independent kernel consumes the bytes
// (neonDotCodes, neonDotQ8Codes, neonAddWeightedCodes, neonDequantizeCodes);
// Quantize runs the other way (neonQuantizeCodes, then neonPack). A chunk is
// at most neonChunk codes (or one group, when a group is longer): whole rows
// when a row fits, else one row's groups in pieces. Each packed block is unpacked once per call, whatever the
// number of query rows. A group that is not a multiple of 32 ends in a
// short block of 8, 16 or 24 values: its unpack and pack are TBL programs
// (neon_short_arm64.go), and the kernels take it an octet (8 codes) at a
// time. A group over neonChunk values is a chunk of its own, in a buffer
// allocated for the call.
//
// fp16 and float32 rows have their own kernels (FCVTL/FCVTN for fp16); their
// column tails (cols%4 values) run in Go. Other work left in Go: Σx per
// query row and group for Dot, Σ Sums per group for DotQ8, adding the
// summed w*shift of each group to y after AddWeighted (all O(queries*cols)
// per call, not per row), and the last len(x)%4 values of Softmax.
//
// Instructions per 32 values (loop control included; one query row; each
// asm function's comment has the details). NEON vectors hold 4 float32,
// AVX2's 8 and AVX-512's 16, so about twice the AVX2 count is the par. For
// 4-bit codes and one query row, unpack included: Dot neon 40 against AVX2
// 18; DotQ8 neondot 25 against AVX2 9 (the amd64 kernels' comments give
// theirs). The gap beyond the vector width is the two stages (a store and
// a load of the codes) and the byte-to-float widening, which NEON does
// with TBL+UCVTF per 4.
//
//	unpack (stage 1)      4-bit 6, 2-bit 8, 8-bit 4, 5/6-bit 15/13, 3-bit 17, 7-bit 22
//	Dot codes             34 (+13 per further query row; passes of 4)
//	DotQ8 codes           SDOT 19, UDOT 26 (8-bit), SMULL 23, widened MUL 32 (8-bit);
//	                      +12, 15, 16, 21 per further query row
//	AddWeighted codes     36 (+15 per further weight row; passes of 4)
//	Dequantize codes      40
//	Quantize codes        78 + pack (4-bit 6, 2-bit 10, 7-bit 23)
//	QuantizeQ8            92, plus about 25 per block
//	Dot f32 / f16         16 / 24 per query row
//	DotQ8 f32 / f16       37 / 45 per query row
//	AddWeighted f32 / f16 18 / 26 per weight row
//	Softmax               14 (max) + 216 (exp and sum) + 16 (scale)
//	Hadamard              n = 128: about 125 (neon_hadamard_arm64.s)

// neonChunk is the number of codes unpacked at a time (the scratch buffer
// on the stack of each call), unless a group is longer.
const neonChunk = 8192

// neonAux is the size of the per-query, per-group float buffers (Σx for
// Dot, Σ Sums for DotQ8, Σ w*shift for AddWeighted).
const neonAux = 1024

// neonQueries is the most query rows one pass of the code kernels serves:
// each has its accumulators in registers.
const neonQueries = 4

var (
	neonImpl    = &Implementation{name: "neon", k: neonKernels(false), accelerated: neonAccelerated}
	neonDotImpl = &Implementation{name: "neondot", k: neonKernels(true), accelerated: neonAccelerated}
)

func neonKernels(dotprod bool) kernels {
	k := kernels{
		dot:           dotNEON,
		dotQ8:         func(out []float32, r Rows, q *Q8) { dotQ8NEON(out, r, q, dotprod) },
		quantizeQ8:    quantizeQ8NEON,
		addWeighted:   addWeightedNEON,
		addWeightedQ8: addWeightedQ8Generic,
		quantize:      quantizeNEON,
		dequantize:    dequantizeNEON,
		softmax:       softmaxNEON,
		attention:     attnNEON,
		hadamard:      hadamardNEON,
	}
	return k
}

// neonAccelerated: every kernel on fp16, float32, and codes in every group
// (a multiple of 8), but AddWeightedQ8 on codes (not yet in NEON: the
// generic code runs); Softmax, QuantizeQ8, Attention and Hadamard always.
func neonAccelerated(k Kernel, f Format) bool {
	if k == KernelSoftmax || k == KernelQuantizeQ8 || k == KernelAttention || k == KernelHadamard || !f.Quantized() {
		return true
	}
	return k != KernelAddWeightedQ8 && neonCodes(f)
}

// neonCodes reports whether the code kernels serve format f.
func neonCodes(f Format) bool { return f.Quantized() && f.Group%8 == 0 }

// neonLane reports whether groups of G values run the per-lane kernels
// (several groups a block, the codes times their scale per lane) instead
// of a fold per group.
func neonLane(G int) bool { return G == 8 || G == 16 || G == 32 }

// codeChunks walks the codes of rows in chunks of at most size codes (at
// least a group) and at most gcMax groups per row: whole rows at a time
// when a row fits, else each row in pieces of groups. It calls start(g0,
// g1) when a new range of groups begins and chunk(i0, i1, g0, g1) for rows
// [i0, i1) over groups [g0, g1).
func codeChunks(f Format, n, cols, size, gcMax int, start func(g0, g1 int), chunk func(i0, i1, g0, g1 int)) {
	groups := f.Groups(cols)
	gc := min(groups, size/f.Group, gcMax)
	if gc == groups {
		start(0, groups)
		rc := max(1, size/cols)
		for i0 := 0; i0 < n; i0 += rc {
			chunk(i0, min(n, i0+rc), 0, groups)
		}
		return
	}
	for g0 := 0; g0 < groups; g0 += gc {
		g1 := min(groups, g0+gc)
		start(g0, g1)
		for i := 0; i < n; i++ {
			chunk(i, i+1, g0, g1)
		}
	}
}

// neonQueryChunks calls fn(j0, j1) for the query (weight) rows [0, nq) in
// chunks of at most neonAux/4, so that their per-group sums (Σx, Σ Sums,
// Σ w*shift) fit neonAux for at least 4 groups.
func neonQueryChunks(nq int, fn func(j0, j1 int)) {
	const qc = neonAux / 4
	for j0 := 0; j0 < nq; j0 += qc {
		fn(j0, min(nq, j0+qc))
	}
}

// neonGroupSums sets t[j*(g1-g0)+g-g0] = sum(j, g) for the query rows
// j < nq and the groups [g0, g1), and returns g1-g0.
func neonGroupSums(t []float32, nq, g0, g1 int, sum func(j, g int) float32) int {
	gc := g1 - g0
	for j := 0; j < nq; j++ {
		for g := g0; g < g1; g++ {
			t[j*gc+g-g0] = sum(j, g)
		}
	}
	return gc
}

// minsOf returns a pointer to min gi of r, or nil for symmetric formats.
func minsOf(r Rows, gi int) *uint16 {
	if !r.Format.HasMins() {
		return nil
	}
	return &r.Mins[gi]
}

// symOffset returns 2^(Bits-1) as a float32.
func symOffset(f Format) float32 { return float32(int(1) << (f.Bits - 1)) }
