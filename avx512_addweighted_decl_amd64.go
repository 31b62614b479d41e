//go:build gc && !purego

package lowbit

// Declarations of the AddWeighted kernels of avx512_addweighted_amd64.s.

//go:noescape
func avx512AddWeightedW2X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW2X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW2X4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW3X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW3X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW3X4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW4X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW4X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW4X4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW5X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW5X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW5X4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW6X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW6X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW6X4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW7X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW7X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW7X4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW8X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW8X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedW8X4(a *avx512DotArgs)

// avx512CallAddWeighted runs the AddWeighted kernel for the code width and
// pass weight rows.
func avx512CallAddWeighted(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 2<<4 | 1:
		avx512AddWeightedW2X1(a)
	case 2<<4 | 2:
		avx512AddWeightedW2X2(a)
	case 2<<4 | 4:
		avx512AddWeightedW2X4(a)
	case 3<<4 | 1:
		avx512AddWeightedW3X1(a)
	case 3<<4 | 2:
		avx512AddWeightedW3X2(a)
	case 3<<4 | 4:
		avx512AddWeightedW3X4(a)
	case 4<<4 | 1:
		avx512AddWeightedW4X1(a)
	case 4<<4 | 2:
		avx512AddWeightedW4X2(a)
	case 4<<4 | 4:
		avx512AddWeightedW4X4(a)
	case 5<<4 | 1:
		avx512AddWeightedW5X1(a)
	case 5<<4 | 2:
		avx512AddWeightedW5X2(a)
	case 5<<4 | 4:
		avx512AddWeightedW5X4(a)
	case 6<<4 | 1:
		avx512AddWeightedW6X1(a)
	case 6<<4 | 2:
		avx512AddWeightedW6X2(a)
	case 6<<4 | 4:
		avx512AddWeightedW6X4(a)
	case 7<<4 | 1:
		avx512AddWeightedW7X1(a)
	case 7<<4 | 2:
		avx512AddWeightedW7X2(a)
	case 7<<4 | 4:
		avx512AddWeightedW7X4(a)
	case 8<<4 | 1:
		avx512AddWeightedW8X1(a)
	case 8<<4 | 2:
		avx512AddWeightedW8X2(a)
	case 8<<4 | 4:
		avx512AddWeightedW8X4(a)
	default:
		panic("lowbit: no avx512 AddWeighted kernel")
	}
}

// Kernels for fp16 and float32 rows.

//go:noescape
func avx512AddWeightedF16X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF16X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF16X4(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF32X1(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF32X2(a *avx512DotArgs)

//go:noescape
func avx512AddWeightedF32X4(a *avx512DotArgs)

// avx512CallAddWeightedF runs the fp16 (bits 16) or float32 AddWeighted
// kernel for pass weight rows.
func avx512CallAddWeightedF(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 16<<4 | 1:
		avx512AddWeightedF16X1(a)
	case 16<<4 | 2:
		avx512AddWeightedF16X2(a)
	case 16<<4 | 4:
		avx512AddWeightedF16X4(a)
	case 32<<4 | 1:
		avx512AddWeightedF32X1(a)
	case 32<<4 | 2:
		avx512AddWeightedF32X2(a)
	case 32<<4 | 4:
		avx512AddWeightedF32X4(a)
	default:
		panic("lowbit: no avx512 float AddWeighted kernel")
	}
}

// Row kernels: rows of 128 values, one weight row.

//go:noescape
func avx512AddWeightedRow128F16X1(a *avx512RowArgs)

//go:noescape
func avx512AddWeightedRow128F32X1(a *avx512RowArgs)

//go:noescape
func avx512AddWeightedRow128W4G64X1(a *avx512RowArgs)

//go:noescape
func avx512AddWeightedRow128W2G64X1(a *avx512RowArgs)
