//go:build gc && !purego

package lowbit

// Declarations of the AddWeighted kernels of avx512_addweighted_amd64.s.

//go:noescape
func avx512AddWeightedW2Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW2Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW2Q4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW3Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW3Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW3Q4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW4Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW4Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW4Q4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW5Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW5Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW5Q4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW6Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW6Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW6Q4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW7Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW7Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW7Q4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW8Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW8Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW8Q4(a *avx512DotArgs)

// avx512CallAddWeighted runs the AddWeighted kernel for the code width and
// pass weight rows.
func avx512CallAddWeighted(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 2<<4 | 1:
		avx512AddWeightedW2Q1(a)
	case 2<<4 | 2:
		avx512AddWeightedW2Q2(a)
	case 2<<4 | 4:
		avx512AddWeightedW2Q4(a)
	case 3<<4 | 1:
		avx512AddWeightedW3Q1(a)
	case 3<<4 | 2:
		avx512AddWeightedW3Q2(a)
	case 3<<4 | 4:
		avx512AddWeightedW3Q4(a)
	case 4<<4 | 1:
		avx512AddWeightedW4Q1(a)
	case 4<<4 | 2:
		avx512AddWeightedW4Q2(a)
	case 4<<4 | 4:
		avx512AddWeightedW4Q4(a)
	case 5<<4 | 1:
		avx512AddWeightedW5Q1(a)
	case 5<<4 | 2:
		avx512AddWeightedW5Q2(a)
	case 5<<4 | 4:
		avx512AddWeightedW5Q4(a)
	case 6<<4 | 1:
		avx512AddWeightedW6Q1(a)
	case 6<<4 | 2:
		avx512AddWeightedW6Q2(a)
	case 6<<4 | 4:
		avx512AddWeightedW6Q4(a)
	case 7<<4 | 1:
		avx512AddWeightedW7Q1(a)
	case 7<<4 | 2:
		avx512AddWeightedW7Q2(a)
	case 7<<4 | 4:
		avx512AddWeightedW7Q4(a)
	case 8<<4 | 1:
		avx512AddWeightedW8Q1(a)
	case 8<<4 | 2:
		avx512AddWeightedW8Q2(a)
	case 8<<4 | 4:
		avx512AddWeightedW8Q4(a)
	default:
		panic("lowbit: no avx512 AddWeighted kernel")
	}
}

// Kernels for fp16 and float32 rows.

//go:noescape
func avx512AddWeightedF16Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF16Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF16Q4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF32Q1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF32Q2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF32Q4(a *avx512DotArgs)

// avx512CallAddWeightedF runs the fp16 (bits 16) or float32 AddWeighted
// kernel for pass weight rows.
func avx512CallAddWeightedF(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 16<<4 | 1:
		avx512AddWeightedF16Q1(a)
	case 16<<4 | 2:
		avx512AddWeightedF16Q2(a)
	case 16<<4 | 4:
		avx512AddWeightedF16Q4(a)
	case 32<<4 | 1:
		avx512AddWeightedF32Q1(a)
	case 32<<4 | 2:
		avx512AddWeightedF32Q2(a)
	case 32<<4 | 4:
		avx512AddWeightedF32Q4(a)
	default:
		panic("lowbit: no avx512 float AddWeighted kernel")
	}
}

// Row kernels: rows of 128 values, one weight row.

//go:noescape
func avx512AddWeightedRowF16(a *avx512Q8Args)

//go:noescape
func avx512AddWeightedRowF32(a *avx512Q8Args)

//go:noescape
func avx512AddWeightedRowW4(a *avx512Q8Args)

//go:noescape
func avx512AddWeightedRowW2(a *avx512Q8Args)
