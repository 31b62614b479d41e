// Package pack defines the bit layouts of lowbit's 2- to 8-bit unsigned
// codes. It is the only Go package that knows them; the assembly kernels of
// package lowbit implement the same layouts, taking the planes' places in a
// group from PlaneOffsets, and the known-answer tests here pin them.
//
// # Groups, blocks and planes
//
// A row of values is cut into groups (the values that share one scale, and
// one min unless the format is symmetric). A group of n values (a multiple
// of 8) packs into exactly n*bits/8 bytes. Inside a group the values are cut
// into blocks of 32; the last block may hold 8, 16 or 24 values.
//
// Widths 2, 4 and 8 are primary. The others are bit planes of the primary
// widths, the widest plane holding the lowest code bits:
//
//	3 = 2+1    code = p2 | p1<<2
//	5 = 4+1    code = p4 | p1<<4
//	6 = 4+2    code = p4 | p2<<4
//	7 = 4+2+1  code = p4 | p2<<4 | p1<<6
//
// A group stores its planes one after the other, widest first, and each
// plane stores its blocks in order. A 7-bit group of 64 values:
//
//	byte  0        16       32       40       48  52  56
//	      | p4 blk0 | p4 blk1 | p2 blk0 | p2 blk1 |p1 0|p1 1|
//	        16 B      16 B      8 B      8 B      4 B  4 B   = 56 = 64*7/8
//
// So one unpack routine per plane serves every width, and a kernel reads
// each plane of two adjacent blocks with one load.
//
// # Plane layouts, for a block of m values v0 … v(m-1)
//
// 8 bits: byte j holds v_j.
//
// 4 bits, "split halves": m/2 bytes; byte j holds v_j in its low nibble and
// v_(j+m/2) in its high nibble. For m = 32:
//
//	byte:   0      1      …  15
//	low:    v0     v1     …  v15     (AND 0x0F)
//	high:   v16    v17    …  v31     (shift right 4, AND 0x0F)
//
// 2 bits: m/4 bytes; byte j holds v_j, v_(j+m/4), v_(j+2m/4), v_(j+3m/4) in
// bits 0-1, 2-3, 4-5, 6-7. For m = 32, the 8 bytes read as one 64-bit word w
// give v(8k … 8k+7) = (w >> 2k) & 0x0303030303030303: broadcast, a per-lane
// variable shift and an AND.
//
//	byte:     0    1    …  7
//	bits 0-1: v0   v1   …  v7
//	bits 2-3: v8   v9   …  v15
//	bits 4-5: v16  v17  …  v23
//	bits 6-7: v24  v25  …  v31
//
// 1 bit: m/8 bytes, a little-endian bit mask: bit k%8 of byte k/8 holds v_k.
// For m = 32 it is one 32-bit mask (AVX-512: KMOVD and a masked move).
//
// Scales and mins are not packed here: they are fp16 values stored beside
// the codes, structure-of-arrays (see package lowbit).
package pack
