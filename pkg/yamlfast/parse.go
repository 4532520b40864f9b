package yamlfast

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/okrctl/okrctl/internal/isodate"
)

// maxDepth bounds the nesting this parser follows, so that its recursion
// stays shallow; deeper documents are left to the full parser, whose
// caller reports them.
const maxDepth = 64

// quickLine is one line of the source.
type quickLine struct {
	start, end int  // byte offsets of its text, without the line break
	ind        int  // leading spaces
	sig        bool // neither blank nor only a comment
}

// blank reports whether the line holds nothing but spaces.
func (l quickLine) blank() bool { return l.start+l.ind == l.end }

type quickParser struct {
	src   string
	lines []quickLine
	n     int // the current line
	end   int // the line after the current document
	depth int

	// The tree is built compactly, then copied into yaml.Nodes allocated
	// at their exact number once the whole file is known to be handled.
	q     []qnode
	kids  []qref // children of the finished containers, contiguous
	stack []qref // children of the containers being built
}

// qref is the index of a qnode; none stands for no node.
type qref int32

const none qref = -1

// qnode is a node under construction: a yaml.Node without its comments,
// and with its children as a range of kids.
type qnode struct {
	tag, value  string
	kind        yaml.Kind
	style       yaml.Style
	line, col   int32
	first, nkid int32
}

var quickParsers = sync.Pool{New: func() any { return new(quickParser) }}

// Parse parses src into the content nodes of its documents (nil for an
// explicit but empty document), or reports ok false when src is outside
// what it handles; the caller then parses src with yaml.v3, which also
// words the errors.
func Parse(src []byte) (docs []*yaml.Node, ok bool) {
	if !plainText(src) {
		return nil, false
	}
	p := quickParsers.Get().(*quickParser)
	defer func() {
		p.src = ""
		quickParsers.Put(p)
	}()
	p.src, p.lines, p.q, p.kids, p.stack, p.depth = string(src), p.lines[:0], p.q[:0], p.kids[:0], p.stack[:0], 0
	p.splitLines()
	if len(p.lines) == 0 {
		return nil, true
	}
	var roots []qref
	// Documents are separated by '---' lines; the lines before the first
	// one form a document only when they hold content.
	first, explicit := 0, false
	for i := 0; i <= len(p.lines); i++ {
		if i < len(p.lines) {
			l := p.lines[i]
			text := p.src[l.start:l.end]
			if !strings.HasPrefix(text, "---") && !strings.HasPrefix(text, "...") {
				continue
			}
			if !isDocMarker(text) {
				return nil, false // content after a marker, or a document end
			}
		}
		n, ok := p.document(first, i)
		if !ok {
			return nil, false
		}
		if n != none || explicit {
			roots = append(roots, n)
		}
		first, explicit = i+1, true
	}
	return p.materialize(roots), true
}

// plainText reports whether src holds only characters this parser handles:
// printable ASCII, LF, CRLF and printable non-ASCII characters. Tabs, other
// control characters, lone carriage returns, byte order marks, Unicode
// line separators, the noncharacters U+FFFE and U+FFFF and invalid UTF-8
// are rare and subtle (yaml.v3 rejects some, counts others as line breaks):
// the full parser handles them.
func plainText(src []byte) bool {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if (c >= 0x20 && c < 0x7f) || c == '\n' {
			continue
		}
		if c == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1, r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size - 1
	}
	return true
}

// materialize turns the compact nodes into yaml.Nodes, two allocations for
// the whole file, and returns the roots' nodes (nil for none).
func (p *quickParser) materialize(roots []qref) []*yaml.Node {
	nodes := make([]yaml.Node, len(p.q))
	ptrs := make([]*yaml.Node, len(p.kids))
	for i, k := range p.kids {
		ptrs[i] = &nodes[k]
	}
	for i := range p.q {
		q, n := &p.q[i], &nodes[i]
		n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column = q.kind, q.style, q.tag, q.value, int(q.line), int(q.col)
		if q.nkid > 0 {
			n.Content = ptrs[q.first : q.first+q.nkid : q.first+q.nkid]
		}
	}
	docs := make([]*yaml.Node, len(roots))
	for i, r := range roots {
		if r != none {
			docs[i] = &nodes[r]
		}
	}
	return docs
}

