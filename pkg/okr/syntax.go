package okr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file places and words the syntax errors of YAML that yaml.v3
// rejects. The position never comes from the parser's message text. A line
// scanner that follows the block structure explains the common mistakes in
// plain words at their line and column (a key indented less or more than
// its neighbours, a list item out of place, a tab, a missing space after
// ':', a quote or bracket never closed), and the parser confirms the line
// at which the text stops being YAML. When the scanner cannot explain the
// error, the finding is on that line, found by parsing prefixes of the
// file, with the parser's own words. See "Reading YAML" in
// docs/architecture.md.

// syntaxError returns where the first syntax error of src is and how to
// say it; err is yaml.v3's error and consumed how many bytes of src its
// decoder had read when it failed.
func syntaxError(src []byte, err error, consumed int) (Pos, string) {
	pr := newProber(src)
	// The parser stopped within a few kilobytes of the error: the scan
	// need not go further. What it finds is checked against the parser
	// (the lines before parse, the line itself does not), which costs two
	// parses, where searching for the line costs about ten.
	last := len(pr.lines)
	if consumed > 0 && consumed < len(src) {
		last = min(pr.lineOf(consumed)+1, last)
	}
	if p, msg, breaks, ok := scanSyntax(pr.lines, last); ok && pr.parses(min(p.Line, breaks)-1) && (!pr.parses(breaks) || !pr.parses(pr.nextContent(breaks))) {
		return p, "invalid YAML: " + msg
	}
	bad := pr.firstBadLine(consumed)
	line := pr.lines[bad-1]
	first := len(line) - len(strings.TrimLeft(line, " \t"))
	if first == len(line) {
		first = 0
	}
	return Pos{bad, utf8.RuneCountInString(line[:first]) + 1}, "invalid YAML: " + yamlProblem(err)
}

// yamlProblem is yaml.v3's description of err without its "yaml: line N:"
// prefix, whose line may differ from where okrctl places the error.
func yamlProblem(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 && strings.Trim(rest[:i], "0123456789") == "" {
			msg = rest[i+2:]
		}
	}
	return msg
}

