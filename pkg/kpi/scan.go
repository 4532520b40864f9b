package kpi

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

const (
	// bufSize is the read buffer: large enough that almost every line is
	// returned by ReadSlice in place, without copying.
	bufSize = 64 << 10
	// maxRecord bounds a physical line and a quoted record, so that a
	// missing closing quote or a binary file cannot use unbounded memory.
	maxRecord = 4 << 20
)

// cell is one field of a record, trimmed of surrounding spaces and tabs.
type cell struct {
	b    []byte // valid until the next call of scanner.next
	line int32  // physical line where the cell starts
	col  int32  // 1-based character column where the cell's text (or opening quote) starts
}

// span is a cell of a quoted record while its bytes are still being copied
// into scanner.buf, which may move as it grows.
type span struct {
	start, end int
	line, col  int32
}

// scanner splits RFC 4180 CSV into records. Lines without a quote, nearly
// all of a snapshot file, are split in place in bufio's buffer; a line with
// a quote falls back to a full parser that copies the unescaped cells and
// may read further lines for quoted line breaks.
type scanner struct {
	br *bufio.Reader
	// sep is the field separator: ',', ';' or '\t', detected from the first
	// non-blank line (the header) when it is 0.
	sep     byte
	line    int    // physical line number of the line last read
	long    []byte // a line longer than br's buffer, assembled
	tooLong bool   // the line last read was longer than maxRecord and cut
	eof     bool
	err     error // the first read error other than io.EOF

	recLine int    // physical line where the current record starts
	cells   []cell // the current record
	buf     []byte // unescaped text of a quoted record
	spans   []span

	// badMsg, when not empty, is the first thing wrong with the current
	// record's syntax, at badLine:badCol; cells is then unreliable.
	badMsg          string
	badLine, badCol int
}

// next reads the next record, skipping blank lines. It returns false at the
// end of input or on a read error (then err is set).
func (s *scanner) next() bool {
	for {
		line, ok := s.readLine()
		if !ok {
			return false
		}
		s.recLine = s.line
		s.badMsg = ""
		s.cells = s.cells[:0]
		if s.tooLong {
			s.setBad(s.line, 1, fmt.Sprintf("line is longer than %d MiB", maxRecord>>20))
			return true
		}
		if isBlank(line) {
			continue
		}
		if s.sep == 0 {
			s.sep = detectSep(line)
		}
		if !s.splitPlain(line) {
			s.splitQuoted(line)
		}
		return s.err == nil
	}
}

// readLine returns the next physical line without its LF or CRLF.
func (s *scanner) readLine() ([]byte, bool) {
	if s.eof {
		return nil, false
	}
	s.tooLong = false
	line, err := s.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		s.long = append(s.long[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = s.br.ReadSlice('\n')
			if len(s.long)+len(line) > maxRecord {
				s.tooLong = true
			} else {
				s.long = append(s.long, line...)
			}
		}
		line = s.long
	}
	if err != nil {
		s.eof = true
		if err != io.EOF {
			s.err = err
			return nil, false
		}
		if len(line) == 0 {
			return nil, false
		}
	}
	s.line++
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, true
}

// splitPlain splits a line that holds no quote, in place. It reports false,
// having done nothing useful, when the line has a quote.
func (s *scanner) splitPlain(line []byte) bool {
	cells := s.cells[:0]
	start := 0
	var high byte // the OR of every byte: >= 0x80 if the line is not ASCII
	// The loop is written twice: comparing with the constant ',' keeps the
	// common case as fast as before separators were detected.
	if sep := s.sep; sep == ',' {
		for i, c := range line {
			if c == ',' {
				cells = append(cells, cell{b: line[start:i], col: int32(start)})
				start = i + 1
			} else if c == '"' {
				return false
			}
			high |= c
		}
	} else {
		for i, c := range line {
			if c == sep {
				cells = append(cells, cell{b: line[start:i], col: int32(start)})
				start = i + 1
			} else if c == '"' {
				return false
			}
			high |= c
		}
	}
	cells = append(cells, cell{b: line[start:], col: int32(start)})
	s.cells = cells

	// Until here col held the byte offset of each cell.
	ascii := high < utf8.RuneSelf
	if !ascii {
		s.checkUTF8(line, s.line)
	}
	prev, col := 0, 1
	for i := range cells {
		c := &cells[i]
		b, lead := trimSpace(c.b)
		off := int(c.col) + lead
		if ascii {
			col = off + 1
		} else {
			col += utf8.RuneCount(line[prev:off])
			prev = off
		}
		c.b, c.line, c.col = b, int32(s.line), int32(col)
	}
	return true
}

