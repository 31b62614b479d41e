//go:build gc && !purego

// The avx512 attention kernels of scores and values (attnKernels): one
// function per width of a pass, 4, 3, 2 or 1 strips of 16 (bodies
// avx512_attention_scores_amd64.h and avx512_attention_values_amd64.h, the
// microkernel in avx512_attention_amd64.h).

#include "textflag.h"
#include "go_asm.h"
#include "avx512_attention_amd64.h"

// The scores kernels prefetch a line of the next pass's keys a step.
#define PF(o) PREFETCHT0 o(DX)(R13*1)

#define NAME ·avx512AttentionScores4
#define W 4
#define LK LK4
#define FR FR4
#define ZR ZR4
#define SR SR4
#include "avx512_attention_scores_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef ZR
#undef SR

#define NAME ·avx512AttentionScores3
#define W 3
#define LK LK3
#define FR FR3
#define ZR ZR3
#define SR SR3
#include "avx512_attention_scores_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef ZR
#undef SR

#define NAME ·avx512AttentionScores2
#define W 2
#define LK LK2
#define FR FR2
#define ZR ZR2
#define SR SR2
#include "avx512_attention_scores_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef ZR
#undef SR

#define NAME ·avx512AttentionScores1
#define W 1
#define LK LK1
#define FR FR1
#define ZR ZR1
#define SR SR1
#include "avx512_attention_scores_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef ZR
#undef SR

// The values kernels do not prefetch (see avx512_attention_values_amd64.h).
#undef PF
#define PF(o)

#define NAME ·avx512AttentionValues4
#define W 4
#define LK LK4
#define FR FR4
#define MR MR4
#define SR SR4
#include "avx512_attention_values_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef MR
#undef SR

#define NAME ·avx512AttentionValues3
#define W 3
#define LK LK3
#define FR FR3
#define MR MR3
#define SR SR3
#include "avx512_attention_values_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef MR
#undef SR

#define NAME ·avx512AttentionValues2
#define W 2
#define LK LK2
#define FR FR2
#define MR MR2
#define SR SR2
#include "avx512_attention_values_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef MR
#undef SR

#define NAME ·avx512AttentionValues1
#define W 1
#define LK LK1
#define FR FR1
#define MR MR1
#define SR SR1
#include "avx512_attention_values_amd64.h"
#undef NAME
#undef W
#undef LK
#undef FR
#undef MR
#undef SR

// func avx512FMAPeak(n int)
//
// n iterations of 16 independent FMA on ZMM registers: the FMA peak of one
// core on 512-bit vectors (2 pipes × 16 lanes where the core has two),
// which BenchmarkAttention measures beside the kernel. Per iteration: 16
// FMA, 2 loop instructions.
TEXT ·avx512FMAPeak(SB), NOSPLIT, $0-8
	MOVQ   n+0(FP), CX
	VPXORD Z0, Z0, Z0
	VPXORD Z1, Z1, Z1
	VPXORD Z2, Z2, Z2
	VPXORD Z3, Z3, Z3
	VPXORD Z4, Z4, Z4
	VPXORD Z5, Z5, Z5
	VPXORD Z6, Z6, Z6
	VPXORD Z7, Z7, Z7
	VPXORD Z8, Z8, Z8
	VPXORD Z9, Z9, Z9
	VPXORD Z10, Z10, Z10
	VPXORD Z11, Z11, Z11
	VPXORD Z12, Z12, Z12
	VPXORD Z13, Z13, Z13
	VPXORD Z14, Z14, Z14
	VPXORD Z15, Z15, Z15
	VPXORD Z16, Z16, Z16
	VPXORD Z17, Z17, Z17

peak:
	VFMADD231PS Z16, Z17, Z0
	VFMADD231PS Z16, Z17, Z1
	VFMADD231PS Z16, Z17, Z2
	VFMADD231PS Z16, Z17, Z3
	VFMADD231PS Z16, Z17, Z4
	VFMADD231PS Z16, Z17, Z5
	VFMADD231PS Z16, Z17, Z6
	VFMADD231PS Z16, Z17, Z7
	VFMADD231PS Z16, Z17, Z8
	VFMADD231PS Z16, Z17, Z9
	VFMADD231PS Z16, Z17, Z10
	VFMADD231PS Z16, Z17, Z11
	VFMADD231PS Z16, Z17, Z12
	VFMADD231PS Z16, Z17, Z13
	VFMADD231PS Z16, Z17, Z14
	VFMADD231PS Z16, Z17, Z15
	DECQ        CX
	JNZ         peak
	VZEROUPPER
	RET
