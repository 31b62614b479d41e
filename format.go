package lowbit

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/lowbit-ml/lowbit/pack"
)

// Format says how one row of values is stored.
//
// Bits 2 to 8 store an unsigned code q per value and, per group of Group
// values, an fp16 scale and (unless Symmetric) an fp16 min:
//
//	asymmetric: x = scale*q + min,              scale = (max-min)/(2^Bits-1), min = min(x)
//	symmetric:  x = scale*(q - 2^(Bits-1)),     scale = max|x| / (2^(Bits-1)-1)
//
// The scale and min are rounded to fp16; a positive scale that fp16 would
// round to 0 is stored as the smallest fp16 subnormal (2^-24), so that a
// group whose values differ never comes back as its min alone.
//
// Bits 16 stores IEEE fp16 values and Bits 32 float32 values; both have no
// groups (Group 0) and no scales.
type Format struct {
	Bits      int  // 2…8 (codes), 16 (fp16) or 32 (float32)
	Group     int  // values per scale group for codes: a positive multiple of 8; 0 for fp16 and float32
	Symmetric bool // codes only: store no min, codes are offset by 2^(Bits-1)
}

// F32 stores float32 values unchanged.
var F32 = Format{Bits: 32}

// F16 stores IEEE fp16 values (round to nearest even).
var F16 = Format{Bits: 16}

// Quant returns the asymmetric format of the given code width and group.
func Quant(bits, group int) Format { return Format{Bits: bits, Group: group} }

// SymQuant returns the symmetric (scale-only) format of the given code width
// and group.
func SymQuant(bits, group int) Format { return Format{Bits: bits, Group: group, Symmetric: true} }

// ErrFormat is wrapped by every error about an invalid Format.
var ErrFormat = errors.New("lowbit: invalid format")

// Quantized reports whether f stores codes with scales (Bits 2 to 8).
func (f Format) Quantized() bool { return f.Bits >= pack.MinBits && f.Bits <= pack.MaxBits }

// Validate reports whether f is a format lowbit can store.
func (f Format) Validate() error {
	switch {
	case f.Quantized():
		if f.Group <= 0 || f.Group%8 != 0 {
			return fmt.Errorf("%w: group %d of %d-bit codes is not a positive multiple of 8", ErrFormat, f.Group, f.Bits)
		}
	case f.Bits == 16 || f.Bits == 32:
		if f.Group != 0 || f.Symmetric {
			return fmt.Errorf("%w: %d-bit floats take no group and no symmetric flag", ErrFormat, f.Bits)
		}
	default:
		return fmt.Errorf("%w: %d bits per value (want 2…8, 16 or 32)", ErrFormat, f.Bits)
	}
	return nil
}

// ValidateCols reports whether rows of cols values can be stored in f: f is
// valid, cols is positive and, for codes, a multiple of Group.
func (f Format) ValidateCols(cols int) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if cols <= 0 {
		return fmt.Errorf("%w: %d columns", ErrFormat, cols)
	}
	if f.Quantized() && cols%f.Group != 0 {
		return fmt.Errorf("%w: %d columns are not a multiple of group %d", ErrFormat, cols, f.Group)
	}
	return nil
}

// RowBytes returns the bytes of codes (or of fp16/float32 values) in one row
// of cols values. Scales and mins are stored apart (see Rows).
func (f Format) RowBytes(cols int) int { return cols * f.Bits / 8 }

// Groups returns the number of scale groups in a row of cols values (0 for
// fp16 and float32).
func (f Format) Groups(cols int) int {
	if !f.Quantized() {
		return 0
	}
	if cols >= 0 {
		return quotient(cols, f.Group)
	}
	return cols / f.Group
}

// quotient returns a/b for a >= 0 and b != 0, without a hardware division
// when b is a power of two (every group and most row sizes: a division
// costs tens of cycles, a large share of a call on one row), and with a
// 32-bit one when a and b fit.
func quotient(a, b int) int {
	if b > 0 && b&(b-1) == 0 {
		return a >> bits.TrailingZeros(uint(b))
	}
	if uint(a)|uint(b) <= math.MaxUint32 {
		return int(uint32(a) / uint32(b))
	}
	return a / b
}

// HasMins reports whether f stores a min per group.
func (f Format) HasMins() bool { return f.Quantized() && !f.Symmetric }

// BitsPerValue returns the storage cost of one value including its share of
// the fp16 scale and min: Bits + 16/Group (+ 16/Group for the min).
func (f Format) BitsPerValue() float64 {
	b := float64(f.Bits)
	if f.Quantized() {
		b += 16 / float64(f.Group)
		if !f.Symmetric {
			b += 16 / float64(f.Group)
		}
	}
	return b
}

// String returns the format's name as ParseFormat reads it: "f32", "f16",
// "q4g64" (4-bit asymmetric, groups of 64) or "q4sg64" (symmetric).
func (f Format) String() string {
	switch {
	case f.Quantized() && f.Symmetric:
		return fmt.Sprintf("q%dsg%d", f.Bits, f.Group)
	case f.Quantized():
		return fmt.Sprintf("q%dg%d", f.Bits, f.Group)
	case f.Bits == 16 || f.Bits == 32:
		return fmt.Sprintf("f%d", f.Bits)
	}
	return fmt.Sprintf("Format{Bits: %d, Group: %d, Symmetric: %t}", f.Bits, f.Group, f.Symmetric)
}

// ParseFormat reads a format name written by Format.String and validates it.
func ParseFormat(s string) (Format, error) {
	var f Format
	switch {
	case s == "f32":
		f = F32
	case s == "f16":
		f = F16
	case strings.HasPrefix(s, "q"):
		bits, group, ok := strings.Cut(s[1:], "g")
		if strings.HasSuffix(bits, "s") {
			f.Symmetric = true
			bits = bits[:len(bits)-1]
		}
		b, err1 := strconv.Atoi(bits)
		g, err2 := strconv.Atoi(group)
		if !ok || err1 != nil || err2 != nil {
			return Format{}, fmt.Errorf("%w: cannot read %q (want f32, f16, q<bits>g<group> or q<bits>sg<group>)", ErrFormat, s)
		}
		f.Bits, f.Group = b, g
		if !f.Quantized() {
			return Format{}, fmt.Errorf("%w: %q has %d-bit codes (want 2…8)", ErrFormat, s, b)
		}
	default:
		return Format{}, fmt.Errorf("%w: cannot read %q (want f32, f16, q<bits>g<group> or q<bits>sg<group>)", ErrFormat, s)
	}
	if err := f.Validate(); err != nil {
		return Format{}, err
	}
	return f, nil
}