// splitSourceLines splits src into lines without their line endings; a
// file always has at least one line.
func splitSourceLines(src []byte) []string {
	lines := strings.Split(strings.TrimPrefix(string(src), "\uFEFF"), "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// probeBudget bounds the text parsed again to place an error: a few
// times the file, and more for small files, so that a huge file costs a
// few parses; past it, the search settles for a line near the error.
func probeBudget(size int) int { return 4*size + 4<<20 }

// prober parses the first lines of a source with yaml.v3.
type prober struct {
	src     []byte
	lines   []string
	offsets []int // offsets[i]: where line i+1 starts; offsets[len(lines)] = len(src)
	budget  int   // bytes left to parse
}

func newProber(src []byte) *prober {
	pr := &prober{src: src, lines: splitSourceLines(src), budget: probeBudget(len(src))}
	pr.offsets = make([]int, len(pr.lines)+1)
	for i := range pr.lines {
		off := pr.offsets[i]
		if j := bytes.IndexByte(src[off:], '\n'); j >= 0 {
			pr.offsets[i+1] = off + j + 1
		} else {
			pr.offsets[i+1] = len(src)
		}
	}
	return pr
}

// parses reports whether the first n lines parse.
func (pr *prober) parses(n int) bool {
	text := pr.src[:pr.offsets[max(0, min(n, len(pr.lines)))]]
	pr.budget -= len(text)
	dec := yaml.NewDecoder(bytes.NewReader(text))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// nextContent returns the first line after line n that holds more than
// spaces and a comment, or n when there is none: a mistake on the first
// line of a document may only break the text at the next line.
func (pr *prober) nextContent(n int) int {
	for i := n + 1; i <= len(pr.lines); i++ {
		if t := strings.TrimLeft(pr.lines[i-1], " \t"); t != "" && t[0] != '#' {
			return i
		}
	}
	return n
}

// lineOf returns the 1-based line that holds byte offset off.
func (pr *prober) lineOf(off int) int {
	lo, hi := 0, len(pr.lines)
	for lo < hi {
		m := (lo + hi + 1) / 2
		if pr.offsets[m] <= off {
			lo = m
		} else {
			hi = m - 1
		}
	}
	return min(lo+1, len(pr.lines))
}

// firstBadLine returns the 1-based line at which the source stops being
// YAML: its first lines up to that one do not parse, the lines before it
// do. consumed narrows the search to the few kilobytes the parser had read
// past the error.
func (pr *prober) firstBadLine(consumed int) int {
	// Invariant: the first lo lines parse, the first hi do not.
	lo, hi := 0, len(pr.lines)
	if consumed > 0 && consumed < len(pr.src) {
		if h := pr.lineOf(consumed); !pr.parses(h) {
			hi = h
		}
	}
	if back := pr.lineOf(max(0, consumed-8<<10)) - 1; back > 0 && back < hi && pr.parses(back) {
		lo = back
	}
	for hi-lo > 1 && pr.budget > 0 {
		m := (lo + hi) / 2
		if pr.parses(m) {
			lo = m
		} else {
			hi = m
		}
	}
	return max(hi, 1)
}

// level is a block collection open at some line of the scan.
type level struct {
	indent int    // the 0-based column of its keys or dashes
	seq    bool   // a sequence, else a mapping
	holder string // the key whose value it is, "" at the top
	item   bool   // a mapping that is an item of a sequence
	key    string // a mapping's latest key, a sequence's latest item
	line   int    // the 1-based line of key
	first  int    // the 1-based line that opened it
	// parent is the column of the key whose value the sequence is, -1
	// when unknown.
	parent int
}

// what names a mapping for "so it leaves …".
func (l *level) what() string {
	switch {
	case l.item && l.holder == "key_results":
		return "the key result"
	case l.item && l.holder == "check_ins":
		return "the check-in"
	case l.item && l.holder != "":
		return fmt.Sprintf("the item of `%s:`", l.holder)
	case l.holder != "":
		return fmt.Sprintf("`%s:`", l.holder)
	}
	return "the document"
}

// syntaxScan follows the block structure of a YAML source line by line.
type syntaxScan struct {
	lines []string
	stack []*level
	// opener is the column of a key (or dash) whose value starts on the
	// lines below, or -1; openerDash says it is a dash.
	opener     int
	openerDash bool
	openerKey  string
	// plain is the column of the key (or dash) whose plain value may go on
	// over more indented lines, or -1; plainLine and plainText are that
	// value's line and text.
	plain     int
	plainLine int
	plainText string
	anchors   map[string]bool
	// breaks is the line at which the text stops being YAML when the
	// problem found lies on an earlier line, else 0.
	breaks int
	// step is the file's usual indentation step.
	step int
}

// problem is a finding of the scan.
type problem struct {
	line, off int // 1-based line, byte offset in it
	msg       string
}

// scanSyntax looks for the first mistake of a common kind at or before
// line last (1-based) of lines and describes it; breaks is the line at
// which the text stops being YAML, the mistake's or a later one. ok is
// false when it finds none it can explain.
func scanSyntax(lines []string, last int) (p Pos, msg string, breaks int, ok bool) {
	s := &syntaxScan{lines: lines, step: indentStep(lines)}
	s.reset()
	pr, ok := s.run(min(last, len(lines)))
	if !ok || pr.line > last {
		return Pos{}, "", 0, false
	}
	breaks = pr.line
	if s.breaks > 0 {
		breaks = s.breaks
	}
	l := lines[pr.line-1]
	return Pos{pr.line, utf8.RuneCountInString(l[:min(pr.off, len(l))]) + 1}, pr.msg, breaks, true
}

func (s *syntaxScan) reset() {
	s.stack, s.opener, s.plain, s.anchors = nil, -1, -1, map[string]bool{}
}

// run scans lines 1..last; ok false means no problem found, or a construct
// the scan does not follow.
func (s *syntaxScan) run(last int) (problem, bool) {
	block := -1 // inside a block scalar: the column of its key or dash
	for n := 1; n <= last; n++ {
		line := s.lines[n-1]
		trimmed := strings.TrimLeft(line, " \t")
		ind := len(line) - len(trimmed)
		if trimmed == "" {
			continue
		}
		if block >= 0 {
			if len(line)-len(strings.TrimLeft(line, " ")) > block {
				continue // text of a block scalar
			}
			block = -1
		}
		if trimmed[0] == '#' {
			continue
		}
		if line[0] == '%' {
			return problem{}, false // a directive
		}
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") {
			if rest := line[3:]; rest != "" && (rest[0] != ' ' || !restIsComment(rest)) {
				return problem{}, false // content after a marker
			}
			s.reset()
			continue
		}
		if t := strings.IndexByte(line[:ind], '\t'); t >= 0 {
			return problem{n, t, fmt.Sprintf("a tab before %s; YAML indents with spaces", lead(trimmed))}, true
		}
		pr, skip, ok := s.line(n, ind)
		if ok {
			return pr, true
		}
		switch {
		case skip < 0:
			return problem{}, false
		case skip > 0:
			block = skip - 1
		}
	}
	return problem{}, false
}

// indentStep returns the most common step by which a line is indented more
// than the line above it, 2 when there is none.
func indentStep(lines []string) int {
	counts := map[int]int{}
	prev := -1
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		ind := len(l) - len(t)
		if prev >= 0 && ind > prev && ind-prev <= 8 {
			counts[ind-prev]++
		}
		prev = ind
	}
	step, best := 2, 0
	for d, c := range counts {
		if c > best || (c == best && d < step) {
			step, best = d, c
		}
	}
	return step
}

// lead is the first token of a line's content as its messages quote it:
// "`deadline:`", "`- id:`", "`text`".
func lead(content string) string {
	dash := ""
	for strings.HasPrefix(content, "- ") {
		dash += "- "
		content = strings.TrimLeft(content[2:], " ")
	}
	if k, _, ok := splitKey(content); ok {
		return "`" + dash + k + ":`"
	}
	t := content
	if i := strings.Index(t, " #"); i >= 0 {
		t = t[:i]
	}
	if r := []rune(t); len(r) > 24 {
		t = string(r[:24]) + "…"
	}
	return "`" + dash + strings.TrimRight(t, " ") + "`"
}

// splitKey splits "key: value" (also a quoted key, and "key:" alone) into
// the key and the offset of what follows its ':'.
func splitKey(c string) (key string, after int, ok bool) {
	if c == "" {
		return "", 0, false
	}
	if c[0] == '"' || c[0] == '\'' {
		end := closingQuote(c, 0)
		if end < 0 {
			return "", 0, false
		}
		rest := strings.TrimLeft(c[end+1:], " ")
		if strings.HasPrefix(rest, ":") && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t') {
			return c[1:end], len(c) - len(rest) + 1, true
		}
		return "", 0, false
	}
	if strings.IndexByte("[]{},#&*!|>%@`?", c[0]) >= 0 || (c[0] == '-' && (len(c) == 1 || c[1] == ' ')) {
		return "", 0, false
	}
	for i := 0; i < len(c); i++ {
		switch {
		case c[i] == ':' && (i+1 == len(c) || c[i+1] == ' ' || c[i+1] == '\t'):
			return strings.TrimRight(c[:i], " "), i + 1, true
		case c[i] == '#' && c[i-1] == ' ':
			return "", 0, false
		}
	}
	return "", 0, false
}

