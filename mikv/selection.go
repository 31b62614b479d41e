package mikv

// rank returns the key by which policy sel orders an important token at
// position pos with score score, in a KV head holding n tokens: the lowest
// rank is demoted first.
func rank(sel Selection, score float32, pos int32, n int) float64 {
	switch sel {
	case Normalized:
		// Every query from the token's own on has seen it: n - pos of them.
		return float64(score) / float64(n-int(pos))
	case Recency:
		return float64(pos)
	}
	return float64(score) // Accumulated; Random keeps its draw in score
}

// initialScore returns the score a token starts with: its fixed draw for
// Random, zero otherwise.
func initialScore(sel Selection, seed uint64, layer, head int, pos int32) float32 {
	if sel != Random {
		return 0
	}
	x := mix64(seed ^ 0x6d696b76) // "mikv"
	x = mix64(x + uint64(layer))
	x = mix64(x + uint64(head))
	x = mix64(x + uint64(pos))
	return float32(x>>40) / (1 << 24)
}

// mix64 is SplitMix64's finalizer: a bijective, well-mixed hash of x.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// protected reports whether the token at pos stays important whatever its
// rank in a KV head of n tokens: a sink, or inside the recent window.
func protected(pos int32, n, sinks, recent int) bool {
	return int(pos) < sinks || int(pos) >= n-recent
}
