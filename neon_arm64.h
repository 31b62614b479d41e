// Encodings of the arm64 SIMD instructions that Go's assembler has no
// mnemonic for (vector float arithmetic, conversions, SDOT/UDOT, signed
// widening multiplies). Each macro emits one instruction with WORD; its
// arguments are register numbers (d = destination, n and m = sources), and
// the comment names the instruction. Every encoding was checked once with a
// disassembler (aarch64-linux-gnu-objdump -d on the arm64 test binary, and
// against the GNU assembler's encoding of the same instruction).

// Float, 4 lanes of float32: Vd.4S = op(Vn.4S, Vm.4S).
#define WFADD(d, n, m) WORD $(0x4E20D400 | ((m)<<16) | ((n)<<5) | (d))  // FADD   Vd.4S, Vn.4S, Vm.4S
#define WFSUB(d, n, m) WORD $(0x4EA0D400 | ((m)<<16) | ((n)<<5) | (d))  // FSUB   Vd.4S, Vn.4S, Vm.4S
#define WFMUL(d, n, m) WORD $(0x6E20DC00 | ((m)<<16) | ((n)<<5) | (d))  // FMUL   Vd.4S, Vn.4S, Vm.4S
#define WFMAX(d, n, m) WORD $(0x4E20F400 | ((m)<<16) | ((n)<<5) | (d))  // FMAX   Vd.4S, Vn.4S, Vm.4S
#define WFMIN(d, n, m) WORD $(0x4EA0F400 | ((m)<<16) | ((n)<<5) | (d))  // FMIN   Vd.4S, Vn.4S, Vm.4S
#define WFMLA(d, n, m) WORD $(0x4E20CC00 | ((m)<<16) | ((n)<<5) | (d))  // FMLA   Vd.4S, Vn.4S, Vm.4S (Vd += Vn*Vm, fused)
#define WFMLS(d, n, m) WORD $(0x4EA0CC00 | ((m)<<16) | ((n)<<5) | (d))  // FMLS   Vd.4S, Vn.4S, Vm.4S (Vd -= Vn*Vm, fused)
#define WFCMGE(d, n, m) WORD $(0x6E20E400 | ((m)<<16) | ((n)<<5) | (d)) // FCMGE  Vd.4S, Vn.4S, Vm.4S
#define WFDIV(d, n, m) WORD $(0x6E20FC00 | ((m)<<16) | ((n)<<5) | (d))  // FDIV   Vd.4S, Vn.4S, Vm.4S
#define WFMINP(d, n, m) WORD $(0x6EA0F400 | ((m)<<16) | ((n)<<5) | (d)) // FMINP  Vd.4S, Vn.4S, Vm.4S (pairwise)
#define WFMAXP(d, n, m) WORD $(0x6E20F400 | ((m)<<16) | ((n)<<5) | (d)) // FMAXP  Vd.4S, Vn.4S, Vm.4S (pairwise)
#define WFADDP(d, n, m) WORD $(0x6E20D400 | ((m)<<16) | ((n)<<5) | (d)) // FADDP  Vd.4S, Vn.4S, Vm.4S

// Float by element: Vd.4S op= Vn.4S * Vm.S[i].
#define WFMLAE(d, n, m, i) WORD $(0x4F801000 | (((i)&1)<<21) | ((m)<<16) | (((i)>>1)<<11) | ((n)<<5) | (d)) // FMLA Vd.4S, Vn.4S, Vm.S[i]
#define WFMULE(d, n, m, i) WORD $(0x4F809000 | (((i)&1)<<21) | ((m)<<16) | (((i)>>1)<<11) | ((n)<<5) | (d)) // FMUL Vd.4S, Vn.4S, Vm.S[i]