// closingQuote returns the offset in c of the quote that closes the one at
// open, or -1 when it is not on this line.
func closingQuote(c string, open int) int {
	q := c[open]
	for i := open + 1; i < len(c); i++ {
		switch {
		case q == '"' && c[i] == '\\':
			i++
		case q == '\'' && c[i] == '\'' && i+1 < len(c) && c[i+1] == '\'':
			i++
		case c[i] == q:
			return i
		}
	}
	return -1
}

func (s *syntaxScan) top() *level {
	if len(s.stack) == 0 {
		return nil
	}
	return s.stack[len(s.stack)-1]
}

func (s *syntaxScan) push(l *level) { s.stack = append(s.stack, l) }

// line scans line n, whose content starts at column ind. It returns a
// problem (ok), or skip: 0 to go on, -1 to give up, c+1 when a block
// scalar whose key or dash sits at column c starts below.
func (s *syntaxScan) line(n, ind int) (pr problem, skip int, ok bool) {
	text := s.lines[n-1]
	c := text[ind:]
	dash := c[0] == '-' && (len(c) == 1 || c[1] == ' ')
	_, _, isKey := splitKey(c)

	if s.opener >= 0 {
		col, wasDash, holder := s.opener, s.openerDash, s.openerKey
		s.opener = -1
		if ind > col || (ind == col && dash && !wasDash) {
			if dash {
				s.push(&level{indent: ind, seq: true, holder: holder, first: n, parent: col})
			} else {
				s.push(&level{indent: ind, holder: holder, item: wasDash, first: n, parent: -1})
			}
			return s.content(n, ind)
		}
	}
	if s.plain >= 0 && ind > s.plain {
		if !isKey {
			return problem{}, 0, false // the plain value goes on
		}
		if pr, ok := missingSpace(s.plainLine, s.lines[s.plainLine-1], s.plainText); ok {
			s.breaks = n
			return pr, 0, true
		}
	}
	s.plain = -1

	var popped, poppedSeq *level
	for t := s.top(); t != nil && t.indent > ind; t = s.top() {
		if popped == nil {
			popped = t
		}
		if t.seq {
			poppedSeq = t
		}
		s.stack = s.stack[:len(s.stack)-1]
	}
	t := s.top()
	switch {
	case t == nil && popped == nil:
		// The first line of the document.
		if dash {
			s.push(&level{indent: ind, seq: true, first: n, parent: -1})
		} else {
			s.push(&level{indent: ind, first: n, parent: -1})
		}
		return s.content(n, ind)
	case t == nil && ind == 0 && popped.first > 0 && popped.line == popped.first:
		// An indented first line, and the next one in column 1: the
		// first is the odd one.
		first := s.lines[popped.first-1]
		return problem{popped.first, popped.indent, fmt.Sprintf("%s is indented %s, where a document starts in column 1 like %s below it", lead(first[popped.indent:]), spaces(popped.indent), lead(c))}, 0, true
	case t == nil || (t.indent < ind && popped != nil):
		return s.dedented(n, ind, c, popped), 0, true
	case t.indent < ind:
		// More indented than the line above, which opened nothing.
		if len(s.stack) > 1 {
			if pr, ok := s.oddFirstItem(s.stack[len(s.stack)-2], t, n, ind, c); ok {
				return pr, 0, true
			}
		}
		if prev := s.prevKey(t); prev != "" {
			same := "the keys of one mapping start in the same column"
			if t.seq {
				same = "the items of one list start in the same column"
			}
			return problem{n, ind, fmt.Sprintf("%s is indented %s more than %s above it; %s", lead(c), spaces(ind-t.indent), prev, same)}, 0, true
		}
		return problem{}, -1, false
	case t.seq && !dash:
		if len(s.stack) > 1 && s.stack[len(s.stack)-2].indent == ind && !s.stack[len(s.stack)-2].seq {
			s.stack = s.stack[:len(s.stack)-1] // a sequence in its key's column ends
			return s.content(n, ind)
		}
		if c[0] == '-' && t.indent == ind {
			word := c
			if k, _, ok := splitKey(c); ok {
				word = k + ":"
			}
			return problem{n, ind, fmt.Sprintf("`%s` needs a space after the `-` of a list item (write `- %s`)", word, word[1:])}, 0, true
		}
		if popped != nil {
			if pr, ok := s.oddFirstItem(t, popped, n, ind, c); ok {
				return pr, 0, true
			}
			return s.dedented(n, ind, c, popped), 0, true
		}
		if t.holder == "" {
			return problem{n, ind, fmt.Sprintf("%s is in the column of the `-` items above: a document is a mapping or a list, not both", lead(c))}, 0, true
		}
		return problem{n, ind, fmt.Sprintf("%s is in the column of the `-` items of `%s:`; indent it under an item, or move it to the column of `%s:`", lead(c), t.holder, t.holder)}, 0, true
	case !t.seq && dash:
		if poppedSeq != nil && poppedSeq.holder != "" {
			return problem{n, ind, fmt.Sprintf("%s at column %d is a list item among the keys of %s; the items of `%s:` above start at column %d", lead(c), ind+1, t.what(), poppedSeq.holder, poppedSeq.indent+1)}, 0, true
		}
		return problem{n, ind, fmt.Sprintf("%s is a list item among the keys of %s: a list goes under a key that ends with `:`", lead(c), t.what())}, 0, true
	}
	return s.content(n, ind)
}

