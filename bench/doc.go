// Command bench measures lowbit on the CPU it runs on and prints one report
// that can be pasted into an issue.
//
// With no arguments (about two minutes):
//
//	go run ./bench
//
// it prints the CPU (brand, family, caches, features) and the kernel
// implementations it can run; a streaming read bandwidth that it measures
// itself; for every kernel family and format, each implementation's speed
// at an L2-sized and a DRAM-sized input (values per ns, GB/s of memory
// traffic, speed-up over generic, share of the measured bandwidth); a
// shape table: the attention kernels (Dot, Dot×4, DotQ8, DotQ8×4,
// AddWeighted) on 4- and 2-bit codes, symmetric or not, over rows of 64,
// 80, 96, 128 and 256 values in every group of 8, 16, 32, 64 and the whole
// row that divides them, as values/ns and as a share of the same kernel on
// rows of 128 in groups of 64, so that every model finds its shape
// (-shapes=false skips it, -shape-cols picks the row lengths); and a MiKV
// decode-attention table. Progress goes to stderr, the report to stdout.
//
// Other modes:
//
//	go run ./bench -json run.json          also write the results as JSON
//	go run ./bench -compare a.json b.json  two runs side by side, as ratios b/a
//	go run ./bench -quick                  a short smoke run
//	go run ./bench -quality -model FILE    cache fidelity on a llama2.c checkpoint
//	go run ./bench -tune -model FILE -budget 0.35
//	                                       the best cache configuration for a memory budget
//
// Run go run ./bench -h for the flags that pick kernels, formats,
// implementations and sizes.
//
// # How it times
//
// Every figure is the median of several samples after a warm-up run; a
// sample repeats the operation until it lasts long enough to be well above
// the timer's resolution. Implementations are timed side by side for each
// kernel, format and size, so that their ratios are comparable even when
// the machine is noisy. Quote ratios, and medians of several runs.
package main