// Float, one source: Vd.4S = op(Vn.4S).
#define WFNEG(d, n) WORD $(0x6EA0F800 | ((n)<<5) | (d))    // FNEG   Vd.4S, Vn.4S
#define WFABS(d, n) WORD $(0x4EA0F800 | ((n)<<5) | (d))    // FABS   Vd.4S, Vn.4S
#define WFRINTN(d, n) WORD $(0x4E218800 | ((n)<<5) | (d))  // FRINTN Vd.4S, Vn.4S (round to nearest even)
#define WFCVTNS(d, n) WORD $(0x4E21A800 | ((n)<<5) | (d))  // FCVTNS Vd.4S, Vn.4S (to int32, nearest even)
#define WFCVTZS(d, n) WORD $(0x4EA1B800 | ((n)<<5) | (d))  // FCVTZS Vd.4S, Vn.4S
#define WSCVTF(d, n) WORD $(0x4E21D800 | ((n)<<5) | (d))   // SCVTF  Vd.4S, Vn.4S
#define WUCVTF(d, n) WORD $(0x6E21D800 | ((n)<<5) | (d))   // UCVTF  Vd.4S, Vn.4S
#define WFCVTL(d, n) WORD $(0x0E217800 | ((n)<<5) | (d))   // FCVTL  Vd.4S, Vn.4H  (fp16 lanes 0-3 to float32)
#define WFCVTL2(d, n) WORD $(0x4E217800 | ((n)<<5) | (d))  // FCVTL2 Vd.4S, Vn.8H  (fp16 lanes 4-7 to float32)
#define WFCVTN(d, n) WORD $(0x0E216800 | ((n)<<5) | (d))   // FCVTN  Vd.4H, Vn.4S  (to fp16, nearest even; clears lanes 4-7)
#define WFCVTN2(d, n) WORD $(0x4E216800 | ((n)<<5) | (d))  // FCVTN2 Vd.8H, Vn.4S  (to fp16 lanes 4-7)
#define WFADDPS(d, n) WORD $(0x7E30D800 | ((n)<<5) | (d))  // FADDP  Sd, Vn.2S
#define WFMAXV(d, n) WORD $(0x6E30F800 | ((n)<<5) | (d))   // FMAXV  Sd, Vn.4S
#define WFMINV(d, n) WORD $(0x6EB0F800 | ((n)<<5) | (d))   // FMINV  Sd, Vn.4S

// Integer.
#define WCMGT(d, n, m) WORD $(0x4EA03400 | ((m)<<16) | ((n)<<5) | (d))   // CMGT   Vd.4S, Vn.4S, Vm.4S (signed int32 >)
#define WSDOT(d, n, m) WORD $(0x4E809400 | ((m)<<16) | ((n)<<5) | (d))   // SDOT   Vd.4S, Vn.16B, Vm.16B (dotprod)
#define WUDOT(d, n, m) WORD $(0x6E809400 | ((m)<<16) | ((n)<<5) | (d))   // UDOT   Vd.4S, Vn.16B, Vm.16B (dotprod)
#define WUSHL(d, n, m) WORD $(0x6E204400 | ((m)<<16) | ((n)<<5) | (d))   // USHL   Vd.16B, Vn.16B, Vm.16B (per-byte shift, negative = right)
#define WSMULL(d, n, m) WORD $(0x0E20C000 | ((m)<<16) | ((n)<<5) | (d))  // SMULL  Vd.8H, Vn.8B, Vm.8B
#define WSMULL2(d, n, m) WORD $(0x4E20C000 | ((m)<<16) | ((n)<<5) | (d)) // SMULL2 Vd.8H, Vn.16B, Vm.16B
#define WADDP8H(d, n, m) WORD $(0x4E60BC00 | ((m)<<16) | ((n)<<5) | (d)) // ADDP   Vd.8H, Vn.8H, Vm.8H
#define WSMLAL2(d, n, m) WORD $(0x4E208000 | ((m)<<16) | ((n)<<5) | (d)) // SMLAL2 Vd.8H, Vn.16B, Vm.16B
#define WMUL8H(d, n, m) WORD $(0x4E609C00 | ((m)<<16) | ((n)<<5) | (d))  // MUL    Vd.8H, Vn.8H, Vm.8H
#define WSADDLP(d, n) WORD $(0x4E602800 | ((n)<<5) | (d))                // SADDLP Vd.4S, Vn.8H
#define WSADALP(d, n) WORD $(0x4E606800 | ((n)<<5) | (d))                // SADALP Vd.4S, Vn.8H
#define WSXTL(d, n) WORD $(0x0F08A400 | ((n)<<5) | (d))                  // SXTL   Vd.8H, Vn.8B
#define WSXTL2(d, n) WORD $(0x4F08A400 | ((n)<<5) | (d))                 // SXTL2  Vd.8H, Vn.16B
#define WSXTL4S(d, n) WORD $(0x0F10A400 | ((n)<<5) | (d))                // SXTL   Vd.4S, Vn.4H
#define WSXTL4S2(d, n) WORD $(0x4F10A400 | ((n)<<5) | (d))               // SXTL2  Vd.4S, Vn.8H

