package progress

import (
	"math"
	"strings"
)

// ProgressBar draws score, clamped to [0, 1], as width cells of Unicode
// blocks: ProgressBar(0.8, 10) is "████████░░". A cell is filled only when
// the score covers it whole, so a bar is full only for a score of 1. It
// returns "" for a width below 1.
func ProgressBar(score float64, width int) string {
	if width < 1 {
		return ""
	}
	n := filled(score, width)
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}

// ProgressBarASCII is ProgressBar in pure ASCII, for Markdown and terminals
// without Unicode: ProgressBarASCII(0.6, 10) is "[######----]". width counts
// the cells between the brackets.
func ProgressBarASCII(score float64, width int) string {
	width = max(width, 0)
	n := filled(score, width)
	return "[" + strings.Repeat("#", n) + strings.Repeat("-", width-n) + "]"
}

// filled is the number of whole cells score covers; the epsilon keeps 0.3 ×
// 10 (2.9999999999999996) at three cells.
func filled(score float64, width int) int {
	if math.IsNaN(score) {
		return 0
	}
	score = min(max(score, 0), 1)
	n := min(int(math.Floor(score*float64(width)+epsilon)), width)
	if score < 1 && n == width && n > 0 {
		n-- // only a met target fills the bar
	}
	return n
}