// splitQuoted parses a record that has a quote somewhere, following
// RFC 4180 with two leniencies: spaces around a quoted cell are allowed, and
// every cell is trimmed. A line break inside quotes becomes "\n".
func (s *scanner) splitQuoted(line []byte) {
	s.buf = s.buf[:0]
	spans := s.spans[:0]
	defer func() { s.spans = spans }()
	lineNo := s.line
	s.checkUTF8(line, lineNo)

	// colAt returns the character column of line[p]; p never decreases
	// within a line, so counting is incremental.
	col, colPos := 1, 0
	colAt := func(p int) int32 {
		col += utf8.RuneCount(line[colPos:p])
		colPos = p
		return int32(col)
	}

	pos := 0
	for {
		for pos < len(line) && s.space(line[pos]) {
			pos++
		}
		sp := span{start: len(s.buf), line: int32(lineNo), col: colAt(pos)}
		if pos < len(line) && line[pos] == '"' {
			pos++
			for {
				if q := bytes.IndexByte(line[pos:], '"'); q >= 0 {
					s.buf = append(s.buf, line[pos:pos+q]...)
					pos += q + 1
					if pos < len(line) && line[pos] == '"' {
						s.buf = append(s.buf, '"')
						pos++
						continue
					}
					break
				}
				s.buf = append(s.buf, line[pos:]...)
				s.buf = append(s.buf, '\n')
				next, ok := s.readLine()
				switch {
				case ok && (s.tooLong || len(s.buf)+len(next) > maxRecord):
					s.setBad(int(sp.line), int(sp.col), fmt.Sprintf("quoted cell is longer than %d MiB: is its closing quote missing?", maxRecord>>20))
					// Where the next record starts cannot be known: stop.
					s.eof = true
				case !ok && s.err == nil:
					s.setBad(int(sp.line), int(sp.col), `quoted cell is never closed: add the closing "`)
				}
				if !ok || s.badMsg != "" {
					s.cells = s.cells[:0]
					return
				}
				line, lineNo, pos, col, colPos = next, s.line, 0, 1, 0
				s.checkUTF8(line, lineNo)
			}
			sp.end = len(s.buf)
			for pos < len(line) && s.space(line[pos]) {
				pos++
			}
			if pos < len(line) && line[pos] != s.sep {
				r, _ := utf8.DecodeRune(line[pos:])
				s.setBad(lineNo, int(colAt(pos)), fmt.Sprintf(`unexpected %q after a closing quote: inside a quoted cell write a quote as ""`, r))
				if j := bytes.IndexByte(line[pos:], s.sep); j >= 0 {
					pos += j
				} else {
					pos = len(line)
				}
			}
		} else {
			end := len(line)
			if j := bytes.IndexByte(line[pos:], s.sep); j >= 0 {
				end = pos + j
			}
			if q := bytes.IndexByte(line[pos:end], '"'); q >= 0 {
				s.setBad(lineNo, int(colAt(pos+q)), `unexpected quote inside an unquoted cell: put the whole cell in quotes and write each quote inside it as ""`)
			}
			s.buf = append(s.buf, line[pos:end]...)
			sp.end = len(s.buf)
			pos = end
		}
		spans = append(spans, sp)
		if pos >= len(line) {
			break
		}
		pos++ // the separator
	}

	cells := s.cells[:0]
	for _, sp := range spans {
		b, _ := trimSpace(s.buf[sp.start:sp.end])
		cells = append(cells, cell{b: b, line: sp.line, col: sp.col})
	}
	s.cells = cells
}

// checkUTF8 marks the record bad if line is not valid UTF-8.
func (s *scanner) checkUTF8(line []byte, lineNo int) {
	if utf8.Valid(line) {
		return
	}
	i := 0
	for i < len(line) {
		r, n := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	s.setBad(lineNo, utf8.RuneCount(line[:i])+1, "text is not valid UTF-8: save the file as UTF-8")
}

// setBad records the first syntax problem of the current record.
func (s *scanner) setBad(line, col int, msg string) {
	if s.badMsg == "" {
		s.badMsg, s.badLine, s.badCol = msg, line, col
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// space reports whether c is a space around a cell: a tab is not when it
// separates the cells.
func (s *scanner) space(c byte) bool { return c == ' ' || (c == '\t' && s.sep != '\t') }

// detectSep returns the separator of a header line: the one of ',', ';' and
// tab that occurs most often outside quotes, ',' when none does (a header
// of one column) or on a tie. Spreadsheets in locales whose decimal mark is
// a comma write ';' (Excel) or tabs.
func detectSep(line []byte) byte {
	var n [3]int // ',', ';', '\t'
	quoted := false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
	best, sep := n[0], byte(',')
	if n[1] > best {
		best, sep = n[1], ';'
	}
	if n[2] > best {
		sep = '\t'
	}
	return sep
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// trimSpace trims spaces and tabs and says how many leading bytes it removed.
func trimSpace(b []byte) ([]byte, int) {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	j := len(b)
	for j > i && isSpace(b[j-1]) {
		j--
	}
	return b[i:j], i
}
