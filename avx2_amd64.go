//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx2Impl is the AVX2 (+FMA, F16C) kernel set, hand-written Go assembly
// in avx2_*_amd64.s with the unpack macros shared in avx2_amd64.h (whole
// blocks of 32 codes) and avx2_tail_amd64.h (a group's last block of 8, 16
// or 24 codes):
//
//   - every kernel family runs assembly on fp16, float32 and every code
//     format: every width, every group (a multiple of 8), every row width;
//     only DotQ8 on groups of more than 4096 values runs the generic
//     kernel, as Accelerated reports;
//   - in groups that are a multiple of 32, Dot and DotQ8 of one query row
//     run unit kernels (a unit is one group of one row; eight units are
//     scaled and stored at once) on rows of 1, 2, 4 or 8k groups (k <=
//     32), several query rows go four at a time through row kernels that
//     unpack each block of codes once for all of them (GQA);
//   - Dot and AddWeighted on other groups (8, 16, 24, 40, …), and Dot of
//     one query on rows the unit kernels do not serve, run the lane kernels
//     (avx2_lane_amd64.h: the group's scale and shift broadcast to every
//     lane, a chunk of eight codes dequantized by one FMA, or one query's
//     products summed per group and scaled once), 1 to 4 query or weight
//     rows per pass; AddWeighted of one weight row on 2-, 4- and 8-bit
//     codes takes two rows per pass (one load and store of y for both);
//   - DotQ8 of one query row on 2- and 4-bit codes runs, in groups of 8
//     and 16, lane kernels whose query is permuted to the codes' byte
//     order (one exact int sum per group, eight groups per vector, eight
//     rows stored at once), and on rows that are one group, kernels whose
//     lanes are eight rows; DotQ8 otherwise, Quantize and Dequantize run the
//     block kernels with a last, short block per group;
//   - AddWeighted of two or more weight rows on fp16 and float32 rows of a
//     multiple of 32 values and on codes in groups that are a multiple of
//     32 runs the strip kernels (avx2_addweighted_strip_amd64.s: the sums
//     of 32 or 16 columns stay in registers over the rows);
//   - Quantize, Dequantize and QuantizeQ8 give the generic kernels' bits;
//   - Attention runs its tiles in assembly (avx2_attention_amd64.s);
//   - Hadamard runs blocks of 8 values or more in assembly
//     (avx2_hadamard_amd64.s), blocks of 1, 2 and 4 in the generic code.
var avx2Impl = &Implementation{
	name: "avx2",
	k: kernels{
		dot:           dotAVX2,
		dotQ8:         dotQ8AVX2,
		quantizeQ8:    quantizeQ8AVX2,
		addWeighted:   addWeightedAVX2,
		addWeightedQ8: addWeightedQ8Generic,
		quantize:      quantizeAVX2,
		dequantize:    dequantizeAVX2,
		softmax:       softmaxAVX2,
		attention:     attnAVX2,
		hadamard:      hadamardAVX2,
	},
	accelerated: avx2Accelerated,
}

// avx2Accelerated reports which kernels and formats run AVX2 assembly:
// all of them but DotQ8 on groups of more than 4096 values, and
// AddWeightedQ8 on codes (Softmax, Attention and Hadamard, on float32
// only, always).
func avx2Accelerated(k Kernel, f Format) bool {
	switch {
	case !f.Quantized():
		return true
	case k == KernelAddWeightedQ8:
		return false // not yet in AVX2: the generic code runs
	}
	return k != KernelDotQ8 || avx2DotQ8Blocks(f)
}

// avx2Blocks reports whether f's groups are whole blocks of 32 codes (the
// block kernels); other groups run the lane and tail kernels.
func avx2Blocks(f Format) bool { return f.Group%32 == 0 }

// avx2Codes reports whether the quantized kernels run f in assembly: every
// code format.
func avx2Codes(Format) bool { return true }

// avx2Passes runs the nq query rows of q (Dot's []float32 or DotQ8's *Q8)
// against the rows of r, into out (cleared first), four at a time: a lone
// query row j through units (if not nil), which takes the first rows it
// can serve and returns how many, and the rest through rows.
func avx2Passes[Q any](out []float32, r Rows, q Q, nq int,
	units func(out []float32, r Rows, q Q, j int) int,
	rows func(out []float32, stride int, r Rows, q Q, j0, qn int)) {
	n := r.Len()
	clear(out)
	if n == 0 {
		return
	}
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		done := 0
		if qn == 1 && units != nil {
			done = units(out[j0*n:(j0+1)*n], r, q, j0)
		}
		if done < n {
			rows(out[j0*n+done:], n, r.Slice(done, n), q, j0, qn)
		}
	}
}

// Chunking of the row kernels: a call to assembly covers at most
// avx2ChunkGroups groups of each row (so per-group tables fit on the
// stack) and avx2ChunkRows rows (so that a long call returns to Go now
// and then).
const (
	avx2ChunkGroups = 64
	avx2ChunkRows   = 1 << 14
)

// avx2Walk is the part of a quantized row kernel's arguments that walks rows
// and groups of codes: the assembly reads it through the offsets that
// go_asm.h defines (avx2Walk_data, …), and every kernel's argument struct
// embeds it as its first field. The pointers are the chunk's first group
// in its first row.
type avx2Walk struct {
	data       unsafe.Pointer // codes
	scales     unsafe.Pointer // fp16 scales
	shifts     unsafe.Pointer // fp16 mins, or the scales again for symmetric formats
	rows       int            // rows in the chunk (> 0)
	groups     int            // groups per row in the chunk (> 0)
	kEnd       int            // 4 × blocks of 32 per group
	groupBytes int            // code bytes per group
	off2, off3 int            // offsets of the second and third bit planes in a group
	rowSkip    int            // code bytes from the end of a row's chunk to the next row's
	scaleSkip  int            // likewise in bytes of scales and shifts
}

// newAVX2Walk returns the walk over rows [i0, i1) and groups [g0, g1) of r,
// reading shifts (r.Mins, or r.Scales when symmetric) beside the scales.
func newAVX2Walk(r Rows, shifts []uint16, i0, i1, g0, g1 int) (w avx2Walk) {
	w.set(r, shifts, i0, i1, g0, g1)
	return w
}

// set makes w the walk of newAVX2Walk in place: a kernel's argument block
// built field by field and never copied as a whole, because a copy's wide
// loads of fields just stored one by one stall on store forwarding (the
// hottest Go instructions of a one-row Quantize before; see Rows).
func (w *avx2Walk) set(r Rows, shifts []uint16, i0, i1, g0, g1 int) {
	f := r.Format
	rb, gb, groups := f.RowBytes(r.Cols), f.Group*f.Bits/8, f.Groups(r.Cols)
	// The second and third planes in pack's order (widest first), which
	// the assembly reads at R8 and R9: the 1-bit plane of widths 3 and 5,
	// the 2-bit plane of widths 6 and 7, and the 1-bit plane of width 7.
	off2, off3 := pack.PlaneOffsets(f.Bits, f.Group)
	if off2 == 0 {
		off2, off3 = off3, 0
	}
	gi := i0*groups + g0
	w.data = unsafe.Pointer(&r.Data[i0*rb+g0*gb])
	w.scales = unsafe.Pointer(&r.Scales[gi])
	w.shifts = unsafe.Pointer(&shifts[gi])
	w.rows, w.groups = i1-i0, g1-g0
	w.kEnd, w.groupBytes = f.Group/8, gb
	w.off2, w.off3 = off2, off3
	w.rowSkip = rb - (g1-g0)*gb
	w.scaleSkip = 2 * (groups - (g1 - g0))
}
