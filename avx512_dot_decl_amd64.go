//go:build gc && !purego

package lowbit

// Declarations of the Dot kernels of avx512_dot_amd64.s.

//go:noescape
func avx512DotW2Q1(a *avx512DotArgs)

//go:noescape
func avx512DotW2Q2(a *avx512DotArgs)

//go:noescape
func avx512DotW2Q4(a *avx512DotArgs)

//go:noescape
func avx512DotW3Q1(a *avx512DotArgs)

//go:noescape
func avx512DotW3Q2(a *avx512DotArgs)

//go:noescape
func avx512DotW3Q4(a *avx512DotArgs)

//go:noescape
func avx512DotW4Q1(a *avx512DotArgs)

//go:noescape
func avx512DotW4Q2(a *avx512DotArgs)

//go:noescape
func avx512DotW4Q4(a *avx512DotArgs)

//go:noescape
func avx512DotW5Q1(a *avx512DotArgs)

//go:noescape
func avx512DotW5Q2(a *avx512DotArgs)

//go:noescape
func avx512DotW5Q4(a *avx512DotArgs)

//go:noescape
func avx512DotW6Q1(a *avx512DotArgs)

//go:noescape
func avx512DotW6Q2(a *avx512DotArgs)

//go:noescape
func avx512DotW6Q4(a *avx512DotArgs)

//go:noescape
func avx512DotW7Q1(a *avx512DotArgs)

//go:noescape
func avx512DotW7Q2(a *avx512DotArgs)

//go:noescape
func avx512DotW7Q4(a *avx512DotArgs)

//go:noescape
func avx512DotW8Q1(a *avx512DotArgs)

//go:noescape
func avx512DotW8Q2(a *avx512DotArgs)

//go:noescape
func avx512DotW8Q4(a *avx512DotArgs)

// avx512CallDot runs the Dot kernel for the code width and pass query rows.
func avx512CallDot(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 2<<4 | 1:
		avx512DotW2Q1(a)
	case 2<<4 | 2:
		avx512DotW2Q2(a)
	case 2<<4 | 4:
		avx512DotW2Q4(a)
	case 3<<4 | 1:
		avx512DotW3Q1(a)
	case 3<<4 | 2:
		avx512DotW3Q2(a)
	case 3<<4 | 4:
		avx512DotW3Q4(a)
	case 4<<4 | 1:
		avx512DotW4Q1(a)
	case 4<<4 | 2:
		avx512DotW4Q2(a)
	case 4<<4 | 4:
		avx512DotW4Q4(a)
	case 5<<4 | 1:
		avx512DotW5Q1(a)
	case 5<<4 | 2:
		avx512DotW5Q2(a)
	case 5<<4 | 4:
		avx512DotW5Q4(a)
	case 6<<4 | 1:
		avx512DotW6Q1(a)
	case 6<<4 | 2:
		avx512DotW6Q2(a)
	case 6<<4 | 4:
		avx512DotW6Q4(a)
	case 7<<4 | 1:
		avx512DotW7Q1(a)
	case 7<<4 | 2:
		avx512DotW7Q2(a)
	case 7<<4 | 4:
		avx512DotW7Q4(a)
	case 8<<4 | 1:
		avx512DotW8Q1(a)
	case 8<<4 | 2:
		avx512DotW8Q2(a)
	case 8<<4 | 4:
		avx512DotW8Q4(a)
	default:
		panic("lowbit: no avx512 Dot kernel")
	}
}

// Row kernels: 4-bit codes, rows of 128 values in groups of 64.

//go:noescape
func avx512DotRowW4Q1(a *avx512Q8Args)

//go:noescape
func avx512DotRowW4Q2(a *avx512Q8Args)

//go:noescape
func avx512DotRowW4Q4(a *avx512Q8Args)

//go:noescape
func avx512DotRowW2Q1(a *avx512Q8Args)

//go:noescape
func avx512DotRowW2Q2(a *avx512Q8Args)

//go:noescape
func avx512DotRowW2Q4(a *avx512Q8Args)

// avx512CallDotRow runs the 4-bit or 2-bit Dot row kernel for pass query
// rows.
func avx512CallDotRow(bits, pass int, a *avx512Q8Args) {
	switch bits<<4 | pass {
	case 4<<4 | 1:
		avx512DotRowW4Q1(a)
	case 4<<4 | 2:
		avx512DotRowW4Q2(a)
	case 4<<4 | 4:
		avx512DotRowW4Q4(a)
	case 2<<4 | 1:
		avx512DotRowW2Q1(a)
	case 2<<4 | 2:
		avx512DotRowW2Q2(a)
	case 2<<4 | 4:
		avx512DotRowW2Q4(a)
	default:
		panic("lowbit: no avx512 Dot row kernel")
	}
}

// Kernels for fp16 and float32 rows.

//go:noescape
func avx512DotF16Q1(a *avx512DotArgs)

//go:noescape
func avx512DotF16Q2(a *avx512DotArgs)

//go:noescape
func avx512DotF16Q4(a *avx512DotArgs)

//go:noescape
func avx512DotF32Q1(a *avx512DotArgs)

//go:noescape
func avx512DotF32Q2(a *avx512DotArgs)

//go:noescape
func avx512DotF32Q4(a *avx512DotArgs)

// avx512CallDotF runs the fp16 (bits 16) or float32 Dot kernel for pass
// query rows.
func avx512CallDotF(bits, pass int, a *avx512DotArgs) {
	switch bits<<4 | pass {
	case 16<<4 | 1:
		avx512DotF16Q1(a)
	case 16<<4 | 2:
		avx512DotF16Q2(a)
	case 16<<4 | 4:
		avx512DotF16Q4(a)
	case 32<<4 | 1:
		avx512DotF32Q1(a)
	case 32<<4 | 2:
		avx512DotF32Q2(a)
	case 32<<4 | 4:
		avx512DotF32Q4(a)
	default:
		panic("lowbit: no avx512 float Dot kernel")
	}
}

// Row kernels for fp16 and float32 rows of 128 values.

//go:noescape
func avx512DotRowF16Q1(a *avx512Q8Args)

//go:noescape
func avx512DotRowF16Q2(a *avx512Q8Args)

//go:noescape
func avx512DotRowF16Q4(a *avx512Q8Args)

//go:noescape
func avx512DotRowF32Q1(a *avx512Q8Args)

//go:noescape
func avx512DotRowF32Q2(a *avx512Q8Args)

//go:noescape
func avx512DotRowF32Q4(a *avx512Q8Args)

// avx512CallDotRowF runs the fp16 (bits 16) or float32 Dot row kernel for
// pass query rows.
func avx512CallDotRowF(bits, pass int, a *avx512Q8Args) {
	switch bits<<4 | pass {
	case 16<<4 | 1:
		avx512DotRowF16Q1(a)
	case 16<<4 | 2:
		avx512DotRowF16Q2(a)
	case 16<<4 | 4:
		avx512DotRowF16Q4(a)
	case 32<<4 | 1:
		avx512DotRowF32Q1(a)
	case 32<<4 | 2:
		avx512DotRowF32Q2(a)
	case 32<<4 | 4:
		avx512DotRowF32Q4(a)
	default:
		panic("lowbit: no avx512 float Dot row kernel")
	}
}

// avx512DotRowXTables writes the x tables of the Dot row kernels and
// reports whether scaling lost bits of x (see avx512_dot_amd64.s).
//
//go:noescape
func avx512DotRowXTables(dst, x *float32, cols *int32, scales *float32, fields, pass int) (lossy bool)
