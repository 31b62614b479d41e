//go:build !race

package mikv

// raceDetector reports whether the tests run under -race: the long
// single-goroutine tests skip there (they have no concurrency to check).
const raceDetector = false
