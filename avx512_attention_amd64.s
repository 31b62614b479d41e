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
