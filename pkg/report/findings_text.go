package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/okrctl/okrctl/pkg/lint"
)

// ANSI SGR sequences used when colour is on.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiGray   = "\x1b[90m"
)

// textFindings writes one finding a line, path:line:col: severity: message
// [rule]; on a terminal each is followed by its source line and a caret.
type textFindings struct{}

func (textFindings) Format(w io.Writer, f *Findings) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !f.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, fd := range f.Findings {
		sevColor := ansiRed
		if fd.Severity == lint.Warning {
			sevColor = ansiYellow
		}
		fmt.Fprintf(bw, "%s: %s: %s %s\n",
			paint(ansiBold, fmt.Sprintf("%s:%d:%d", textName(fd.File), fd.Line, fd.Column)),
			paint(sevColor, fd.Severity.String()), sanitizeLine(fd.Message), paint(ansiGray, "["+fd.Rule+"]"))
		if f.Terminal && f.Source != nil && fd.Line > 0 {
			if src := f.Source(fd.File, fd.Line); src != "" {
				fmt.Fprintf(bw, "%s\n%s\n", caretLine(fd.Line, src), caretMarker(fd.Line, src, fd.Column, func(s string) string { return paint(sevColor, s) }))
			}
		}
	}
	return bw.Flush()
}

// textName is a file name as the text format prints it: as it is, unless
// it holds something that could forge a line or reach the terminal as a
// command (a line break, an escape sequence, a bidirectional override,
// invalid UTF-8); then it is printed as a Go-quoted string.
func textName(name string) string {
	if !utf8.ValidString(name) {
		return strconv.Quote(name)
	}
	for _, r := range name {
		if unicode.IsControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029' {
			return strconv.Quote(name)
		}
	}
	return name
}

// caretLine shows a source line behind a gutter with its number. Tabs
// become spaces and control characters U+FFFD, so that the caret lines up
// and a file cannot send escape sequences to the terminal.
func caretLine(n int, src string) string {
	return fmt.Sprintf("%4d | %s", n, strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return utf8.RuneError
		}
		return r
	}, src))
}

// caretMarker puts a caret under the 1-based column col of src, counted in
// characters as findings count them.
func caretMarker(n int, src string, col int, paint func(string) string) string {
	width := min(max(col, 1), utf8.RuneCountInString(src)+1) - 1
	return fmt.Sprintf("%4s | %s%s", "", strings.Repeat(" ", width), paint("^"))
}
