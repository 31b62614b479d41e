//go:build gc && !purego

package lowbit

// Declarations of the DotQ8 kernels of avx512_dotq8_amd64.s: unit of 64 or
// 32 values, code width, query rows per pass.

//go:noescape
func avx512DotQ8U64W2Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W2Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W2Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W3Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W3Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W3Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W4Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W4Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W4Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W5Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W5Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W5Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W6Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W6Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W6Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W7Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W7Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W7Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W8Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W8Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W8Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W2Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W2Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W2Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W3Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W3Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W3Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W4Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W4Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W4Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W5Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W5Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W5Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W6Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W6Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W6Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W7Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W7Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W7Q4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W8Q1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W8Q2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W8Q4(a *avx512DotQ8Args)

// avx512CallDotQ8 runs the DotQ8 kernel for units of unit values, the code width
// and pass query rows. (A table of func values would make a escape to the
// heap: escape analysis cannot see through an indirect call.)
func avx512CallDotQ8(unit, bits, pass int, a *avx512DotQ8Args) {
	switch unit<<8 | bits<<4 | pass {
	case 64<<8 | 2<<4 | 1:
		avx512DotQ8U64W2Q1(a)
	case 64<<8 | 2<<4 | 2:
		avx512DotQ8U64W2Q2(a)
	case 64<<8 | 2<<4 | 4:
		avx512DotQ8U64W2Q4(a)
	case 64<<8 | 3<<4 | 1:
		avx512DotQ8U64W3Q1(a)
	case 64<<8 | 3<<4 | 2:
		avx512DotQ8U64W3Q2(a)
	case 64<<8 | 3<<4 | 4:
		avx512DotQ8U64W3Q4(a)
	case 64<<8 | 4<<4 | 1:
		avx512DotQ8U64W4Q1(a)
	case 64<<8 | 4<<4 | 2:
		avx512DotQ8U64W4Q2(a)
	case 64<<8 | 4<<4 | 4:
		avx512DotQ8U64W4Q4(a)
	case 64<<8 | 5<<4 | 1:
		avx512DotQ8U64W5Q1(a)
	case 64<<8 | 5<<4 | 2:
		avx512DotQ8U64W5Q2(a)
	case 64<<8 | 5<<4 | 4:
		avx512DotQ8U64W5Q4(a)
	case 64<<8 | 6<<4 | 1:
		avx512DotQ8U64W6Q1(a)
	case 64<<8 | 6<<4 | 2:
		avx512DotQ8U64W6Q2(a)
	case 64<<8 | 6<<4 | 4:
		avx512DotQ8U64W6Q4(a)
	case 64<<8 | 7<<4 | 1:
		avx512DotQ8U64W7Q1(a)
	case 64<<8 | 7<<4 | 2:
		avx512DotQ8U64W7Q2(a)
	case 64<<8 | 7<<4 | 4:
		avx512DotQ8U64W7Q4(a)
	case 64<<8 | 8<<4 | 1:
		avx512DotQ8U64W8Q1(a)
	case 64<<8 | 8<<4 | 2:
		avx512DotQ8U64W8Q2(a)
	case 64<<8 | 8<<4 | 4:
		avx512DotQ8U64W8Q4(a)
	case 32<<8 | 2<<4 | 1:
		avx512DotQ8U32W2Q1(a)
	case 32<<8 | 2<<4 | 2:
		avx512DotQ8U32W2Q2(a)
	case 32<<8 | 2<<4 | 4:
		avx512DotQ8U32W2Q4(a)
	case 32<<8 | 3<<4 | 1:
		avx512DotQ8U32W3Q1(a)
	case 32<<8 | 3<<4 | 2:
		avx512DotQ8U32W3Q2(a)
	case 32<<8 | 3<<4 | 4:
		avx512DotQ8U32W3Q4(a)
	case 32<<8 | 4<<4 | 1:
		avx512DotQ8U32W4Q1(a)
	case 32<<8 | 4<<4 | 2:
		avx512DotQ8U32W4Q2(a)
	case 32<<8 | 4<<4 | 4:
		avx512DotQ8U32W4Q4(a)
	case 32<<8 | 5<<4 | 1:
		avx512DotQ8U32W5Q1(a)
	case 32<<8 | 5<<4 | 2:
		avx512DotQ8U32W5Q2(a)
	case 32<<8 | 5<<4 | 4:
		avx512DotQ8U32W5Q4(a)
	case 32<<8 | 6<<4 | 1:
		avx512DotQ8U32W6Q1(a)
	case 32<<8 | 6<<4 | 2:
		avx512DotQ8U32W6Q2(a)
	case 32<<8 | 6<<4 | 4:
		avx512DotQ8U32W6Q4(a)
	case 32<<8 | 7<<4 | 1:
		avx512DotQ8U32W7Q1(a)
	case 32<<8 | 7<<4 | 2:
		avx512DotQ8U32W7Q2(a)
	case 32<<8 | 7<<4 | 4:
		avx512DotQ8U32W7Q4(a)
	case 32<<8 | 8<<4 | 1:
		avx512DotQ8U32W8Q1(a)
	case 32<<8 | 8<<4 | 2:
		avx512DotQ8U32W8Q2(a)
	case 32<<8 | 8<<4 | 4:
		avx512DotQ8U32W8Q4(a)
	default:
		panic("lowbit: no DotQ8 kernel")
	}
}

// Row kernels: rows of 128 values in two groups of 64, one query row.

//go:noescape
func avx512DotQ8RowW2(a *avx512Q8Args)

//go:noescape
func avx512DotQ8RowW3(a *avx512Q8Args)

//go:noescape
func avx512DotQ8RowW4(a *avx512Q8Args)

//go:noescape
func avx512DotQ8RowW5(a *avx512Q8Args)

//go:noescape
func avx512DotQ8RowW6(a *avx512Q8Args)

//go:noescape
func avx512DotQ8RowW7(a *avx512Q8Args)

//go:noescape
func avx512DotQ8RowW8(a *avx512Q8Args)

// avx512CallDotQ8Row runs the row kernel for the code width.
func avx512CallDotQ8Row(bits int, a *avx512Q8Args) {
	switch bits {
	case 2:
		avx512DotQ8RowW2(a)
	case 3:
		avx512DotQ8RowW3(a)
	case 4:
		avx512DotQ8RowW4(a)
	case 5:
		avx512DotQ8RowW5(a)
	case 6:
		avx512DotQ8RowW6(a)
	case 7:
		avx512DotQ8RowW7(a)
	case 8:
		avx512DotQ8RowW8(a)
	default:
		panic("lowbit: no DotQ8 row kernel")
	}
}