// oddFirstItem handles a line n, with content c at column ind, that does
// not line up with the first key of the first item of sequence seq, the
// item's only line so far. Either line may be the mistake; the dash line
// is when the line below lines up with the file's indentation step under
// the sequence's key, as in
//
//	key_results:
//	    - id: leads
//	    title: …
func (s *syntaxScan) oddFirstItem(seq, item *level, n, ind int, c string) (problem, bool) {
	if !seq.seq || !item.item || seq.parent < 0 || seq.first != item.first || item.line != item.first {
		return problem{}, false
	}
	want := ind - (item.indent - seq.indent) // where the dash would sit for line n to line up
	if want != seq.parent+s.step || want == seq.indent {
		return problem{}, false
	}
	dash := s.lines[seq.first-1]
	more, d := "more", seq.indent-want
	if d < 0 {
		more, d = "less", -d
	}
	return problem{seq.first, seq.indent, fmt.Sprintf("%s is indented %s %s than the rest of %s (%s below it)", lead(dash[seq.indent:]), spaces(d), more, item.what(), lead(c))}, true
}

// prevKey quotes the key or item above a line in level t, "" if none.
func (s *syntaxScan) prevKey(t *level) string {
	switch {
	case t.key == "":
		return ""
	case t.seq:
		return "`- " + t.key + "`"
	}
	return "`" + t.key + ":`"
}

