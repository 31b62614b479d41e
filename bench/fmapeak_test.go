package main

import (
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/internal/fmapeak"
	"github.com/stretchr/testify/assert"
)

// The FMA probe of every implementation this CPU runs returns a rate (an
// assembly loop that did not run would time at almost nothing: the upper
// bound of 1024 lanes per ns is beyond any core; under an emulator the
// rate is tiny but positive).
func TestFMAPeak(t *testing.T) {
	for _, im := range lowbit.Implementations() {
		p := measureFMAPeak(im.Name())
		if _, ok := fmapeak.For(im.Name()); !ok {
			assert.Zero(t, p.LanesPerNs, im.Name())
			continue
		}
		assert.Greater(t, p.LanesPerNs, 0.0, im.Name())
		assert.Less(t, p.LanesPerNs, 1024.0, im.Name())
		t.Logf("%s: %s %.1f FMA lanes/ns", im.Name(), p.Vector, p.LanesPerNs)
	}
}
