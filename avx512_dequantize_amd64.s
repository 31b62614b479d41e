//go:build gc && !purego

// Dequantize for code formats whose group is a multiple of 32 (one function
// per code width, body avx512_dequantize_amd64.h) and for fp16 rows.

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

// Exact lookup tables: iota*S, then + M (each rounded).
#define XTABLE16 \
	VMULPS Z16, Z10, Z12; \
	VADDPS Z11, Z12, Z12
#define XTABLE32 \
	XTABLE16;             \
	VMULPS Z17, Z10, Z13; \
	VADDPS Z11, Z13, Z13

// The code tables of a.x (iota, less the symmetric offset) into Z16 (and
// Z17).
#define XIOTA16 \
	MOVQ    avx512DotArgs_x(AX), R10; \
	VMOVUPS (R10), Z16
#define XIOTA32 \
	XIOTA16;             \
	VMOVUPS 64(R10), Z17

// Exact conversion: (codes - offset) converted, times S, plus M.
#define XCVT \
	VPSUBD    Z23, Z8, Z8;  \
	VPSUBD    Z23, Z9, Z9;  \
	VCVTDQ2PS Z8, Z8;       \
	VCVTDQ2PS Z9, Z9;       \
	VMULPS    Z10, Z8, Z8;  \
	VMULPS    Z10, Z9, Z9;  \
	VADDPS    Z11, Z8, Z8;  \
	VADDPS    Z11, Z9, Z9

#define XOFF VPBROADCASTD avx512DotArgs_negOff(AX), Z23

#define XDEQ_W2 DEQ_W2
#define XDEQ_W3 DEQ_W3
#define XDEQ_W4 DEQ_W4
#define XDEQ_W5 DEQ_W5
#define XDEQ_W6 CODES_W6; XCVT
#define XDEQ_W7 CODES_W6; CODES_P1; XCVT
#define XDEQ_W8 \
	VPMOVZXBD (DI)(R10*8), Z8;   \
	VPMOVZXBD 16(DI)(R10*8), Z9; \
	XCVT

#define NAME ·avx512DequantizeW2
#define CONSTS CONSTS_W2; XIOTA16
#define TABLES XTABLE16
#define DEQ XDEQ_W2
#include "avx512_dequantize_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ

#define NAME ·avx512DequantizeW3
#define CONSTS CONSTS_W3; XIOTA32
#define TABLES XTABLE32
#define DEQ XDEQ_W3
#include "avx512_dequantize_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ

#define NAME ·avx512DequantizeW4
#define CONSTS CONSTS_W4; XIOTA16
#define TABLES XTABLE16
#define DEQ XDEQ_W4
#include "avx512_dequantize_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ

#define NAME ·avx512DequantizeW5
#define CONSTS CONSTS_W5; XIOTA32
#define TABLES XTABLE32
#define DEQ XDEQ_W5
#include "avx512_dequantize_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ

#define NAME ·avx512DequantizeW6
#define CONSTS CONSTS_W6; XOFF
#define TABLES 
#define DEQ XDEQ_W6
#include "avx512_dequantize_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ

#define NAME ·avx512DequantizeW7
#define CONSTS CONSTS_W7; XOFF
#define TABLES 
#define DEQ XDEQ_W7
#include "avx512_dequantize_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ

#define NAME ·avx512DequantizeW8
#define CONSTS XOFF
#define TABLES 
#define DEQ XDEQ_W8
#include "avx512_dequantize_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ

// func avx512DequantizeF16(dst *float32, src *uint16, n int) converts n
// fp16 values to float32: 32 per step (2 VCVTPH2PS), then masked steps of
// 16 for the rest.
TEXT ·avx512DequantizeF16(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX

loop32:
	CMPQ      CX, $32
	JB        tail
	VCVTPH2PS (SI), Z0
	VCVTPH2PS 32(SI), Z1
	VMOVUPS   Z0, (DI)
	VMOVUPS   Z1, 64(DI)
	ADDQ      $64, SI
	ADDQ      $128, DI
	SUBQ      $32, CX
	JMP       loop32

tail:
	TESTQ       CX, CX
	JZ          done
	MOVL        $-1, R11
	MOVQ        $16, R10
	CMPQ        CX, R10
	CMOVQLT     CX, R10
	BZHIL       R10, R11, R11
	KMOVW       R11, K1
	VMOVDQU16.Z (SI), K1, Y0
	VCVTPH2PS   Y0, Z0
	VMOVUPS     Z0, K1, (DI)
	ADDQ        $32, SI
	ADDQ        $64, DI
	SUBQ        R10, CX
	JMP         tail

done:
	VZEROUPPER
	RET
