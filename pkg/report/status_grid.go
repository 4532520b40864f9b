package report

import (
	"bufio"
	"strings"
)

// grid is a table drawn with box-drawing lines, as `okrctl status --wide`
// prints it. Each row is measured once (add), then drawn (row) between a
// top (begin) and a bottom (end): a table of 50,000 rows costs little more
// than writing its text (see BenchmarkStatusFormats).
type grid struct {
	header []string
	left   []bool // per column: left-aligned, else right-aligned
	widths []int  // per column, in display cells
	limits []int  // per column, the width cells are cut to; 0 for none
}

func newGrid(header []string, left []bool) *grid {
	g := &grid{header: header, left: left, widths: make([]int, len(header)), limits: make([]int, len(header))}
	for i, h := range header {
		g.widths[i] = cells(h)
	}
	return g
}

// add measures a row of plain text cells (one line each, no colour codes).
func (g *grid) add(row []string) {
	for i, c := range row {
		if n := cells(c); n > g.widths[i] {
			g.widths[i] = n
		}
	}
}

// total is the width of the drawn table: a space each side of a cell and
// a line between cells and at both ends.
func (g *grid) total() int {
	t := 3*len(g.widths) + 1
	for _, w := range g.widths {
		t += w
	}
	return t
}

// limit cuts column col to n cells.
func (g *grid) limit(col, n int) {
	if n < g.widths[col] {
		g.widths[col], g.limits[col] = n, n
	}
}

func (g *grid) rule(w *bufio.Writer, l, m, r string) {
	w.WriteString(l)
	for i, n := range g.widths {
		if i > 0 {
			w.WriteString(m)
		}
		w.WriteString(strings.Repeat("─", n+2))
	}
	w.WriteString(r + "\n")
}

// begin draws the top line and the header.
func (g *grid) begin(w *bufio.Writer) {
	g.rule(w, "┌", "┬", "┐")
	w.WriteString("│")
	for i, h := range g.header {
		pad := g.widths[i] - cells(h)
		w.WriteString(" " + strings.Repeat(" ", pad/2) + h + strings.Repeat(" ", pad-pad/2) + " │")
	}
	w.WriteString("\n")
	g.rule(w, "├", "┼", "┤")
}

// row draws a measured row; paint, when not nil, may colour a cell's text
// after it is cut and before it is padded.
func (g *grid) row(w *bufio.Writer, row []string, paint func(col int, s string) string) {
	w.WriteString("│")
	for i, c := range row {
		if g.limits[i] > 0 {
			c = cutCells(c, g.limits[i])
		}
		n := cells(c)
		if paint != nil {
			c = paint(i, c)
		}
		pad := strings.Repeat(" ", max(0, g.widths[i]-n))
		if g.left[i] {
			w.WriteString(" " + c + pad + " │")
		} else {
			w.WriteString(" " + pad + c + " │")
		}
	}
	w.WriteString("\n")
}

// end draws the bottom line.
func (g *grid) end(w *bufio.Writer) { g.rule(w, "└", "┴", "┘") }