// dedented describes line n, whose content c at column ind lies between
// the columns of the open collections, leaving popped.
func (s *syntaxScan) dedented(n, ind int, c string, popped *level) problem {
	if popped.seq || popped.key == "" {
		return problem{n, ind, fmt.Sprintf("%s is indented %s less than the line above it, and matches the column of nothing above", lead(c), spaces(popped.indent-ind))}
	}
	return problem{n, ind, fmt.Sprintf("%s is indented %s less than `%s:` above it (line %d), so it leaves %s", lead(c), spaces(popped.indent-ind), popped.key, popped.line, popped.what())}
}

// content scans the content of line n at column ind, in the collection on
// top of the stack (whose column it is).
func (s *syntaxScan) content(n, ind int) (problem, int, bool) {
	text := s.lines[n-1]
	pos := ind
	t := s.top()
	for pos < len(text) && text[pos] == '-' && (pos+1 == len(text) || text[pos+1] == ' ') {
		// A sequence item: its content, if any, is a node of its own at
		// the column after the dash and its spaces.
		if !t.seq || t.indent != pos {
			t = &level{indent: pos, seq: true, holder: t.holder, first: n, parent: -1}
			s.push(t)
		}
		next := pos + 1
		for next < len(text) && text[next] == ' ' {
			next++
		}
		if next == len(text) || text[next] == '#' {
			s.opener, s.openerDash, s.openerKey = pos, true, t.holder
			return problem{}, 0, false
		}
		t.key, t.line = strings.TrimRight(text[next:], " "), n
		if _, _, isKey := splitKey(text[next:]); isKey {
			t = &level{indent: next, holder: t.holder, item: true, first: n, parent: -1}
			s.push(t)
			pos = next
			break
		}
		if text[next] == '-' && (next+1 == len(text) || text[next+1] == ' ') {
			pos = next
			continue // a sequence in a sequence
		}
		return s.value(n, pos, next, t.holder)
	}
	if t.seq {
		return problem{}, -1, false // nested flow or the like
	}
	key, after, isKey := splitKey(text[pos:])
	if !isKey && strings.IndexByte("?:[{&!*", text[pos]) >= 0 {
		return problem{}, -1, false // an explicit or flow key, a node property
	}
	if !isKey {
		if pr, ok := missingSpace(n, text, text[pos:]); ok {
			return pr, 0, true
		}
		if len(s.stack) == 1 && len(t.key) == 0 {
			return problem{}, -1, false // a scalar document
		}
		return problem{n, pos, fmt.Sprintf("%s is not a `key: value` line, where %s expects one", lead(text[pos:]), t.what())}, 0, true
	}
	if w := utf8.RuneCountInString(text[pos : pos+after]); w > 1024 {
		return problem{n, pos, fmt.Sprintf("this key runs over %d characters up to its `:`; YAML allows 1024", w)}, 0, true
	}
	t.key, t.line = key, n
	v := pos + after
	for v < len(text) && text[v] == ' ' {
		v++
	}
	return s.value(n, pos, v, key)
}

