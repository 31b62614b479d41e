package mikv

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Layers driven from separate goroutines (and the KV heads of each spread
// over Workers), with Stats, Len and MarshalBinary read meanwhile, give the
// same outputs as one goroutine driving them in turn. Run under -race.
func TestLayersOnSeparateGoroutines(t *testing.T) {
	cfg := DefaultConfig(4, 4, 8, 32)
	cfg.PageSize = 16
	const prompt, steps = 40, 60
	seqs := make([]*seq, cfg.Layers)
	for i := range seqs {
		seqs[i] = randomSeq(rand.New(rand.NewPCG(10, uint64(i))), prompt+steps, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
	}
	serial := newTestCache(t, cfg)
	want := make([][][]float32, cfg.Layers)
	for i := range want {
		want[i] = runSeq(t, serial.Layer(i), seqs[i], prompt)
	}

	cfg.Workers = 3
	c := newTestCache(t, cfg)
	got := make([][][]float32, cfg.Layers)
	var wg sync.WaitGroup
	for i := range cfg.Layers {
		wg.Go(func() { got[i] = runSeq(t, c.Layer(i), seqs[i], prompt) })
	}
	stop := make(chan struct{})
	var watcher sync.WaitGroup
	watcher.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			s := c.Stats()
			assert.LessOrEqual(t, s.Important+s.Retained, s.Tokens*cfg.KVHeads)
			_ = c.Layer(1).Len()
			_, err := c.MarshalBinary()
			assert.NoError(t, err)
		}
	})
	wg.Wait()
	close(stop)
	watcher.Wait()
	for i := range want {
		require.Equal(t, bits(want[i]), bits(got[i]), "layer %d", i)
	}
	assert.Equal(t, serial.Stats(), c.Stats())
}
