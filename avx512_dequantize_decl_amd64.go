//go:build gc && !purego

package lowbit

// Declarations of the Dequantize kernels of avx512_dequantize_amd64.s.

//go:noescape
func avx512DequantizeW2(a *avx512DotArgs)

//go:noescape
func avx512DequantizeW3(a *avx512DotArgs)

//go:noescape
func avx512DequantizeW4(a *avx512DotArgs)

//go:noescape
func avx512DequantizeW5(a *avx512DotArgs)

//go:noescape
func avx512DequantizeW6(a *avx512DotArgs)

//go:noescape
func avx512DequantizeW7(a *avx512DotArgs)

//go:noescape
func avx512DequantizeW8(a *avx512DotArgs)

//go:noescape
func avx512DequantizeF16(dst *float32, src *uint16, n int)

// avx512CallDequantize runs the Dequantize kernel for the code width.
func avx512CallDequantize(bits int, a *avx512DotArgs) {
	switch bits {
	case 2:
		avx512DequantizeW2(a)
	case 3:
		avx512DequantizeW3(a)
	case 4:
		avx512DequantizeW4(a)
	case 5:
		avx512DequantizeW5(a)
	case 6:
		avx512DequantizeW6(a)
	case 7:
		avx512DequantizeW7(a)
	case 8:
		avx512DequantizeW8(a)
	default:
		panic("lowbit: no avx512 Dequantize kernel")
	}
}
