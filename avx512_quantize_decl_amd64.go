//go:build gc && !purego

package lowbit

// Declarations of the Quantize kernels of avx512_quantize_amd64.s.

//go:noescape
func avx512QuantizeW2(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeSymW2(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeW3(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeSymW3(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeW4(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeSymW4(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeW5(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeSymW5(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeW6(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeSymW6(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeW7(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeSymW7(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeW8(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeSymW8(a *avx512QuantizeArgs)

//go:noescape
func avx512QuantizeF16(dst *uint16, src *float32, n int)

// avx512CallQuantize runs the Quantize kernel for the code width and
// symmetry.
func avx512CallQuantize(bits int, sym bool, a *avx512QuantizeArgs) {
	switch {
	case bits == 2 && !sym:
		avx512QuantizeW2(a)
	case bits == 2 && sym:
		avx512QuantizeSymW2(a)
	case bits == 3 && !sym:
		avx512QuantizeW3(a)
	case bits == 3 && sym:
		avx512QuantizeSymW3(a)
	case bits == 4 && !sym:
		avx512QuantizeW4(a)
	case bits == 4 && sym:
		avx512QuantizeSymW4(a)
	case bits == 5 && !sym:
		avx512QuantizeW5(a)
	case bits == 5 && sym:
		avx512QuantizeSymW5(a)
	case bits == 6 && !sym:
		avx512QuantizeW6(a)
	case bits == 6 && sym:
		avx512QuantizeSymW6(a)
	case bits == 7 && !sym:
		avx512QuantizeW7(a)
	case bits == 7 && sym:
		avx512QuantizeSymW7(a)
	case bits == 8 && !sym:
		avx512QuantizeW8(a)
	case bits == 8 && sym:
		avx512QuantizeSymW8(a)
	default:
		panic("lowbit: no avx512 Quantize kernel")
	}
}
