package report

import (
	"strings"

	"github.com/clipperhouse/displaywidth"
)

// Terminal output is measured in display cells, not runes: a CJK character
// or an emoji takes two cells, a combining accent none. These functions are
// the one place that knows it; they expect text already on one line
// (sanitizeLine) and without colour codes.

// cells is the number of terminal cells s takes.
func cells(s string) int { return displaywidth.String(s) }

// cutCells shortens s to at most n cells, ending in an ellipsis when it
// had to cut; whole characters (grapheme clusters) only.
func cutCells(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if cells(s) <= n {
		return s
	}
	var out string
	if isASCII(s) {
		out = s[:n-1]
	} else {
		out = displaywidth.TruncateString(s, n-1, "")
	}
	return strings.TrimRight(out, " ") + "…"
}

// padCells pads s with spaces to n cells, on the right when left is true
// (left-aligned text), else on the left.
func padCells(s string, n int, left bool) string {
	pad := n - cells(s)
	if pad <= 0 {
		return s
	}
	if left {
		return s + strings.Repeat(" ", pad)
	}
	return strings.Repeat(" ", pad) + s
}

// wrapCells breaks text into lines of at most n cells at spaces; a word
// longer than a line is cut with an ellipsis rather than broken.
func wrapCells(text string, n int) []string {
	var lines []string
	var line strings.Builder
	lineCells := 0
	for _, w := range strings.Fields(text) {
		wc := cells(w)
		if wc > n {
			w, wc = cutCells(w, n), n
		}
		if lineCells > 0 && lineCells+1+wc > n {
			lines = append(lines, line.String())
			line.Reset()
			lineCells = 0
		}
		if lineCells > 0 {
			line.WriteByte(' ')
			lineCells++
		}
		line.WriteString(w)
		lineCells += wc
	}
	if lineCells > 0 || len(lines) == 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// WrapText breaks text into lines of at most width display cells at word
// boundaries, for commands that print prose on a terminal (okrctl rules).
// width 0 or less means one line.
func WrapText(text string, width int) []string {
	text = sanitizeLine(text)
	if width <= 0 {
		return []string{text}
	}
	return wrapCells(text, width)
}

// isASCII reports whether s is printable ASCII, one cell a byte.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
