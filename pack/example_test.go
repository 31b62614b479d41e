package pack_test

import (
	"fmt"

	"github.com/lowbit-ml/lowbit/pack"
)

func Example() {
	codes := []byte{0, 1, 2, 3, 4, 5, 6, 7} // one group of eight 4-bit codes
	packed := make([]byte, pack.GroupBytes(4, len(codes)))
	pack.Pack(packed, codes, 4)
	fmt.Printf("% x\n", packed)

	back := make([]byte, len(codes))
	pack.Unpack(back, packed, 4)
	fmt.Println(back)
	// Output:
	// 40 51 62 73
	// [0 1 2 3 4 5 6 7]
}