// isDocMarker reports whether a line is a document start marker with
// nothing after it but a comment.
func isDocMarker(text string) bool {
	if !strings.HasPrefix(text, "---") {
		return false
	}
	rest := text[3:]
	if rest == "" {
		return true
	}
	if rest[0] != ' ' {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	return rest == "" || rest[0] == '#'
}

// splitLines fills p.lines.
func (p *quickParser) splitLines() {
	s := p.src
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(s), len(s)
		} else {
			end += start
			next = end + 1
		}
		text := end
		if text > start && s[text-1] == '\r' {
			text--
		}
		ind := start
		for ind < text && s[ind] == ' ' {
			ind++
		}
		p.lines = append(p.lines, quickLine{start: start, end: text, ind: ind - start, sig: ind < text && s[ind] != '#'})
		start = next
	}
}

// document parses lines [from, to) as one document: none when they hold
// no content.
func (p *quickParser) document(from, to int) (qref, bool) {
	p.n, p.end = from, to
	l, found := p.nextSig()
	if !found {
		return none, true
	}
	if l.ind != 0 {
		return none, false
	}
	m := p.mapping(0, l.start)
	if m == none {
		return none, false
	}
	if _, more := p.nextSig(); more {
		return none, false
	}
	return m, true
}

// nextSig moves to the next line with content in the document and returns
// it; found is false at the document's end.
func (p *quickParser) nextSig() (l quickLine, found bool) {
	for ; p.n < p.end; p.n++ {
		if p.lines[p.n].sig {
			return p.lines[p.n], true
		}
	}
	return quickLine{}, false
}

func (p *quickParser) node(kind yaml.Kind, tag, value string, style yaml.Style, line, col int) qref {
	p.q = append(p.q, qnode{kind: kind, tag: tag, value: value, style: style, line: int32(line), col: int32(col)})
	return qref(len(p.q) - 1)
}

// content makes the children pushed on the stack since base those of
// container c, and pops them.
func (p *quickParser) content(c qref, base int) {
	p.q[c].first, p.q[c].nkid = int32(len(p.kids)), int32(len(p.stack)-base)
	p.kids = append(p.kids, p.stack[base:]...)
	p.stack = p.stack[:base]
}

// col is the 1-based column, counted in characters, of byte offset off of
// the current line.
func (p *quickParser) col(off int) int {
	start := p.lines[p.n].start
	s := p.src[start:off]
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s) + 1
		}
	}
	return len(s) + 1
}

// mapping parses a block mapping whose keys sit at column ind (0-based);
// its first key starts at byte offset pos of the current line.
func (p *quickParser) mapping(ind, pos int) qref {
	if p.depth++; p.depth > maxDepth {
		return none
	}
	defer func() { p.depth-- }()
	m := p.node(yaml.MappingNode, "!!map", "", 0, p.n+1, ind+1)
	base := len(p.stack)
	for {
		k, after := p.key(pos)
		if k == none {
			return none
		}
		v := p.value(ind, after)
		if v == none {
			return none
		}
		p.stack = append(p.stack, k, v)
		l, found := p.nextSig()
		if !found || l.ind < ind {
			break
		}
		if l.ind > ind {
			return none // a continuation line or bad indentation
		}
		pos = l.start + ind
		if isSeqEntry(p.src, pos, l.end) {
			return none
		}
	}
	p.content(m, base)
	return m
}

// isSeqEntry reports whether a block sequence entry '-' starts at pos.
func isSeqEntry(s string, pos, end int) bool {
	return s[pos] == '-' && (pos+1 == end || s[pos+1] == ' ')
}

// key parses a plain key at pos of the current line and returns it with the
// offset just after its ':'; nil when there is no plain key there.
func (p *quickParser) key(pos int) (qref, int) {
	colon := p.keyColon(pos)
	if colon < 0 {
		return none, 0
	}
	// yaml.v3 allows 1024 characters from a key's start to its ':'; bytes
	// are at least as many as characters, and the margin keeps clear of
	// how it counts.
	if colon-pos > 1000 {
		return none, 0
	}
	k := strings.TrimRight(p.src[pos:colon], " ")
	tag := resolvePlain(k)
	if tag == "" {
		return none, 0
	}
	return p.node(yaml.ScalarNode, tag, k, 0, p.n+1, p.col(pos)), colon + 1
}

// keyColon returns the offset of the ':' that ends a plain key starting at
// pos of the current line, or -1 when no such key starts there.
func (p *quickParser) keyColon(pos int) int {
	l := p.lines[p.n]
	if !plainStart(p.src, pos, l.end) {
		return -1
	}
	for i := pos; i < l.end; i++ {
		switch p.src[i] {
		case ':':
			if i+1 == l.end || p.src[i+1] == ' ' {
				return i
			}
		case '#':
			if p.src[i-1] == ' ' {
				return -1
			}
		case '"', '\'', '[', ']', '{', '}', ',':
			// Harmless inside a plain key, but a quoted or flow key is
			// for the full parser; so is a key containing them.
			return -1
		}
	}
	return -1
}

