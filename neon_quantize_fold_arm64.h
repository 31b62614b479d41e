// Body of neonQuantizeCodes (groups a multiple of 16) and, with FOLD_TAIL
// defined, neonQuantizeCodesTail (groups of 16k+8 values, k >= 0: a last
// step of 8) of neon_quantize_arm64.s, included after FOLD_Q_ARGS.

	CBZ R2, qdone
	VDUP V21.S[0], V21.S4
	VDUP V22.S[0], V22.S4
	VDUP R6, V23.B16
	MOVW $0x7f800000, R7  // +Inf
	MOVW $0xff800000, R12 // -Inf
	FMOVS ZR, F25
	LSR $4, R3, R8        // steps of 16 values per group

qgroup:
	VDUP R7, V16.S4
	VDUP R7, V17.S4
	VDUP R12, V18.S4
	VDUP R12, V19.S4
	MOVD R1, R10
#ifdef FOLD_TAIL
	CBZ R8, qminmax8
#endif
	MOVD R8, R11

qminmax:
	VLD1.P 64(R10), [V0.S4, V1.S4, V2.S4, V3.S4]
	WFMIN(16, 16, 0)
	WFMIN(17, 17, 1)
	WFMAX(18, 18, 0)
	WFMAX(19, 19, 1)
	WFMIN(16, 16, 2)
	WFMIN(17, 17, 3)
	WFMAX(18, 18, 2)
	WFMAX(19, 19, 3)
	SUBS $1, R11
	BNE qminmax

#ifdef FOLD_TAIL
qminmax8:	// the last 8 values of a group of 16k+8
	TBZ $3, R3, qreduce
	VLD1 (R10), [V0.S4, V1.S4]
	WFMIN(16, 16, 0)
	WFMIN(17, 17, 1)
	WFMAX(18, 18, 0)
	WFMAX(19, 19, 1)

qreduce:
#endif
	WFMIN(16, 16, 17)
	WFMINV(16, 16)  // F16 = min
	WFMAX(18, 18, 19)
	WFMAXV(18, 18)  // F18 = max
	CBZ R5, qsym
	FSUBS F16, F18, F26   // max - min
	FDIVS F24, F26, F26
	FADDS F25, F26, F26   // + 0: a zero scale is +0
	FADDS F25, F16, F27   // min + 0
	FMOVS F26, R13        // the float32 scale's bits: 0 only for +0
	FCVTSH F26, F26
	FCVTSH F27, F27
	FMOVS F26, R9
	SCALE16
	MOVH.P R9, 2(R4)
	FMOVS R9, F26         // the stored scale
	FMOVS F27, R9
	MOVH.P R9, 2(R5)
	FCVTHS F26, F26       // s as float32
	FCVTHS F27, F27       // m as float32
	B qinv

qsym:
	FNEGS F16, F16
	FMAXS F18, F16, F26   // max(-min, max)
	FDIVS F24, F26, F26
	FADDS F25, F26, F26
	FMOVS F26, R13
	FCVTSH F26, F26
	FMOVS F26, R9
	SCALE16
	MOVH.P R9, 2(R4)
	FMOVS R9, F26
	FCVTHS F26, F26
	FMOVS ZR, F27

qinv:
	FMOVS ZR, F19
	FCMPS F25, F26
	BEQ qzero
	FMOVS $(1.0), F19
	FDIVS F26, F19, F19   // inv = 1/s
qzero:
	VDUP V19.S[0], V19.S4
	VDUP V27.S[0], V20.S4
#ifdef FOLD_TAIL
	CBZ R8, qcodes8
#endif
	MOVD R8, R11

qcodes:
	VLD1.P 64(R1), [V0.S4, V1.S4, V2.S4, V3.S4]
	WFSUB(0, 0, 20)
	WFSUB(1, 1, 20)
	WFSUB(2, 2, 20)
	WFSUB(3, 3, 20)
	WFMUL(0, 0, 19)
	WFMUL(1, 1, 19)
	WFMUL(2, 2, 19)
	WFMUL(3, 3, 19)
	WFMAX(0, 0, 21)
	WFMAX(1, 1, 21)
	WFMAX(2, 2, 21)
	WFMAX(3, 3, 21)
	WFMIN(0, 0, 22)
	WFMIN(1, 1, 22)
	WFMIN(2, 2, 22)
	WFMIN(3, 3, 22)
	WFCVTNS(0, 0)
	WFCVTNS(1, 1)
	WFCVTNS(2, 2)
	WFCVTNS(3, 3)
	VUZP1 V1.H8, V0.H8, V0.H8
	VUZP1 V3.H8, V2.H8, V2.H8
	VUZP1 V2.B16, V0.B16, V0.B16
	VADD V23.B16, V0.B16, V0.B16
	VST1.P [V0.B16], 16(R0)
	SUBS $1, R11
	BNE qcodes

#ifdef FOLD_TAIL
qcodes8:	// the last 8 values of a group of 16k+8
	TBZ $3, R3, qnext
	VLD1.P 32(R1), [V0.S4, V1.S4]
	WFSUB(0, 0, 20)
	WFSUB(1, 1, 20)
	WFMUL(0, 0, 19)
	WFMUL(1, 1, 19)
	WFMAX(0, 0, 21)
	WFMAX(1, 1, 21)
	WFMIN(0, 0, 22)
	WFMIN(1, 1, 22)
	WFCVTNS(0, 0)
	WFCVTNS(1, 1)
	VUZP1 V1.H8, V0.H8, V0.H8
	VUZP1 V0.B16, V0.B16, V0.B16
	VADD V23.B16, V0.B16, V0.B16
	FMOVD.P F0, 8(R0)

qnext:
#endif
	SUBS $1, R2
	BNE qgroup

qdone:
	RET
