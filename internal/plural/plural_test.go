package plural

import "testing"

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 objectives"}, {1, "1 objective"}, {2, "2 objectives"}, {-1, "-1 objectives"}} {
		if got := Of(tc.n, "objective"); got != tc.want {
			t.Errorf("Of(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