// plainStart reports whether a plain scalar this parser handles starts at
// pos: not empty and not starting with an indicator ('-' is allowed before
// a character other than a space, as in -5).
func plainStart(s string, pos, end int) bool {
	if pos >= end {
		return false
	}
	switch s[pos] {
	case '-':
		return pos+1 < end && s[pos+1] != ' '
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	return true
}

// value parses the value of a mapping entry whose key sits at column ind;
// after is the offset just past the key's ':'. It leaves p.n on the line
// after the value.
func (p *quickParser) value(ind, after int) qref {
	l := p.lines[p.n]
	q := after
	for q < l.end && p.src[q] == ' ' {
		q++
	}
	if q == l.end || p.src[q] == '#' {
		// The value is on the lines below, or null.
		line, col := p.n+1, p.col(after)
		p.n++
		next, found := p.nextSig()
		if found && next.ind > ind {
			pos := next.start + next.ind
			if isSeqEntry(p.src, pos, next.end) {
				return p.sequence(next.ind)
			}
			return p.mapping(next.ind, pos)
		}
		if found && next.ind == ind && isSeqEntry(p.src, next.start+ind, next.end) {
			return p.sequence(ind)
		}
		return p.node(yaml.ScalarNode, "!!null", "", 0, line, col)
	}
	switch p.src[q] {
	case '|', '>':
		return p.blockScalar(ind, q)
	}
	return p.scalar(ind, q)
}

// sequence parses a block sequence whose '-' entries sit at column ind of
// the current and following lines.
func (p *quickParser) sequence(ind int) qref {
	if p.depth++; p.depth > maxDepth {
		return none
	}
	defer func() { p.depth-- }()
	s := p.node(yaml.SequenceNode, "!!seq", "", 0, p.n+1, ind+1)
	base := len(p.stack)
	for {
		l := p.lines[p.n]
		q := l.start + ind + 1
		for q < l.end && p.src[q] == ' ' {
			q++
		}
		if q == l.end || q == l.start+ind+1 || p.src[q] == '#' {
			return none // an empty entry, or one on the lines below
		}
		item := none
		if p.keyColon(q) >= 0 {
			item = p.mapping(q-l.start, q)
		} else if p.src[q] == '-' || p.src[q] == '|' || p.src[q] == '>' {
			return none
		} else {
			item = p.scalar(ind, q)
		}
		if item == none {
			return none
		}
		p.stack = append(p.stack, item)
		next, found := p.nextSig()
		if !found || next.ind < ind {
			break
		}
		if next.ind > ind {
			return none
		}
		if !isSeqEntry(p.src, next.start+ind, next.end) {
			break
		}
	}
	p.content(s, base)
	return s
}

// scalar parses a scalar or one-line flow sequence at q, the value of an
// entry at column ind, and moves to the line after it. Only a plain scalar
// may go on over the lines below, more indented than ind.
func (p *quickParser) scalar(ind, q int) qref {
	l := p.lines[p.n]
	n := none
	var rest int
	switch p.src[q] {
	case '"', '\'':
		n, rest = p.quoted(q, l.end)
	case '[':
		n, rest = p.flowSequence(q, l.end)
	default:
		if !plainStart(p.src, q, l.end) {
			return none
		}
		end := l.end
		if i := strings.Index(p.src[q:end], " #"); i >= 0 {
			end = q + i
		}
		v := strings.TrimRight(p.src[q:end], " ")
		if !plainLine(v) {
			return none
		}
		line, col := p.n+1, p.col(q)
		if end == l.end {
			var ok bool
			if v, ok = p.plainLines(ind, v); !ok {
				return none
			}
		}
		tag := resolvePlain(v)
		if tag == "" {
			return none
		}
		n, rest = p.node(yaml.ScalarNode, tag, v, 0, line, col), end
		if p.n+1 != line {
			l = p.lines[p.n] // the value went on to this line
			rest = l.end
		}
	}
	if n == none || !restIsComment(p.src[rest:l.end]) {
		return none
	}
	p.n++
	return n
}

// plainLine reports whether v, a line of a plain scalar, holds no ": " or
// final ':', which would make it a mapping.
func plainLine(v string) bool {
	return !strings.Contains(v, ": ") && !strings.HasSuffix(v, ":")
}

// plainLines folds the lines that continue a plain scalar whose first line
// is first into its value, as YAML does: a space between lines, a line
// break for each blank line. It leaves p.n on the value's last line.
func (p *quickParser) plainLines(ind int, first string) (string, bool) {
	var b strings.Builder
	blanks, last := 0, p.n
	for j := p.n + 1; j < p.end; j++ {
		lj := p.lines[j]
		if lj.blank() {
			blanks++
			continue
		}
		if lj.ind <= ind || !lj.sig {
			break // the next entry, or a comment that ends the scalar
		}
		text := p.src[lj.start+lj.ind : lj.end]
		comment := strings.Index(text, " #")
		if comment >= 0 {
			text = text[:comment] // and the scalar ends on this line
		}
		text = strings.TrimRight(text, " ")
		if !plainStart(p.src, lj.start+lj.ind, lj.end) || !plainLine(text) {
			return "", false
		}
		if b.Len() == 0 {
			b.WriteString(first)
		}
		if blanks == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteString(strings.Repeat("\n", blanks))
		}
		b.WriteString(text)
		blanks, last = 0, j
		if comment >= 0 {
			break
		}
	}
	if last == p.n {
		return first, true
	}
	p.n = last
	return b.String(), true
}

