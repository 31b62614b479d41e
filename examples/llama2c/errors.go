package llama2c

import (
	"fmt"
	"strings"
)

// layerError is an error of one layer's attention during a session step.
// Its text names the package and the layer once, whether the attention's
// own error starts with "llama2c: " (Exact) or another package's name
// ("mikv: "); errors.Is and errors.As see the attention's error.
type layerError struct {
	layer int
	err   error
}

func (e *layerError) Error() string {
	return fmt.Sprintf("llama2c: layer %d: %s", e.layer, strings.TrimPrefix(e.err.Error(), "llama2c: "))
}

func (e *layerError) Unwrap() error { return e.err }

// logitsError is the error for a logits buffer of the wrong length for n
// tokens of a vocabulary of vocab: it may hold the last token's logits or
// every token's, which are the same length for one token.
func logitsError(got, n, vocab int) error {
	if n == 1 {
		return fmt.Errorf("llama2c: logits of %d values for 1 token (want %d)", got, vocab)
	}
	return fmt.Errorf("llama2c: logits of %d values for %d tokens (want %d or %d)", got, n, vocab, n*vocab)
}