// Bytes, 16 lanes (for macros that take register numbers).
#define WTBL1(d, n, m) WORD $(0x4E000000 | ((m)<<16) | ((n)<<5) | (d)) // TBL Vd.16B, {Vn.16B}, Vm.16B
#define WTBL2(d, n, m) WORD $(0x4E002000 | ((m)<<16) | ((n)<<5) | (d)) // TBL Vd.16B, {Vn.16B, Vn+1.16B}, Vm.16B
#define WAND(d, n, m) WORD $(0x4E201C00 | ((m)<<16) | ((n)<<5) | (d))  // AND Vd.16B, Vn.16B, Vm.16B
#define WORR(d, n, m) WORD $(0x4EA01C00 | ((m)<<16) | ((n)<<5) | (d))  // ORR Vd.16B, Vn.16B, Vm.16B
#define WSUB4S(d, n, m) WORD $(0x6EA08400 | ((m)<<16) | ((n)<<5) | (d)) // SUB Vd.4S, Vn.4S, Vm.4S
#define WADDP4S(d, n, m) WORD $(0x4EA0BC00 | ((m)<<16) | ((n)<<5) | (d)) // ADDP Vd.4S, Vn.4S, Vm.4S
#define WCMTST4S(d, n, m) WORD $(0x4EA08C00 | ((m)<<16) | ((n)<<5) | (d)) // CMTST Vd.4S, Vn.4S, Vm.4S
#define WUSHR4S31(d, n) WORD $(0x6F210400 | ((n)<<5) | (d))                 // USHR  Vd.4S, Vn.4S, #31
#define WXTN4H(d, n) WORD $(0x0E612800 | ((n)<<5) | (d))                     // XTN   Vd.4H, Vn.4S
#define WBIT(d, n, m) WORD $(0x6EA01C00 | ((m)<<16) | ((n)<<5) | (d))  // BIT Vd.16B, Vn.16B, Vm.16B (Vd takes Vn's bits where Vm is 1)

// ---- Macros of the code kernels (neon_dot, neon_dotq8, neon_addweighted,
// neon_dequantize): codes one per byte at R1, query rows counted in R11 ----

// CODE_ARGS loads the arguments that every code kernel has first: the codes
// (R1), rows (R2), groups per row (R3) and codes per group (R4).
#define CODE_ARGS \
	MOVD codes+8(FP), R1 \
	MOVD rows+16(FP), R2 \
	MOVD groups+24(FP), R3 \
	MOVD group+32(FP), R4

// EACHX(M0, M1, M2, M3, end) runs M0, then M1, M2 and M3 while the call has
// that many query (weight) rows (R11: 1 to 4), and falls through to end.
#define EACHX(M0, M1, M2, M3, end) \
	M0 \
	CMP $1, R11 \
	BEQ end \
	M1 \
	CMP $2, R11 \
	BEQ end \
	M2 \
	CMP $3, R11 \
	BEQ end \
	M3

// VZERO4 clears four vector registers.
#define VZERO4(a, b, c, d) \
	VEOR a.B16, a.B16, a.B16 \
	VEOR b.B16, b.B16, b.B16 \
	VEOR c.B16, c.B16, c.B16 \
	VEOR d.B16, d.B16, d.B16

// WIDEN32_INIT loads the TBL indices of WIDEN32 (neonConsts+112: bytes 0-3,
// 4-7, 8-11, 12-15 to uint32 lanes) into V12-V15; uses R16.
#define WIDEN32_INIT \
	MOVD $·neonConsts+112(SB), R16 \
	VLD1 (R16), [V12.B16, V13.B16, V14.B16, V15.B16]

// TBL4(I0, I1, I2, I3, S, D0, D1, D2, D3) spreads bytes 0-3, 4-7, 8-11 and
// 12-15 of S to the uint32 lanes of D0-D3 (TBL with the indices in I0-I3);
// UCVTF4(d) converts the uint32 lanes of Vd to Vd+3 to float32.
#define TBL4(I0, I1, I2, I3, S, D0, D1, D2, D3) \
	VTBL I0.B16, [S.B16], D0.B16 \
	VTBL I1.B16, [S.B16], D1.B16 \
	VTBL I2.B16, [S.B16], D2.B16 \
	VTBL I3.B16, [S.B16], D3.B16

#define UCVTF4(d) \
	WUCVTF(d, d) \
	WUCVTF(d+1, d+1) \
	WUCVTF(d+2, d+2) \
	WUCVTF(d+3, d+3)

