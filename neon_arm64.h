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
#define WFADDP(d, n, m) WORD $(0x6E20D400 | ((m)<<16) | ((n)<<5) | (d)) // FADDP  Vd.4S, Vn.4S, Vm.4S

// Float by element: Vd.4S op= Vn.4S * Vm.S[i].
#define WFMLAE(d, n, m, i) WORD $(0x4F801000 | (((i)&1)<<21) | ((m)<<16) | (((i)>>1)<<11) | ((n)<<5) | (d)) // FMLA Vd.4S, Vn.4S, Vm.S[i]
#define WFMULE(d, n, m, i) WORD $(0x4F809000 | (((i)&1)<<21) | ((m)<<16) | (((i)>>1)<<11) | ((n)<<5) | (d)) // FMUL Vd.4S, Vn.4S, Vm.S[i]

// Float, one source: Vd.4S = op(Vn.4S).
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
#define WSDOT(d, n, m) WORD $(0x4E809400 | ((m)<<16) | ((n)<<5) | (d))   // SDOT   Vd.4S, Vn.16B, Vm.16B (dotprod)
#define WUDOT(d, n, m) WORD $(0x6E809400 | ((m)<<16) | ((n)<<5) | (d))   // UDOT   Vd.4S, Vn.16B, Vm.16B (dotprod)
#define WUSHL(d, n, m) WORD $(0x6E204400 | ((m)<<16) | ((n)<<5) | (d))   // USHL   Vd.16B, Vn.16B, Vm.16B (per-byte shift, negative = right)
#define WSMULL(d, n, m) WORD $(0x0E20C000 | ((m)<<16) | ((n)<<5) | (d))  // SMULL  Vd.8H, Vn.8B, Vm.8B
#define WSMLAL2(d, n, m) WORD $(0x4E208000 | ((m)<<16) | ((n)<<5) | (d)) // SMLAL2 Vd.8H, Vn.16B, Vm.16B
#define WMUL8H(d, n, m) WORD $(0x4E609C00 | ((m)<<16) | ((n)<<5) | (d))  // MUL    Vd.8H, Vn.8H, Vm.8H
#define WSADDLP(d, n) WORD $(0x4E602800 | ((n)<<5) | (d))                // SADDLP Vd.4S, Vn.8H
#define WSADALP(d, n) WORD $(0x4E606800 | ((n)<<5) | (d))                // SADALP Vd.4S, Vn.8H
#define WSXTL(d, n) WORD $(0x0F08A400 | ((n)<<5) | (d))                  // SXTL   Vd.8H, Vn.8B
#define WSXTL2(d, n) WORD $(0x4F08A400 | ((n)<<5) | (d))                 // SXTL2  Vd.8H, Vn.16B
#define WSXTL4S(d, n) WORD $(0x0F10A400 | ((n)<<5) | (d))                // SXTL   Vd.4S, Vn.4H
#define WSXTL4S2(d, n) WORD $(0x4F10A400 | ((n)<<5) | (d))               // SXTL2  Vd.4S, Vn.8H
