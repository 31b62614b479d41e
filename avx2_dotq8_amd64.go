//go:build !purego

package lowbit

import "unsafe"

// dotQ8Args are the arguments of the quantized DotQ8 kernels (see
// avx2_dotq8_amd64.s).
type dotQ8Args struct {
	qwalk
	xv        unsafe.Pointer // Q8 values of query 0 at the chunk's first column
	xd        unsafe.Pointer // Q8 block scales of query 0 at the chunk's first block
	gsum      unsafe.Pointer // row kernels: *[avx2ChunkGroups][4]float32, shift factor × Σ Sums per group and query
	out       unsafe.Pointer // out of query 0, first row of the chunk (the kernels add)
	vStride   uintptr        // bytes between query rows of values
	dStride   uintptr        // bytes between query rows of block scales
	outStride uintptr        // bytes between query rows of out
	group     int            // values per group (bytes of Q8 values)
	batches   int            // unit kernel: batches of 8 units
	// the kernels' scratch
	outp, scp, shp, gsp uintptr
	gleft, rleft        int
	uo                  unitOut
}

// The DotQ8 kernels: dotQ8U<bits> the unit kernels of one query,
// dotQ8R<bits>x<nq> the row kernels of nq queries.
//
//go:noescape
func dotQ8U2(a *dotQ8Args)

//go:noescape
func dotQ8U3(a *dotQ8Args)

//go:noescape
func dotQ8U4(a *dotQ8Args)

//go:noescape
func dotQ8U5(a *dotQ8Args)

//go:noescape
func dotQ8U6(a *dotQ8Args)

//go:noescape
func dotQ8U7(a *dotQ8Args)

//go:noescape
func dotQ8U8(a *dotQ8Args)

//go:noescape
func dotQ8U2p(a *dotQ8Args)

//go:noescape
func dotQ8U3p(a *dotQ8Args)

//go:noescape
func dotQ8U4p(a *dotQ8Args)

//go:noescape
func dotQ8U5p(a *dotQ8Args)

//go:noescape
func dotQ8U6p(a *dotQ8Args)

//go:noescape
func dotQ8U7p(a *dotQ8Args)

//go:noescape
func dotQ8U8p(a *dotQ8Args)

//go:noescape
func dotQ8R2x1(a *dotQ8Args)

//go:noescape
func dotQ8R3x1(a *dotQ8Args)

//go:noescape
func dotQ8R4x1(a *dotQ8Args)

//go:noescape
func dotQ8R5x1(a *dotQ8Args)

//go:noescape
func dotQ8R6x1(a *dotQ8Args)

//go:noescape
func dotQ8R7x1(a *dotQ8Args)

//go:noescape
func dotQ8R8x1(a *dotQ8Args)

//go:noescape
func dotQ8R2x2(a *dotQ8Args)

//go:noescape
func dotQ8R3x2(a *dotQ8Args)

//go:noescape
func dotQ8R4x2(a *dotQ8Args)

//go:noescape
func dotQ8R5x2(a *dotQ8Args)

//go:noescape
func dotQ8R6x2(a *dotQ8Args)

//go:noescape
func dotQ8R7x2(a *dotQ8Args)

//go:noescape
func dotQ8R8x2(a *dotQ8Args)

//go:noescape
func dotQ8R2x3(a *dotQ8Args)

//go:noescape
func dotQ8R3x3(a *dotQ8Args)

//go:noescape
func dotQ8R4x3(a *dotQ8Args)

//go:noescape
func dotQ8R5x3(a *dotQ8Args)

//go:noescape
func dotQ8R6x3(a *dotQ8Args)

//go:noescape
func dotQ8R7x3(a *dotQ8Args)

//go:noescape
func dotQ8R8x3(a *dotQ8Args)

//go:noescape
func dotQ8R2x4(a *dotQ8Args)

//go:noescape
func dotQ8R3x4(a *dotQ8Args)

//go:noescape
func dotQ8R4x4(a *dotQ8Args)

//go:noescape
func dotQ8R5x4(a *dotQ8Args)

//go:noescape
func dotQ8R6x4(a *dotQ8Args)

//go:noescape
func dotQ8R7x4(a *dotQ8Args)

//go:noescape
func dotQ8R8x4(a *dotQ8Args)

