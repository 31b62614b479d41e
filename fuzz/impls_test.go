package fuzz

import (
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// implementations returns the implementations to compare: every one this
// CPU runs, generic first; or, when LOWBIT_IMPL pins one, generic and that
// one (to fuzz a single code path faster; generic alone checks generic
// against the exact references).
func implementations() []*lowbit.Implementation {
	switch {
	case os.Getenv(lowbit.ImplEnv) == "":
		return lowbit.Implementations()
	case lowbit.Active() == lowbit.Generic():
		return []*lowbit.Implementation{lowbit.Generic()}
	}
	return []*lowbit.Implementation{lowbit.Generic(), lowbit.Active()}
}

// catch runs fn and returns what it panicked with, or nil. Memory faults
// (a read past a guard page) become panics too, so that a faulting
// implementation is reported by name instead of crashing the fuzzer.
func catch(fn func()) (p any) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() { p = recover() }()
	fn()
	return nil
}

// samePanic reports an error unless implementation im panicked exactly as
// generic did: both not at all, or both with the same lowbit message. A
// runtime error (index out of range, a fault) is never acceptable.
func samePanic(im *lowbit.Implementation, generic, got any) error {
	for _, c := range []struct {
		who string
		p   any
	}{{"generic", generic}, {im.Name(), got}} {
		if s, ok := c.p.(string); c.p != nil && (!ok || !strings.HasPrefix(s, "lowbit: ")) {
			return fmt.Errorf("%s panicked with a %T, not a lowbit message: %v", c.who, c.p, c.p)
		}
	}
	if generic != got {
		return fmt.Errorf("%s panicked with %v; generic with %v", im, got, generic)
	}
	return nil
}

// sameError reports an error unless err and generic's error agree (both
// nil or both with the same message).
func sameError(im *lowbit.Implementation, generic, err error) error {
	if (generic == nil) != (err == nil) || generic != nil && generic.Error() != err.Error() {
		return fmt.Errorf("%s returned error %v; generic %v", im, err, generic)
	}
	return nil
}

// fail reports the first of errs that is not nil, with the case (and a
// note on what was checked), and stops the test.
func fail(t *testing.T, c fmt.Stringer, note string, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			if note != "" {
				t.Fatalf("%v: %s: %v", c, note, err)
			}
			t.Fatalf("%v: %v", c, err)
		}
	}
}

// text is a string that fail can print.
type text string

func (s text) String() string { return string(s) }

// cloneRows returns a deep copy of r's slices.
func cloneRows(r lowbit.Rows) lowbit.Rows {
	c := r
	c.Data = append([]byte(nil), r.Data...)
	c.Scales = append([]uint16(nil), r.Scales...)
	c.Mins = append([]uint16(nil), r.Mins...)
	return c
}

// sameRows reports whether a and b hold the same bytes.
func sameRows(a, b lowbit.Rows) bool {
	return slices.Equal(a.Data, b.Data) && slices.Equal(a.Scales, b.Scales) && slices.Equal(a.Mins, b.Mins)
}

// sameBits reports whether a and b hold the same float bits (NaN matching
// NaN), or where they first differ.
func sameBits(a, b []float32) error {
	if len(a) != len(b) {
		return fmt.Errorf("lengths %d and %d", len(a), len(b))
	}
	for i := range a {
		if !sameFloat(a[i], b[i]) {
			return fmt.Errorf("[%d] = %v (%#08x), want %v (%#08x)", i, a[i], bits(a[i]), b[i], bits(b[i]))
		}
	}
	return nil
}

// unchanged reports an error if an implementation changed an input
// (compared bit for bit).
func unchanged(im *lowbit.Implementation, name string, before, after []float32) error {
	for i := range before {
		if bits(before[i]) != bits(after[i]) {
			return fmt.Errorf("%s changed its input %s[%d]: %v -> %v", im, name, i, before[i], after[i])
		}
	}
	return nil
}

// bits returns the bits of v.
func bits(v float32) uint32 { return math.Float32bits(v) }
