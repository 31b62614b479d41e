// exp32 on 16 lanes, for the avx512 softmax kernels
// (avx512_softmax_amd64.s, avx512_attention_amd64.s): EXP_CONSTS loads its
// constants into Z20-Z30, which EXP reads.

// exp(x) for x <= 0 in z (16 lanes), as exp32: n = roundEven(x*log2 e),
// r = x - n*ln2hi - n*ln2lo, the degree-7 polynomial, times 2^n
// (VSCALEFPS); 0 below expMinX (and for -Inf). Lanes below expMinX are set
// to 0 before the steps, not only after: VSCALEFPS on them would produce
// results below 2^-126, and each such result takes a microcode assist (an
// Intel Xeon ran the attention softmax, whose masked entries are -Inf and
// whose far entries underflow, 4× slower). Scratch: n, p, k.
#define EXP(z, n, p, k) \
	VCMPPS        $1, Z20, z, k;      \
	VXORPS        z, z, k, z;         \
	VMULPS        Z21, z, n;          \
	VRNDSCALEPS   $0, n, n;           \
	VFNMADD231PS  Z22, n, z;          \
	VFNMADD231PS  Z23, n, z;          \
	VMOVAPS       Z24, p;             \
	VFMADD213PS   Z25, z, p;          \
	VFMADD213PS   Z26, z, p;          \
	VFMADD213PS   Z27, z, p;          \
	VFMADD213PS   Z28, z, p;          \
	VFMADD213PS   Z29, z, p;          \
	VMULPS        z, p, p;            \
	VFMADD213PS   z, z, p;            \
	VADDPS        Z30, p, p;          \
	VSCALEFPS     n, p, z;            \
	VXORPS        z, z, k, z

#define EXP_CONSTS \
	VBROADCASTSS ·avx512ExpMinX(SB), Z20; \
	VBROADCASTSS ·avx512Log2e(SB), Z21;   \
	VBROADCASTSS ·avx512Ln2Hi(SB), Z22;   \
	VBROADCASTSS ·avx512Ln2Lo(SB), Z23;   \
	VBROADCASTSS ·avx512ExpP0(SB), Z24;   \
	VBROADCASTSS ·avx512ExpP1(SB), Z25;   \
	VBROADCASTSS ·avx512ExpP2(SB), Z26;   \
	VBROADCASTSS ·avx512ExpP3(SB), Z27;   \
	VBROADCASTSS ·avx512ExpP4(SB), Z28;   \
	VBROADCASTSS ·avx512ExpP5(SB), Z29;   \
	VBROADCASTSS ·avx512One(SB), Z30