// dotQ8Unit calls the unit kernel of the code width (direct calls keep the arguments on the stack).
func dotQ8Unit(bits int, pairs bool, a *dotQ8Args) {
	switch {
	case bits == 2 && !pairs:
		dotQ8U2(a)
	case bits == 3 && !pairs:
		dotQ8U3(a)
	case bits == 4 && !pairs:
		dotQ8U4(a)
	case bits == 5 && !pairs:
		dotQ8U5(a)
	case bits == 6 && !pairs:
		dotQ8U6(a)
	case bits == 7 && !pairs:
		dotQ8U7(a)
	case bits == 8 && !pairs:
		dotQ8U8(a)
	case bits == 2 && pairs:
		dotQ8U2p(a)
	case bits == 3 && pairs:
		dotQ8U3p(a)
	case bits == 4 && pairs:
		dotQ8U4p(a)
	case bits == 5 && pairs:
		dotQ8U5p(a)
	case bits == 6 && pairs:
		dotQ8U6p(a)
	case bits == 7 && pairs:
		dotQ8U7p(a)
	case bits == 8 && pairs:
		dotQ8U8p(a)
	}
}

// dotQ8Rows calls the row kernel of the code width and number of queries.
func dotQ8Rows(bits, nq int, a *dotQ8Args) {
	switch nq {
	case 1:
		switch bits {
		case 2:
			dotQ8R2x1(a)
		case 3:
			dotQ8R3x1(a)
		case 4:
			dotQ8R4x1(a)
		case 5:
			dotQ8R5x1(a)
		case 6:
			dotQ8R6x1(a)
		case 7:
			dotQ8R7x1(a)
		case 8:
			dotQ8R8x1(a)
		}
	case 2:
		switch bits {
		case 2:
			dotQ8R2x2(a)
		case 3:
			dotQ8R3x2(a)
		case 4:
			dotQ8R4x2(a)
		case 5:
			dotQ8R5x2(a)
		case 6:
			dotQ8R6x2(a)
		case 7:
			dotQ8R7x2(a)
		case 8:
			dotQ8R8x2(a)
		}
	case 3:
		switch bits {
		case 2:
			dotQ8R2x3(a)
		case 3:
			dotQ8R3x3(a)
		case 4:
			dotQ8R4x3(a)
		case 5:
			dotQ8R5x3(a)
		case 6:
			dotQ8R6x3(a)
		case 7:
			dotQ8R7x3(a)
		case 8:
			dotQ8R8x3(a)
		}
	case 4:
		switch bits {
		case 2:
			dotQ8R2x4(a)
		case 3:
			dotQ8R3x4(a)
		case 4:
			dotQ8R4x4(a)
		case 5:
			dotQ8R5x4(a)
		case 6:
			dotQ8R6x4(a)
		case 7:
			dotQ8R7x4(a)
		case 8:
			dotQ8R8x4(a)
		}
	}
}

// dotQ8AVX2 is DotQ8. Code rows whose group is not a multiple of 32 run
// the generic kernel.
func dotQ8AVX2(out []float32, r Rows, q *Q8) {
	switch {
	case !r.Format.Quantized():
		dotQ8FloatAVX2(out, r, q)
	case avx2Blocks(r.Format):
		dotQ8QuantAVX2(out, r, q)
	default:
		dotQ8Generic(out, r, q)
	}
}

// dotQ8QuantAVX2 runs the queries four at a time; a lone query runs the
// unit kernel where the row shape allows it.
func dotQ8QuantAVX2(out []float32, r Rows, q *Q8) {
	n, nq := r.Len(), q.Len()
	clear(out)
	if n == 0 {
		return
	}
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		done := 0
		if qn == 1 {
			done = dotQ8UnitsAVX2(out[j0*n:(j0+1)*n], r, q, j0)
		}
		if done < n {
			dotQ8RowsAVX2(out[j0*n+done:], n, r.Slice(done, n), q, j0, qn)
		}
	}
}

// q8GroupSum returns Σ Sums over the blocks of group g of query row j.
func q8GroupSum(q *Q8, j, g int) float32 {
	bpg := q.Group / 32
	nb := q.Cols / 32
	var s float32
	for _, v := range q.Sums[j*nb+g*bpg:][:bpg] {
		s += v
	}
	return s
}

