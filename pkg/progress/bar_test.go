package progress_test

import (
	"math"
	"testing"

	"github.com/okrctl/okrctl/pkg/progress"
)

func TestProgressBar(t *testing.T) {
	tests := []struct {
		score        float64
		width        int
		want, wantAS string
	}{
		{0, 10, "░░░░░░░░░░", "[----------]"},
		{0.8, 10, "████████░░", "[########--]"},
		{0.6, 10, "██████░░░░", "[######----]"},
		{0.3, 10, "███░░░░░░░", "[###-------]"}, // 0.3 × 10 is 2.9999999999999996
		{0.7, 10, "███████░░░", "[#######---]"},
		{0.99, 10, "█████████░", "[#########-]"}, // full only when achieved
		{math.Nextafter(1, 0), 10, "█████████░", "[#########-]"},
		{0.05, 10, "░░░░░░░░░░", "[----------]"},
		{1, 10, "██████████", "[##########]"},
		{1.5, 4, "████", "[####]"},
		{-0.5, 4, "░░░░", "[----]"},
		{math.NaN(), 4, "░░░░", "[----]"},
		{math.Inf(1), 4, "████", "[####]"},
		{0.5, 1, "░", "[-]"},
		{0.5, 0, "", "[]"},
		{0.5, -3, "", "[]"},
	}
	for _, tt := range tests {
		if got := progress.ProgressBar(tt.score, tt.width); got != tt.want {
			t.Errorf("ProgressBar(%v, %d) = %q; want %q", tt.score, tt.width, got, tt.want)
		}
		if got := progress.ProgressBarASCII(tt.score, tt.width); got != tt.wantAS {
			t.Errorf("ProgressBarASCII(%v, %d) = %q; want %q", tt.score, tt.width, got, tt.wantAS)
		}
	}
}
