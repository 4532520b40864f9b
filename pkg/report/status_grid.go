package report

import (
	"bufio"
	"strings"
)

// grid is a table drawn with box-drawing lines, as `okrctl status --wide`
// prints it. It measures each cell once, as it is added, and writes
// straight to a buffered writer: a table of 50,000 rows costs little more
// than writing its text (see BenchmarkStatusFormats).
type grid struct {
	header []string
	left   []bool // per column: left-aligned, else right-aligned
	rows   [][]string
	widths []int // per column, in display cells
	limits []int // per column, the width cells are cut to; 0 for none
}

func newGrid(header []string, left []bool) *grid {
	g := &grid{header: header, left: left, widths: make([]int, len(header)), limits: make([]int, len(header))}
	for i, h := range header {
		g.widths[i] = cells(h)
	}
	return g
}

// add appends a row of plain text cells (one line each, no colour codes).
func (g *grid) add(row []string) {
	for i, c := range row {
		g.widths[i] = max(g.widths[i], cells(c))
	}
	g.rows = append(g.rows, row)
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

// write draws the table; paint, when not nil, may colour a cell's text
// (row -1 is the header) after it is cut and before it is padded.
func (g *grid) write(w *bufio.Writer, paint func(row, col int, s string) string) {
	rule := func(l, m, r string) {
		w.WriteString(l)
		for i, n := range g.widths {
			if i > 0 {
				w.WriteString(m)
			}
			w.WriteString(strings.Repeat("─", n+2))
		}
		w.WriteString(r + "\n")
	}
	rule("┌", "┬", "┐")
	w.WriteString("│")
	for i, h := range g.header {
		pad := g.widths[i] - cells(h)
		w.WriteString(" " + strings.Repeat(" ", pad/2) + h + strings.Repeat(" ", pad-pad/2) + " │")
	}
	w.WriteString("\n")
	rule("├", "┼", "┤")
	for r, row := range g.rows {
		w.WriteString("│")
		for i, c := range row {
			if g.limits[i] > 0 {
				c = cutCells(c, g.limits[i])
			}
			n := cells(c)
			if paint != nil {
				c = paint(r, i, c)
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
	rule("└", "┴", "┘")
}
