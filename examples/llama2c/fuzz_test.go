package llama2c

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzLoad reads arbitrary bytes as a checkpoint, through Read and through
// Load (from a file): neither may panic or allocate beyond its bound (Read
// twice the input plus ReadSlack, Load the input plus ReadSlack and the
// file's bookkeeping), every error wraps ErrCheckpoint, a checkpoint Load
// accepts Read accepts too with the same weights, and a model built from
// accepted weights runs a step (or returns an error).
//
//	go test -run '^$' -fuzz=FuzzLoad ./examples/llama2c
func FuzzLoad(f *testing.F) {
	f.Add(syntheticCheckpoint(true))
	f.Add(syntheticCheckpoint(false))
	good := syntheticCheckpoint(true)
	f.Add(good[:len(good)-4])
	f.Add(append(append([]byte{}, good...), 0, 0, 0, 0))
	f.Add(header(2147483646, 1, 1, 1073741823, 1073741823, 1, 1))
	f.Add(header(2147483646, 1, 1, 1073741823, 1073741823, 8, 1))
	f.Add(header(2048, 5632, 22, 32, 4, 32000, 2048))
	f.Add(append(header(8, 8, 1, 2, 2, -4, 4), make([]byte, 4*400)...))
	path := filepath.Join(f.TempDir(), "model.bin")
	f.Fuzz(func(t *testing.T, data []byte) {
		var wr, wl *Weights
		var errRead, errLoad error
		if a := allocated(func() { wr, errRead = Read(bytes.NewReader(data)) }); a > int64(2*len(data)+ReadSlack) {
			t.Fatalf("Read of %d bytes allocated %d bytes", len(data), a)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if a := allocated(func() { wl, errLoad = Load(path) }); a > int64(len(data)+ReadSlack+smallAlloc) {
			t.Fatalf("Load of %d bytes allocated %d bytes", len(data), a)
		}
		for _, err := range []error{errRead, errLoad} {
			if err != nil && !errors.Is(err, ErrCheckpoint) {
				t.Fatalf("an error that does not wrap ErrCheckpoint: %v", err)
			}
		}
		if errLoad == nil {
			if errRead != nil {
				t.Fatalf("Load accepts what Read rejects: %v", errRead)
			}
			if len(wl.WQ) != len(wr.WQ) || len(wl.Classifier) != len(wr.Classifier) || wl.Config != wr.Config {
				t.Fatalf("Load and Read disagree: %+v, %+v", wl.Config, wr.Config)
			}
		}
		if errRead != nil {
			return
		}
		m, err := NewModel(wr, lowbit.F32)
		if err != nil {
			t.Fatalf("NewModel rejects weights Read accepted: %v", err)
		}
		s, err := m.NewSession(Exact(m.Config))
		if err != nil {
			t.Fatal(err)
		}
		_ = s.Decode(min(BOS, m.Vocab-1), make([]float32, m.Vocab)) // may fail on overflowing weights, must not panic
	})
}