// WIDEN32 loads the next 32 codes from R1 (post-incremented) into V28 and
// V29 and widens them to float32 in V0-V7, four codes a register in order:
// 8 TBL to uint32 lanes, 8 UCVTF.
#define WIDEN32 \
	VLD1.P 32(R1), [V28.B16, V29.B16] \
	TBL4(V12, V13, V14, V15, V28, V0, V1, V2, V3) \
	TBL4(V12, V13, V14, V15, V29, V4, V5, V6, V7) \
	UCVTF4(0) \
	UCVTF4(4)

// GROUP_SCALE loads the group's fp16 scale (at R14, post-incremented) into
// S as float32 and, unless the format is symmetric (R19 = 0: branch to
// sym), its min (at R15) into M; uses R24.
#define GROUP_SCALE(S, M, sym) \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, S \
	FCVTHS S, S \
	CBZ R19, sym \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, M \
	FCVTHS M, M

// GROUP_ROW_END(G0, G1, G2, G3) ends a group of the Dot and DotQ8 code
// kernels (scale and shift in V30 lanes 0 and 1 once the shift is in V31:
// the group's step Gj for each query row j, the per-group sums at R21
// stepped, R20 groups left) and, after the last group, the row (ROWX for
// each query row from R0 on, R0 stepped to the next row's output).
#define GROUP_ROW_END(G0, G1, G2, G3) \
gshift: \
	VMOV V31.S[0], V30.S[1] \
	MOVD R21, R24 \
	EACHX(G0, G1, G2, G3, groupend) \
groupend: \
	ADD $4, R21 \
	SUBS $1, R20 \
	BNE group \
	MOVD R0, R24 \
	EACHX(ROWX(24), ROWX(25), ROWX(26), ROWX(27), rowend) \
rowend: \
	ADD $4, R0

// ROWX adds the sum of the lanes of one query row's accumulator r (a
// register number) to the float32 at R24, then moves R24 to the next query
// row's output (R13: the stride).
#define ROWX(r) \
	WFADDP(r, r, r) \
	WFADDPS(r, r) \
	FMOVS (R24), F28 \
	WFADD(28, 28, r) \
	FMOVS F28, (R24) \
	ADD R13, R24

// ---- exp (neon_softmax, neon_attention) ----

// EXP4(V, v): V = exp(V - max) (v: V's number) with the steps of exp32, 0 below
// expMinX; constants in V19 (max) and V20-V30, temporaries V4-V7.
#define EXP4(V, v) \
	WFSUB(v, v, 19) \
	WFCMGE(4, v, 20) \
	WFMUL(5, v, 21) \
	WFRINTN(5, 5) \
	WFMLS(v, 5, 22) \
	WFMLS(v, 5, 23) \
	VORR V25.B16, V25.B16, V6.B16 \
	WFMLA(6, 24, v) \
	VORR V26.B16, V26.B16, V7.B16 \
	WFMLA(7, 6, v) \
	VORR V27.B16, V27.B16, V6.B16 \
	WFMLA(6, 7, v) \
	VORR V28.B16, V28.B16, V7.B16 \
	WFMLA(7, 6, v) \
	VORR V29.B16, V29.B16, V6.B16 \
	WFMLA(6, 7, v) \
	WFMUL(7, v, v) \
	WFADD(v, v, 30) \
	WFMLA(v, 6, 7) \
	WFCVTZS(5, 5) \
	VSHL $23, V5.S4, V5.S4 \
	VADD V31.S4, V5.S4, V5.S4 \
	WFMUL(v, v, 5) \
	VAND V4.B16, V.B16, V.B16

// EXP4_INIT(Ra, Rb) loads the constants of EXP4 into V20-V31 (uses Ra, Rb).
#define EXP4_INIT(Ra, Rb) \
	MOVD $·neonExpConsts(SB), Ra \
	VLD1R.P 4(Ra), [V20.S4] \
	VLD1R.P 4(Ra), [V21.S4] \
	VLD1R.P 4(Ra), [V22.S4] \
	VLD1R.P 4(Ra), [V23.S4] \
	VLD1R.P 4(Ra), [V24.S4] \
	VLD1R.P 4(Ra), [V25.S4] \
	VLD1R.P 4(Ra), [V26.S4] \
	VLD1R.P 4(Ra), [V27.S4] \
	VLD1R.P 4(Ra), [V28.S4] \
	VLD1R.P 4(Ra), [V29.S4] \
	VLD1R.P 4(Ra), [V30.S4] \
	MOVW $0x3f800000, Rb \
	VDUP Rb, V31.S4
