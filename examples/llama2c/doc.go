// Package llama2c runs llama2.c checkpoints (Karpathy's tinyllamas and
// anything exported in the legacy format) on lowbit: an integration example
// for authors of Go inference runtimes.
//
// It shows the three places lowbit fits in a transformer:
//
//   - weight matrices stored in any lowbit format (float32, fp16, or 8-/4-bit
//     codes via package tensor), multiplied with lowbit.Dot, several tokens
//     per call during prefill;
//   - the KV cache and attention of every layer behind the Attention
//     interface: Exact (float32, the reference) or a mikv cache
//     with any policy;
//   - teacher-forced evaluation: Prefill with logits for every token, so a
//     cache policy's next-token distributions can be compared with the
//     exact ones.
//
// The forward pass is llama2.c's: RMSNorm, rotary position embedding on
// interleaved pairs, grouped-query attention, SwiGLU feed-forward, and an
// output classifier that may share the token embedding. No tokenizer ships
// with the example: it works with token ids (1 is BOS).
//
// Load and Read treat a checkpoint as untrusted input: bad headers are
// errors, and they allocate in proportion to their input (see ReadSlack).
//
// The command in cmd/llama2c generates tokens greedily and reports tokens
// per second, with a checkpoint of the llama2.c project's tinyllamas (such
// as stories260K.bin; -model defaults to $LOWBIT_MODEL):
//
//	go run ./examples/llama2c/cmd/llama2c -model stories260K.bin -n 256
package llama2c
