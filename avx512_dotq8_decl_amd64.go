//go:build !purego

package lowbit

// Declarations of the DotQ8 kernels of avx512_dotq8_amd64.s: unit of 64 or
// 32 values, code width, query rows per pass.

//go:noescape
func dotQ8U64W2Q1(a *q8Args)

//go:noescape
func dotQ8U64W2Q2(a *q8Args)

//go:noescape
func dotQ8U64W2Q4(a *q8Args)

//go:noescape
func dotQ8U64W3Q1(a *q8Args)

//go:noescape
func dotQ8U64W3Q2(a *q8Args)

//go:noescape
func dotQ8U64W3Q4(a *q8Args)

//go:noescape
func dotQ8U64W4Q1(a *q8Args)

//go:noescape
func dotQ8U64W4Q2(a *q8Args)

//go:noescape
func dotQ8U64W4Q4(a *q8Args)

//go:noescape
func dotQ8U64W5Q1(a *q8Args)

//go:noescape
func dotQ8U64W5Q2(a *q8Args)

//go:noescape
func dotQ8U64W5Q4(a *q8Args)

//go:noescape
func dotQ8U64W6Q1(a *q8Args)

//go:noescape
func dotQ8U64W6Q2(a *q8Args)

//go:noescape
func dotQ8U64W6Q4(a *q8Args)

//go:noescape
func dotQ8U64W7Q1(a *q8Args)

//go:noescape
func dotQ8U64W7Q2(a *q8Args)

//go:noescape
func dotQ8U64W7Q4(a *q8Args)

//go:noescape
func dotQ8U64W8Q1(a *q8Args)

//go:noescape
func dotQ8U64W8Q2(a *q8Args)

//go:noescape
func dotQ8U64W8Q4(a *q8Args)

//go:noescape
func dotQ8U32W2Q1(a *q8Args)

//go:noescape
func dotQ8U32W2Q2(a *q8Args)

//go:noescape
func dotQ8U32W2Q4(a *q8Args)

//go:noescape
func dotQ8U32W3Q1(a *q8Args)

//go:noescape
func dotQ8U32W3Q2(a *q8Args)

//go:noescape
func dotQ8U32W3Q4(a *q8Args)

//go:noescape
func dotQ8U32W4Q1(a *q8Args)

//go:noescape
func dotQ8U32W4Q2(a *q8Args)

//go:noescape
func dotQ8U32W4Q4(a *q8Args)

//go:noescape
func dotQ8U32W5Q1(a *q8Args)

//go:noescape
func dotQ8U32W5Q2(a *q8Args)

//go:noescape
func dotQ8U32W5Q4(a *q8Args)

//go:noescape
func dotQ8U32W6Q1(a *q8Args)

//go:noescape
func dotQ8U32W6Q2(a *q8Args)

//go:noescape
func dotQ8U32W6Q4(a *q8Args)

//go:noescape
func dotQ8U32W7Q1(a *q8Args)

//go:noescape
func dotQ8U32W7Q2(a *q8Args)

//go:noescape
func dotQ8U32W7Q4(a *q8Args)

//go:noescape
func dotQ8U32W8Q1(a *q8Args)

//go:noescape
func dotQ8U32W8Q2(a *q8Args)

//go:noescape
func dotQ8U32W8Q4(a *q8Args)

