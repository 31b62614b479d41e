package pack

import "fmt"

// PlaneColumn returns the value v (0 <= v < n) whose code sits at position
// p of a plane of width w (a width that Planes lists: 8, 4, 2 or 1) in a
// group of n values: the w bits of the plane's byte p*w/8 that start at
// bit p*w%8. So a kernel that reads a plane in place, byte by byte (as the
// generic kernels' tables do), learns which values each byte holds from
// here, without knowing the layout.
func PlaneColumn(w, n, p int) int {
	start := p &^ (BlockLen - 1) // the first value of p's block
	q := p & (BlockLen - 1)
	switch w {
	case 4: // byte q/2 holds values q/2 and q/2 + m/2 of a block of m
		return start + q>>1 + q&1*(blockLen(n, start)>>1)
	case 2: // byte q/4 holds values q/4 + k*m/4
		return start + q>>2 + q&3*(blockLen(n, start)>>2)
	case 8, 1:
		return p
	}
	panic(fmt.Sprintf("pack: no plane of width %d", w))
}
