//go:build gc && !purego

package lowbit

// Declarations of the Dot kernels of avx512_dot_amd64.s.

//go:noescape
func avx512DotW2X1(a *avx512DotArgs)

//go:noescape
func avx512DotW2X2(a *avx512DotArgs)

//go:noescape
func avx512DotW2X4(a *avx512DotArgs)

//go:noescape
func avx512DotW3X1(a *avx512DotArgs)

//go:noescape
func avx512DotW3X2(a *avx512DotArgs)

//go:noescape
func avx512DotW3X4(a *avx512DotArgs)

//go:noescape
func avx512DotW4X1(a *avx512DotArgs)

//go:noescape
func avx512DotW4X2(a *avx512DotArgs)

//go:noescape
func avx512DotW4X4(a *avx512DotArgs)

//go:noescape
func avx512DotW5X1(a *avx512DotArgs)

//go:noescape
func avx512DotW5X2(a *avx512DotArgs)

//go:noescape
func avx512DotW5X4(a *avx512DotArgs)

//go:noescape
func avx512DotW6X1(a *avx512DotArgs)

//go:noescape
func avx512DotW6X2(a *avx512DotArgs)

//go:noescape
func avx512DotW6X4(a *avx512DotArgs)

//go:noescape
func avx512DotW7X1(a *avx512DotArgs)

//go:noescape
func avx512DotW7X2(a *avx512DotArgs)

//go:noescape
func avx512DotW7X4(a *avx512DotArgs)

//go:noescape
func avx512DotW8X1(a *avx512DotArgs)

//go:noescape
func avx512DotW8X2(a *avx512DotArgs)

//go:noescape
func avx512DotW8X4(a *avx512DotArgs)

// avx512CallDot runs the Dot kernel for the code width and pass query rows.
func avx512CallDot(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 2<<4 | 1:
		avx512DotW2X1(a)
	case 2<<4 | 2:
		avx512DotW2X2(a)
	case 2<<4 | 4:
		avx512DotW2X4(a)
	case 3<<4 | 1:
		avx512DotW3X1(a)
	case 3<<4 | 2:
		avx512DotW3X2(a)
	case 3<<4 | 4:
		avx512DotW3X4(a)
	case 4<<4 | 1:
		avx512DotW4X1(a)
	case 4<<4 | 2:
		avx512DotW4X2(a)
	case 4<<4 | 4:
		avx512DotW4X4(a)
	case 5<<4 | 1:
		avx512DotW5X1(a)
	case 5<<4 | 2:
		avx512DotW5X2(a)
	case 5<<4 | 4:
		avx512DotW5X4(a)
	case 6<<4 | 1:
		avx512DotW6X1(a)
	case 6<<4 | 2:
		avx512DotW6X2(a)
	case 6<<4 | 4:
		avx512DotW6X4(a)
	case 7<<4 | 1:
		avx512DotW7X1(a)
	case 7<<4 | 2:
		avx512DotW7X2(a)
	case 7<<4 | 4:
		avx512DotW7X4(a)
	case 8<<4 | 1:
		avx512DotW8X1(a)
	case 8<<4 | 2:
		avx512DotW8X2(a)
	case 8<<4 | 4:
		avx512DotW8X4(a)
	default:
		panic("lowbit: no avx512 Dot kernel")
	}
}

// Row kernels: 4-bit codes, rows of 128 values in groups of 64.

//go:noescape
func avx512DotRow128W4G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotRow128W4G64X2(a *avx512RowArgs)

//go:noescape
func avx512DotRow128W4G64X4(a *avx512RowArgs)

//go:noescape
func avx512DotRow128W2G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotRow128W2G64X2(a *avx512RowArgs)

//go:noescape
func avx512DotRow128W2G64X4(a *avx512RowArgs)

// avx512CallDotRow runs the 4-bit or 2-bit Dot row kernel for pass query
// rows.
func avx512CallDotRow(bits, pass int, a *avx512RowArgs) {
	switch bits<<4 | pass {
	case 4<<4 | 1:
		avx512DotRow128W4G64X1(a)
	case 4<<4 | 2:
		avx512DotRow128W4G64X2(a)
	case 4<<4 | 4:
		avx512DotRow128W4G64X4(a)
	case 2<<4 | 1:
		avx512DotRow128W2G64X1(a)
	case 2<<4 | 2:
		avx512DotRow128W2G64X2(a)
	case 2<<4 | 4:
		avx512DotRow128W2G64X4(a)
	default:
		panic("lowbit: no avx512 Dot row kernel")
	}
}

// Kernels for fp16 and float32 rows.

//go:noescape
func avx512DotF16X1(a *avx512DotArgs)

//go:noescape
func avx512DotF16X2(a *avx512DotArgs)

//go:noescape
func avx512DotF16X4(a *avx512DotArgs)

//go:noescape
func avx512DotF32X1(a *avx512DotArgs)

//go:noescape
func avx512DotF32X2(a *avx512DotArgs)

//go:noescape
func avx512DotF32X4(a *avx512DotArgs)

// avx512CallDotF runs the fp16 (bits 16) or float32 Dot kernel for pass
// query rows.
func avx512CallDotF(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 16<<4 | 1:
		avx512DotF16X1(a)
	case 16<<4 | 2:
		avx512DotF16X2(a)
	case 16<<4 | 4:
		avx512DotF16X4(a)
	case 32<<4 | 1:
		avx512DotF32X1(a)
	case 32<<4 | 2:
		avx512DotF32X2(a)
	case 32<<4 | 4:
		avx512DotF32X4(a)
	default:
		panic("lowbit: no avx512 float Dot kernel")
	}
}

// Row kernels for fp16 and float32 rows of 128 values.

//go:noescape
func avx512DotRow128F16X1(a *avx512RowArgs)

//go:noescape
func avx512DotRow128F16X2(a *avx512RowArgs)

//go:noescape
func avx512DotRow128F16X4(a *avx512RowArgs)

//go:noescape
func avx512DotRow128F32X1(a *avx512RowArgs)

//go:noescape
func avx512DotRow128F32X2(a *avx512RowArgs)

//go:noescape
func avx512DotRow128F32X4(a *avx512RowArgs)

// avx512CallDotRowF runs the fp16 (bits 16) or float32 Dot row kernel for
// pass query rows.
func avx512CallDotRowF(bits, pass int, a *avx512RowArgs) {
	switch bits<<4 | pass {
	case 16<<4 | 1:
		avx512DotRow128F16X1(a)
	case 16<<4 | 2:
		avx512DotRow128F16X2(a)
	case 16<<4 | 4:
		avx512DotRow128F16X4(a)
	case 32<<4 | 1:
		avx512DotRow128F32X1(a)
	case 32<<4 | 2:
		avx512DotRow128F32X2(a)
	case 32<<4 | 4:
		avx512DotRow128F32X4(a)
	default:
		panic("lowbit: no avx512 float Dot row kernel")
	}
}

// avx512DotRowXTables writes the x tables of the Dot row kernels and
// reports whether scaling lost bits of x (see avx512_dot_amd64.s).
//
//go:noescape
func avx512DotRowXTables(dst, x *float32, cols *int32, scales *float32, fields, pass int) (lossy bool)
