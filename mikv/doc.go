// Package mikv is the MiKV mixed-precision KV cache (Yang et al., "No Token
// Left Behind: Reliable KV Cache Compression via Importance-Aware Mixed
// Precision Quantization", arXiv:2402.18096), built on lowbit's kernels.
//
// An eviction policy such as H2O keeps the tokens that received the most
// attention (heavy hitters) and the most recent ones, and drops the rest.
// MiKV keeps the rest too, at low precision: per layer and KV head the cache
// has an important tier (fp16 by default) and a retained tier (2-bit codes
// with fp16 scale and min per group of HeadDim/2 by default), and attention
// reads both.
//
// # Algorithm
//
// Prefill computes exact causal attention over the prompt, the attention
// each key received summed over every query and every query head that
// shares its KV head, and the channel balancer b_c = sqrt(max|q_c| /
// max|k_c|) per KV head and channel (the queries of the group pooled). The
// important tier keeps ⌊Ratio·n⌋ tokens: the most recent RecentShare of
// them, the first Sinks tokens, and the best-ranked of the rest; every other
// token is quantized into the retained tier, keys as Quant(k ⊙ b).
//
// Each Decode step appends the token to the important tier, scores the
// query against both tiers (against q ⊘ b for the retained keys), runs one
// softmax over all tokens and sums the values of both tiers with those
// weights. It adds the step's attention to the important tokens' scores
// and, while the important tier is over ⌊Ratio·n⌋, moves its lowest-ranked
// token outside the sinks and the recent window into the retained tier
// (after this step has read it at full precision). A demoted token is
// never promoted back. The budget follows n as the sequence grows.
//
// Choices the paper leaves open, made here: scores of a KV head are summed
// over its query heads; the recent window is half the budget; the budget
// is recomputed from the current length at every step; the balancer is
// frozen when the first key is stored in a 2-8 bit format (at Prefill, for
// a prompt longer than the budget), from every query and key seen until
// then, and clamped to [1/1024, 1024] (channels with a zero maximum get 1)
// and to at most 65504 over the channel's largest key seen, so that every
// key seen before the freeze fits fp16 once balanced; a later key that
// would not fit is refused with ErrInput naming its channel;
// keys stored in 2-8 bits are balanced in either tier (an int8 or int4
// important tier suffers from outlier channels too), fp16 and float32 keys
// are stored as they are. With Int8Queries, quantized keys are scored by
// lowbit.DotQ8 against the query quantized to int8 per block of 32, as
// ggml scores its quantized caches; with Int8Weights, the retained tier's
// quantized values are summed by lowbit.AddWeightedQ8 with the attention
// weights rounded to int8 per block of 64 tokens.
//
// # Baselines and beyond the paper
//
// The same code runs the paper's baselines: Evict drops the demoted tokens
// (H2O), Ratio 1 is the full-precision cache and Ratio 0 uniform
// round-to-nearest at the retained formats. Each tier's key and value
// formats are set independently, from every lowbit.Format; Selection ranks
// tokens by accumulated attention (H2O, the default), normalized attention
// (ZipCache), recency only or a seeded random draw.
//
// # Rotation before quantization
//
// Config.Rotation (QuaRot's idea, as ik_llama.cpp and llama.cpp rotate
// their quantized caches) applies an orthonormal transform R to the keys,
// and with Rotation.Values to the values, of every tier stored in 2 to 8
// bits: the Walsh–Hadamard transform in blocks of the largest power of two
// dividing HeadDim, or a HeadDim×HeadDim orthogonal matrix drawn from a
// seed. It composes with the balancer, which comes first: such a tier
// stores Quant(R(k ⊙ b)) and is scored with R(q ⊘ b), computed once per
// step (q·k is unchanged under an orthonormal R); with values it stores
// Quant(R v), and the part of the output from such tiers is summed apart
// in the flash-decoding merge and rotated back (Rᵀ) once per step before
// the other tiers' part is added, so the results stay bit-identical for
// any number of workers. A token demoted from an fp16 tier into a rotated
// one is rotated on the way (head.convert). Since R can gather a row's
// mass into one channel, a rotated tier accepts inputs of at most
// 65504/√B (B the block, HeadDim for a random matrix), and refuses larger
// ones with ErrInput. Rotation is one setting for the whole cache.
//
// # Storage
//
// Each tier is a list of pages of PageSize tokens. Appending fills the last
// page, so the cache is never copied; a demotion moves the important tier's
// last token into the freed slot. Stats reports the bytes of codes, scales
// and bookkeeping apart, and the paper's size as a share of an fp16 cache.
//
// Attention runs per split: a page, or 1024 tokens of a larger one. A split
// calls lowbit.Dot or lowbit.DotQ8 once (all query heads of a KV head in
// one pass over its keys), takes each query row's softmax over its own
// tokens, and calls lowbit.AddWeighted once; the splits' outputs are then
// merged with their maxima and sums (flash-decoding), exactly up to float
// rounding. With Config.Workers above 1, the splits of every KV head run
// on a cache's persistent helpers and the caller; the split points depend
// on the pages only and the merge runs in split order, so the results are
// bit-identical for any number of workers. A KV head that holds at most
// 1024 tokens over both tiers runs its pass as one task instead (a joint
// pass): every split's scores, one softmax per query row over all of
// them, and each split's lowbit.AddWeighted straight into the output, with
// no merge; at a few hundred tokens a split's fixed costs (a softmax per
// row and split, the merge) weigh as much as the kernels' work.
//
// MarshalBinary and UnmarshalBinary save and restore a whole cache,
// bit-exactly, with a versioned header and a CRC-32C checksum; a restored
// cache allocates for the tokens it holds.
//
// # Operations for a runtime
//
// Layer.DecodeBatch appends several tokens in one pass over the cache with
// a causal mask among them (speculative verification, chunked prefill;
// Prefill on a non-empty layer is DecodeBatch). Layer.Append stores tokens
// without attending with them, in O(n), for a runtime that computed
// attention itself: it takes the tokens' importance (the attention they
// received) and queries if the caller has them, zero importance if not. Truncate drops the tokens
// from a position on (rejected drafts, a context shift). Cache.Clone
// copies a cache in O(pages touched): the copies share their pages and
// each copies a page when it first writes it (prompt caching, branches,
// beams, an exact checkpoint before speculative tokens); ClonePrefix
// keeps only a prefix. A Pool hands out the caches of many sequences with
// one configuration and one memory budget: a call that would exceed it
// returns ErrBudget and changes nothing.
//
// # Attention variants and per-layer policies
//
// Config.Scale replaces 1/sqrt(HeadDim); SoftCap caps every score s as
// cap·tanh(s/cap) (Gemma 2); a LayerPolicy's SinkLogits add a learned
// logit per query head to the softmax's denominator (gpt-oss); Window
// makes a layer a
// sliding-window layer whose tokens too old for every later query are
// dropped, not quantized; Recent fixes the recent window to a token count
// (HF's residual_length). Config.PerLayer (built with WithLayers) gives a
// layer its own tiers, budget, window, variant and sink logits: first and last layers
// at higher precision, alternating local and global layers.
package mikv