// value scans the value at offset v of line n, of the key or dash at
// column col; holder is the key.
func (s *syntaxScan) value(n, col, v int, holder string) (problem, int, bool) {
	text := s.lines[n-1]
	// An anchor or a tag comes before the value proper.
	for v < len(text) && (text[v] == '&' || text[v] == '!') {
		end := strings.IndexByte(text[v:], ' ')
		if end < 0 {
			end = len(text) - v
		}
		if text[v] == '&' {
			s.anchors[text[v+1:v+end]] = true
		}
		v += end
		for v < len(text) && text[v] == ' ' {
			v++
		}
	}
	if v >= len(text) || text[v] == '#' {
		s.opener, s.openerDash, s.openerKey = col, false, holder
		return problem{}, 0, false
	}
	switch c := text[v]; c {
	case '|', '>':
		return problem{}, col + 1, false
	case '"', '\'':
		end := closingQuote(text, v)
		if end < 0 {
			if s.closesBelow(n, string(c)) {
				return problem{}, -1, false // a quoted value over several lines
			}
			return problem{n, v, fmt.Sprintf("the quote %c opened here is never closed", c)}, 0, true
		}
		rest := text[end+1:]
		switch {
		case c == '\'' && rest != "" && rest[0] != ' ' && rest[0] != '#':
			return problem{n, end, "this apostrophe ends the value quoted with ' at its start; inside single quotes write an apostrophe as ''"}, 0, true
		case c == '"' && !restIsComment(rest) && strings.Contains(rest, `"`):
			return problem{n, end, `this " ends the value quoted with " at its start; inside double quotes write a quote as \"`}, 0, true
		case !restIsComment(rest):
			return problem{n, end + 1, fmt.Sprintf("text after the closing quote of %s; put the whole value in quotes", lead(strings.TrimLeft(text, " -")))}, 0, true
		}
	case '[', '{':
		if close := flowEnd(text, v); close < 0 {
			if s.closesBelow(n, map[byte]string{'[': "]", '{': "}"}[c]) {
				return problem{}, -1, false // a flow collection over several lines
			}
			return problem{n, v, fmt.Sprintf("the %c opened here is never closed", c)}, 0, true
		} else if !restIsComment(text[close+1:]) {
			return problem{}, -1, false
		} else if q := flowQuestion(text, v, close); q >= 0 {
			return problem{n, q, "a ? inside [ ] or { } may only start an item: put the item in quotes (\"why?\")"}, 0, true
		}
	case '*':
		name := strings.TrimRight(text[v+1:], " ")
		if i := strings.Index(name, " #"); i >= 0 {
			name = strings.TrimRight(name[:i], " ")
		}
		if !s.anchors[name] {
			return problem{n, v, fmt.Sprintf("alias *%s names no anchor &%s above it", name, name)}, 0, true
		}
	case '@', '`':
		return problem{n, v, fmt.Sprintf("a value cannot start with %c: put it in quotes", c)}, 0, true
	case '%':
		return problem{}, -1, false
	default:
		plain := text[v:]
		if i := strings.Index(plain, " #"); i >= 0 {
			plain = plain[:i]
		}
		plain = strings.TrimRight(plain, " ")
		if i := strings.Index(plain, ": "); i >= 0 || strings.HasSuffix(plain, ":") {
			if i < 0 {
				i = len(plain) - 1
			}
			return problem{n, v + i, fmt.Sprintf("the value of %s holds `: `, which YAML reads as the start of a key: put the value in quotes", lead(strings.TrimLeft(text, " -")))}, 0, true
		}
		s.plain, s.plainLine, s.plainText = col, n, plain
	}
	return problem{}, 0, false
}