// restIsComment reports whether what follows a value on its line is blank
// or a comment after a space.
func restIsComment(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || (t[0] == '#' && len(t) < len(s))
}

// quoted parses a single- or double-quoted scalar that ends on its line.
func (p *quickParser) quoted(q, end int) (qref, int) {
	quote := p.src[q]
	for i := q + 1; i < end; i++ {
		switch c := p.src[i]; {
		case c == '\\' && quote == '"':
			return none, 0 // escapes are for the full parser
		case c == quote && quote == '\'' && i+1 < end && p.src[i+1] == '\'':
			i++
		case c == quote:
			v, style := p.src[q+1:i], yaml.DoubleQuotedStyle
			if quote == '\'' {
				v, style = strings.ReplaceAll(v, "''", "'"), yaml.SingleQuotedStyle
			}
			return p.node(yaml.ScalarNode, "!!str", v, style, p.n+1, p.col(q)), i + 1
		}
	}
	return none, 0
}

// flowSequence parses a one-line flow sequence of scalars, like
// [growth, "q4"].
func (p *quickParser) flowSequence(q, end int) (qref, int) {
	s := p.node(yaml.SequenceNode, "!!seq", "", yaml.FlowStyle, p.n+1, p.col(q))
	base := len(p.stack)
	i := q + 1
	skip := func() {
		for i < end && p.src[i] == ' ' {
			i++
		}
	}
	skip()
	if i < end && p.src[i] == ']' {
		p.content(s, base)
		return s, i + 1
	}
	for {
		if i == end {
			return none, 0
		}
		item := none
		switch c := p.src[i]; {
		case c == '"' || c == '\'':
			item, i = p.quoted(i, end)
			if item == none {
				return none, 0
			}
		case plainStart(p.src, i, end) && (c != '-' || !strings.ContainsRune(",[]{}", rune(p.src[i+1]))):
			j := i
			// '?' ends a plain scalar in a flow collection, as in yaml.v3.
			for j < end && !strings.ContainsRune(",]:#[{}\"'?", rune(p.src[j])) {
				j++
			}
			v := strings.TrimRight(p.src[i:j], " ")
			tag := resolvePlain(v)
			if tag == "" {
				return none, 0
			}
			item, i = p.node(yaml.ScalarNode, tag, v, 0, p.n+1, p.col(i)), j
		default:
			return none, 0
		}
		p.stack = append(p.stack, item)
		skip()
		if i == end {
			return none, 0
		}
		switch p.src[i] {
		case ']':
			p.content(s, base)
			return s, i + 1
		case ',':
			i++
			skip()
			if i < end && p.src[i] == ']' {
				return none, 0
			}
		default:
			return none, 0
		}
	}
}