// callDotQ8 runs the DotQ8 kernel for units of unit values, the code width
// and pass query rows. (A table of func values would make a escape to the
// heap: escape analysis cannot see through an indirect call.)
func callDotQ8(unit, bits, pass int, a *q8Args) {
	switch unit<<8 | bits<<4 | pass {
	case 64<<8 | 2<<4 | 1:
		dotQ8U64W2Q1(a)
	case 64<<8 | 2<<4 | 2:
		dotQ8U64W2Q2(a)
	case 64<<8 | 2<<4 | 4:
		dotQ8U64W2Q4(a)
	case 64<<8 | 3<<4 | 1:
		dotQ8U64W3Q1(a)
	case 64<<8 | 3<<4 | 2:
		dotQ8U64W3Q2(a)
	case 64<<8 | 3<<4 | 4:
		dotQ8U64W3Q4(a)
	case 64<<8 | 4<<4 | 1:
		dotQ8U64W4Q1(a)
	case 64<<8 | 4<<4 | 2:
		dotQ8U64W4Q2(a)
	case 64<<8 | 4<<4 | 4:
		dotQ8U64W4Q4(a)
	case 64<<8 | 5<<4 | 1:
		dotQ8U64W5Q1(a)
	case 64<<8 | 5<<4 | 2:
		dotQ8U64W5Q2(a)
	case 64<<8 | 5<<4 | 4:
		dotQ8U64W5Q4(a)
	case 64<<8 | 6<<4 | 1:
		dotQ8U64W6Q1(a)
	case 64<<8 | 6<<4 | 2:
		dotQ8U64W6Q2(a)
	case 64<<8 | 6<<4 | 4:
		dotQ8U64W6Q4(a)
	case 64<<8 | 7<<4 | 1:
		dotQ8U64W7Q1(a)
	case 64<<8 | 7<<4 | 2:
		dotQ8U64W7Q2(a)
	case 64<<8 | 7<<4 | 4:
		dotQ8U64W7Q4(a)
	case 64<<8 | 8<<4 | 1:
		dotQ8U64W8Q1(a)
	case 64<<8 | 8<<4 | 2:
		dotQ8U64W8Q2(a)
	case 64<<8 | 8<<4 | 4:
		dotQ8U64W8Q4(a)
	case 32<<8 | 2<<4 | 1:
		dotQ8U32W2Q1(a)
	case 32<<8 | 2<<4 | 2:
		dotQ8U32W2Q2(a)
	case 32<<8 | 2<<4 | 4:
		dotQ8U32W2Q4(a)
	case 32<<8 | 3<<4 | 1:
		dotQ8U32W3Q1(a)
	case 32<<8 | 3<<4 | 2:
		dotQ8U32W3Q2(a)
	case 32<<8 | 3<<4 | 4:
		dotQ8U32W3Q4(a)
	case 32<<8 | 4<<4 | 1:
		dotQ8U32W4Q1(a)
	case 32<<8 | 4<<4 | 2:
		dotQ8U32W4Q2(a)
	case 32<<8 | 4<<4 | 4:
		dotQ8U32W4Q4(a)
	case 32<<8 | 5<<4 | 1:
		dotQ8U32W5Q1(a)
	case 32<<8 | 5<<4 | 2:
		dotQ8U32W5Q2(a)
	case 32<<8 | 5<<4 | 4:
		dotQ8U32W5Q4(a)
	case 32<<8 | 6<<4 | 1:
		dotQ8U32W6Q1(a)
	case 32<<8 | 6<<4 | 2:
		dotQ8U32W6Q2(a)
	case 32<<8 | 6<<4 | 4:
		dotQ8U32W6Q4(a)
	case 32<<8 | 7<<4 | 1:
		dotQ8U32W7Q1(a)
	case 32<<8 | 7<<4 | 2:
		dotQ8U32W7Q2(a)
	case 32<<8 | 7<<4 | 4:
		dotQ8U32W7Q4(a)
	case 32<<8 | 8<<4 | 1:
		dotQ8U32W8Q1(a)
	case 32<<8 | 8<<4 | 2:
		dotQ8U32W8Q2(a)
	case 32<<8 | 8<<4 | 4:
		dotQ8U32W8Q4(a)
	default:
		panic("lowbit: no DotQ8 kernel")
	}
}

// Row kernels: rows of 128 values in two groups of 64, one query row.

//go:noescape
func dotQ8RowW2(a *q8Args)

//go:noescape
func dotQ8RowW3(a *q8Args)

//go:noescape
func dotQ8RowW4(a *q8Args)

//go:noescape
func dotQ8RowW5(a *q8Args)

//go:noescape
func dotQ8RowW6(a *q8Args)

//go:noescape
func dotQ8RowW7(a *q8Args)

//go:noescape
func dotQ8RowW8(a *q8Args)

// callDotQ8Row runs the row kernel for the code width.
func callDotQ8Row(bits int, a *q8Args) {
	switch bits {
	case 2:
		dotQ8RowW2(a)
	case 3:
		dotQ8RowW3(a)
	case 4:
		dotQ8RowW4(a)
	case 5:
		dotQ8RowW5(a)
	case 6:
		dotQ8RowW6(a)
	case 7:
		dotQ8RowW7(a)
	case 8:
		dotQ8RowW8(a)
	default:
		panic("lowbit: no DotQ8 row kernel")
	}
}
