package parallel

import "testing"

func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, 2, 100} {
		hits := make([]int, n)
		For(n, func(i int) { hits[i]++ })
		for i, h := range hits {
			if h != 1 {
				t.Fatalf("n=%d: fn(%d) ran %d times", n, i, h)
			}
		}
	}
}