// blockScalar parses a literal (|) or folded (>) scalar whose indicator is
// at q, the value of an entry whose key sits at column ind.
func (p *quickParser) blockScalar(ind, q int) qref {
	l := p.lines[p.n]
	style, literal := yaml.FoldedStyle, p.src[q] == '|'
	if literal {
		style = yaml.LiteralStyle
	}
	i, strip := q+1, false
	if i < l.end && p.src[i] == '-' {
		i, strip = i+1, true
	}
	if !restIsComment(p.src[i:l.end]) || (i < l.end && p.src[i] != ' ') {
		return none // keep (+), an indentation indicator or junk
	}
	n := p.node(yaml.ScalarNode, "!!str", "", style, p.n+1, p.col(q))

	first := p.n + 1
	if first >= p.end || p.lines[first].ind <= ind || p.lines[first].blank() {
		return none // empty, or starting with a blank line
	}
	text := p.lines[first].ind
	var b strings.Builder
	blanks, last := 0, first
	for j := first; j < p.end; j++ {
		lj := p.lines[j]
		if lj.blank() {
			if lj.ind > text {
				return none // spaces beyond the indentation are content
			}
			blanks++
			continue
		}
		if lj.ind < text {
			break
		}
		if lj.ind > text && !literal {
			return none // more-indented lines keep their breaks when folded
		}
		if j > first {
			switch {
			case literal:
				b.WriteString(strings.Repeat("\n", blanks+1))
			case blanks == 0:
				b.WriteByte(' ')
			default:
				b.WriteString(strings.Repeat("\n", blanks))
			}
		}
		b.WriteString(p.src[lj.start+text : lj.end])
		blanks, last = 0, j
	}
	if !strip && p.lines[last].end < len(p.src) {
		b.WriteByte('\n') // clipped to the last line's break, if it has one
	}
	p.q[n].value = b.String()
	p.n = last + 1
	return n
}

// resolvePlain returns the tag yaml.v3 resolves a plain scalar to, or ""
// for a merge key ("<<"), which the full parser handles.
func resolvePlain(s string) string {
	if s == "" {
		return "!!null"
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '-', c == '+':
		if decimalInt(s) {
			return "!!int"
		}
		return resolveNumeric(s)
	case c == '.':
		switch s {
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float"
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case c == '~':
		if s == "~" {
			return "!!null"
		}
	case c == '<':
		if s == "<<" {
			return ""
		}
	case c == 't' || c == 'T' || c == 'f' || c == 'F':
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		}
	case c == 'n' || c == 'N':
		switch s {
		case "null", "Null", "NULL":
			return "!!null"
		}
	}
	return "!!str"
}

// decimalInt reports whether s is an optional '-' and up to 18 digits
// without a leading zero, or "0": an int whatever else yaml.v3 tries.
func decimalInt(s string) bool {
	if s[0] == '-' {
		s = s[1:]
	}
	if s == "" || len(s) > 18 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// resolveNumeric follows yaml.v3's resolution of a plain scalar that starts
// with a digit or a sign, in its order: the special floats, a timestamp, an
// int, a float, binary and octal ints, else a string.
func resolveNumeric(s string) string {
	switch s {
	case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	if isTimestamp(s) {
		return "!!timestamp"
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlFloat(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	for _, pre := range []struct {
		prefix string
		base   int
	}{{"0b", 2}, {"-0b", 2}, {"0o", 8}, {"-0o", 8}} {
		if !strings.HasPrefix(plain, pre.prefix) {
			continue
		}
		digits := plain[len(pre.prefix):]
		neg := pre.prefix[0] == '-'
		if neg {
			digits = "-" + digits
		}
		if _, err := strconv.ParseInt(digits, pre.base, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(digits, pre.base, 64); err == nil && !neg {
			return "!!int"
		}
	}
	return "!!str"
}

// timestampLayouts are the layouts yaml.v3 tries, in its order.
var timestampLayouts = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp reports whether yaml.v3 reads s as a timestamp: four digits
// and a '-', then one of its layouts. It avoids time.Parse where it can
// tell without: a failed parse allocates, and periods like 2026-Q4 are
// everywhere.
func isTimestamp(s string) bool {
	if len(s) < 6 || s[4] != '-' || s[5] < '0' || s[5] > '9' {
		return false // every layout has a month's digit after "2006-"
	}
	for i := range 4 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if shortDate(s) {
		// Only the date-only layout can match: skip the others. On
		// YYYY-MM-DD, the form OKR files use, it reads as isodate does.
		if len(s) == len("2006-01-02") && s[7] == '-' {
			_, ok := isodate.Parse(s)
			return ok
		}
		_, err := time.Parse("2006-1-2", s)
		return err == nil
	}
	for _, layout := range timestampLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// shortDate reports whether s is digits, '-', digits, '-', digits.
func shortDate(s string) bool {
	dashes := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-':
			if dashes++; dashes > 2 || i+1 == len(s) || s[i-1] == '-' {
				return false
			}
		case c < '0' || c > '9':
			return false
		}
	}
	return dashes == 2
}

// yamlFloat reports whether s matches yaml.v3's float syntax,
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
func yamlFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