// closesBelow reports whether one of the lines after line n, in the same
// document, holds closer: then a quote or bracket left open on line n may
// be closed there, and the scan cannot tell what lies between.
func (s *syntaxScan) closesBelow(n int, closer string) bool {
	for _, l := range s.lines[n:] {
		if strings.HasPrefix(l, "---") || strings.HasPrefix(l, "...") {
			return false
		}
		if strings.Contains(l, closer) {
			return true
		}
	}
	return false
}

// missingSpace finds a "key:value" with no space after the colon in
// content, the text of line n at a key's place.
func missingSpace(n int, text, content string) (problem, bool) {
	i := strings.IndexByte(content, ':')
	if i <= 0 || i+1 >= len(content) || content[i+1] == ' ' || content[i+1] == '\t' || strings.ContainsAny(content[:i], " \"'[]{}#") || strings.Contains(content, ": ") {
		return problem{}, false
	}
	key, value := content[:i], strings.TrimRight(content[i+1:], " ")
	if strings.HasPrefix(value, "//") {
		return problem{}, false // a URL
	}
	off := len(text) - len(content) + i
	return problem{n, off, fmt.Sprintf("`%s:%s` needs a space after the `:` (write `%s: %s`)", key, value, key, value)}, true
}

// flowEnd returns the offset of the bracket that closes the flow
// collection opened at v of text, or -1 when it does not close there.
func flowEnd(text string, v int) int {
	depth := 0
	for i := v; i < len(text); i++ {
		switch c := text[i]; c {
		case '"', '\'':
			if j := closingQuote(text, i); j >= 0 {
				i = j
			} else {
				return -1
			}
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i
			}
		case '#':
			if text[i-1] == ' ' {
				return -1
			}
		}
	}
	return -1
}

// flowQuestion returns the offset of a '?' that does not start an item of
// the flow collection text[open:close+1], which yaml.v3 rejects, or -1.
func flowQuestion(text string, open, close int) int {
	start := true // no item text yet since the last [, { or ,
	for i := open; i < close; i++ {
		switch c := text[i]; c {
		case '"', '\'':
			if i = closingQuote(text, i); i < 0 {
				return -1
			}
			start = false
		case '[', '{', ',':
			start = true
		case ' ':
		case '?':
			if !start {
				return i
			}
			start = false
		default:
			start = false
		}
	}
	return -1
}

// restIsComment reports whether what follows a value on its line is blank
// or a comment after a space.
func restIsComment(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || (t[0] == '#' && len(t) < len(s))
}

// spaces says "1 space" or "n spaces".
func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}
