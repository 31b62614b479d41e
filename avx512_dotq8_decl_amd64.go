//go:build gc && !purego

package lowbit

// Declarations of the DotQ8 kernels of avx512_dotq8_amd64.s: unit of 64 or
// 32 values, code width, query rows per pass.

//go:noescape
func avx512DotQ8U64W2X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W2X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W2X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W3X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W3X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W3X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W4X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W4X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W4X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W5X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W5X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W5X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W6X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W6X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W6X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W7X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W7X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W7X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W8X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W8X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U64W8X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W2X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W2X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W2X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W3X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W3X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W3X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W4X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W4X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W4X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W5X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W5X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W5X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W6X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W6X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W6X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W7X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W7X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W7X4(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W8X1(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W8X2(a *avx512DotQ8Args)

//go:noescape
func avx512DotQ8U32W8X4(a *avx512DotQ8Args)

// avx512CallDotQ8 runs the DotQ8 kernel for units of unit values, the code width
// and pass query rows. (A table of func values would make a escape to the
// heap: escape analysis cannot see through an indirect call.)
func avx512CallDotQ8(unit, bits, pass int, a *avx512DotQ8Args) {
	switch unit<<8 | bits<<4 | pass {
	case 64<<8 | 2<<4 | 1:
		avx512DotQ8U64W2X1(a)
	case 64<<8 | 2<<4 | 2:
		avx512DotQ8U64W2X2(a)
	case 64<<8 | 2<<4 | 4:
		avx512DotQ8U64W2X4(a)
	case 64<<8 | 3<<4 | 1:
		avx512DotQ8U64W3X1(a)
	case 64<<8 | 3<<4 | 2:
		avx512DotQ8U64W3X2(a)
	case 64<<8 | 3<<4 | 4:
		avx512DotQ8U64W3X4(a)
	case 64<<8 | 4<<4 | 1:
		avx512DotQ8U64W4X1(a)
	case 64<<8 | 4<<4 | 2:
		avx512DotQ8U64W4X2(a)
	case 64<<8 | 4<<4 | 4:
		avx512DotQ8U64W4X4(a)
	case 64<<8 | 5<<4 | 1:
		avx512DotQ8U64W5X1(a)
	case 64<<8 | 5<<4 | 2:
		avx512DotQ8U64W5X2(a)
	case 64<<8 | 5<<4 | 4:
		avx512DotQ8U64W5X4(a)
	case 64<<8 | 6<<4 | 1:
		avx512DotQ8U64W6X1(a)
	case 64<<8 | 6<<4 | 2:
		avx512DotQ8U64W6X2(a)
	case 64<<8 | 6<<4 | 4:
		avx512DotQ8U64W6X4(a)
	case 64<<8 | 7<<4 | 1:
		avx512DotQ8U64W7X1(a)
	case 64<<8 | 7<<4 | 2:
		avx512DotQ8U64W7X2(a)
	case 64<<8 | 7<<4 | 4:
		avx512DotQ8U64W7X4(a)
	case 64<<8 | 8<<4 | 1:
		avx512DotQ8U64W8X1(a)
	case 64<<8 | 8<<4 | 2:
		avx512DotQ8U64W8X2(a)
	case 64<<8 | 8<<4 | 4:
		avx512DotQ8U64W8X4(a)
	case 32<<8 | 2<<4 | 1:
		avx512DotQ8U32W2X1(a)
	case 32<<8 | 2<<4 | 2:
		avx512DotQ8U32W2X2(a)
	case 32<<8 | 2<<4 | 4:
		avx512DotQ8U32W2X4(a)
	case 32<<8 | 3<<4 | 1:
		avx512DotQ8U32W3X1(a)
	case 32<<8 | 3<<4 | 2:
		avx512DotQ8U32W3X2(a)
	case 32<<8 | 3<<4 | 4:
		avx512DotQ8U32W3X4(a)
	case 32<<8 | 4<<4 | 1:
		avx512DotQ8U32W4X1(a)
	case 32<<8 | 4<<4 | 2:
		avx512DotQ8U32W4X2(a)
	case 32<<8 | 4<<4 | 4:
		avx512DotQ8U32W4X4(a)
	case 32<<8 | 5<<4 | 1:
		avx512DotQ8U32W5X1(a)
	case 32<<8 | 5<<4 | 2:
		avx512DotQ8U32W5X2(a)
	case 32<<8 | 5<<4 | 4:
		avx512DotQ8U32W5X4(a)
	case 32<<8 | 6<<4 | 1:
		avx512DotQ8U32W6X1(a)
	case 32<<8 | 6<<4 | 2:
		avx512DotQ8U32W6X2(a)
	case 32<<8 | 6<<4 | 4:
		avx512DotQ8U32W6X4(a)
	case 32<<8 | 7<<4 | 1:
		avx512DotQ8U32W7X1(a)
	case 32<<8 | 7<<4 | 2:
		avx512DotQ8U32W7X2(a)
	case 32<<8 | 7<<4 | 4:
		avx512DotQ8U32W7X4(a)
	case 32<<8 | 8<<4 | 1:
		avx512DotQ8U32W8X1(a)
	case 32<<8 | 8<<4 | 2:
		avx512DotQ8U32W8X2(a)
	case 32<<8 | 8<<4 | 4:
		avx512DotQ8U32W8X4(a)
	default:
		panic("lowbit: no DotQ8 kernel")
	}
}

// Row kernels: rows of 128 values in two groups of 64, one query row.

//go:noescape
func avx512DotQ8Row128W2G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotQ8Row128W3G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotQ8Row128W4G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotQ8Row128W5G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotQ8Row128W6G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotQ8Row128W7G64X1(a *avx512RowArgs)

//go:noescape
func avx512DotQ8Row128W8G64X1(a *avx512RowArgs)

// avx512CallDotQ8Row runs the row kernel for the code width.
func avx512CallDotQ8Row(bits int, a *avx512RowArgs) {
	switch bits {
	case 2:
		avx512DotQ8Row128W2G64X1(a)
	case 3:
		avx512DotQ8Row128W3G64X1(a)
	case 4:
		avx512DotQ8Row128W4G64X1(a)
	case 5:
		avx512DotQ8Row128W5G64X1(a)
	case 6:
		avx512DotQ8Row128W6G64X1(a)
	case 7:
		avx512DotQ8Row128W7G64X1(a)
	case 8:
		avx512DotQ8Row128W8G64X1(a)
	default:
		panic("lowbit: no DotQ8 row kernel")
	}
}