// dotQ8UnitsAVX2 adds to out (query row j) the DotQ8 products of the first
// rows of r that make whole batches of 8 units, and returns how many rows
// it did.
func dotQ8UnitsAVX2(out []float32, r Rows, q *Q8, j int) int {
	f, n := r.Format, r.Len()
	groups := f.Groups(r.Cols)
	levels, bpr, ok := unitShape(groups)
	if !ok {
		return 0
	}
	if levels >= 0 {
		n -= n % (8 >> levels)
	}
	if n == 0 {
		return 0
	}
	shifts, mult := shiftSource(r)
	var gsum [avx2UnitGroups]float32
	for g := 0; g < groups; g++ {
		gsum[g] = mult * q8GroupSum(q, j, g)
	}
	gstep := 32
	if levels >= 0 {
		for l := groups; l < 8; l++ {
			gsum[l] = gsum[l%groups]
		}
		gstep = 0
	}
	nb := q.Cols / 32
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		a := dotQ8Args{
			qwalk:   newQwalk(r, shifts, i0, i1, 0, groups),
			xv:      unsafe.Pointer(&q.Values[j*q.Cols]),
			xd:      unsafe.Pointer(&q.Scales[j*nb]),
			out:     unsafe.Pointer(&out[i0]),
			group:   f.Group,
			batches: (i1 - i0) * groups / 8,
			uo: unitOut{
				out:    uintptr(unsafe.Pointer(&out[i0])),
				levels: levels,
				bpr:    bpr,
				bleft:  bpr,
				gsum:   unsafe.Pointer(&gsum),
				gstep:  gstep,
			},
		}
		dotQ8Unit(f.Bits, f.Group%64 == 0, &a)
	}
	return n
}

// dotQ8RowsAVX2 adds to out[j*stride+i] the DotQ8 products of every row i
// of r with the qn query rows of q from j0 on, over chunks of groups and
// rows.
func dotQ8RowsAVX2(out []float32, stride int, r Rows, q *Q8, j0, qn int) {
	f, cols := r.Format, r.Cols
	n, groups := r.Len(), f.Groups(cols)
	shifts, mult := shiftSource(r)
	nb, bpg := cols/32, f.Group/32
	var gsum [avx2ChunkGroups][4]float32
	for g0 := 0; g0 < groups; g0 += avx2ChunkGroups {
		g1 := min(groups, g0+avx2ChunkGroups)
		for g := g0; g < g1; g++ {
			for j := range gsum[g-g0] {
				var s float32
				if j < qn {
					s = mult * q8GroupSum(q, j0+j, g)
				}
				gsum[g-g0][j] = s
			}
		}
		for i0 := 0; i0 < n; i0 += avx2ChunkRows {
			i1 := min(n, i0+avx2ChunkRows)
			a := dotQ8Args{
				qwalk:     newQwalk(r, shifts, i0, i1, g0, g1),
				xv:        unsafe.Pointer(&q.Values[j0*cols+g0*f.Group]),
				xd:        unsafe.Pointer(&q.Scales[j0*nb+g0*bpg]),
				gsum:      unsafe.Pointer(&gsum),
				out:       unsafe.Pointer(&out[i0]),
				vStride:   uintptr(cols),
				dStride:   uintptr(4 * nb),
				outStride: uintptr(4 * stride),
				group:     f.Group,
			}
			dotQ8Rows(f.Bits, qn, &a)
		}
	}
}

// qq8Args are the arguments of quantizeQ8Blocks: rows of full blocks of 32
// values and a tail block of tail values.
type qq8Args struct {
	x       unsafe.Pointer // float32
	values  unsafe.Pointer // int8
	scales  unsafe.Pointer // float32, one per block
	sums    unsafe.Pointer // float32, one per block
	rows    int
	full    int       // blocks of 32 per row
	tail    int       // values in the row's last, short block (0 if none)
	mask    [32]int32 // -1 for the tail's values, 0 beyond
	scratch [32]byte  // the kernel's
}

// quantizeQ8Blocks is QuantizeQ8 on rows cut into blocks of 32 and a tail.
//
//go:noescape
func quantizeQ8Blocks(a *qq8Args)

// quantizeQ8AVX2 is QuantizeQ8: bit-exact with the generic kernel. Q8s
// lined up with code groups that are not a multiple of 32 run the generic
// kernel.
func quantizeQ8AVX2(q *Q8, x []float32) {
	if q.Group%32 != 0 && q.Group != q.Cols {
		quantizeQ8Generic(q, x)
		return
	}
	a := qq8Args{
		x:      unsafe.Pointer(&x[0]),
		values: unsafe.Pointer(&q.Values[0]),
		scales: unsafe.Pointer(&q.Scales[0]),
		sums:   unsafe.Pointer(&q.Sums[0]),
		rows:   q.Len(),
		full:   q.Cols / 32,
		tail:   q.Cols % 32,
	}
	for k := range a.tail {
		a.mask[k] = -1
	}
	quantizeQ8Blocks(&a)
}
