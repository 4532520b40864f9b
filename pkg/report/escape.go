package report

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text from the YAML and CSV files (titles, owners, descriptions, ids,
// labels, paths, finding messages) reaches Markdown only through the
// functions of this file, so that it reads as the same words and can do
// nothing else: break a table cell, start a heading or a list, open
// emphasis, a link or a code span, inject HTML, or notify people.

// zwsp is a zero-width space. Put after an @, it keeps GitHub from
// turning "@name" into a mention, as Dependabot does in the release notes it
// quotes, while the text still reads "@name".
const zwsp = "\u200b"

// mdText escapes s for inline Markdown: a table cell, a heading, a list
// item or a paragraph. Whitespace runs, newlines included, become one space,
// so the result is a single line. Characters with a Markdown meaning are
// backslash-escaped (which GitHub tables also honour for |); <, > and & become
// entities, so no HTML tag or entity survives as such; an @ before a name and
// a # before a number get a zero-width space; and a leading +, -, = or "1." is escaped so the text
// cannot start a list or a heading where it begins a line.
func mdText(s string) string {
	s = sanitizeLine(s)
	if !strings.ContainsAny(s, mdSpecial) {
		return s // most titles and owners: nothing to escape, nothing to copy
	}
	return escapeLine(s)
}

// escapeLine is mdText of a line sanitizeLine has cleaned (valid UTF-8).
// It walks the string by byte offset, decoding the runes it looks at
// around i.
func escapeLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	// next is the rune after the one at i (of size n), or -1 at the end.
	next := func(i, n int) rune {
		if i+n >= len(s) {
			return -1
		}
		r, _ := utf8.DecodeRuneInString(s[i+n:])
		return r
	}
	for i, n := 0, 0; i < len(s); i += n {
		var r rune
		r, n = utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\\', '`', '*', '[', ']', '|', '~', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '#':
			// GitHub links "#123" to an issue even when escaped; a
			// zero-width space after the # keeps it plain text.
			b.WriteString(`\#`)
			if c := next(i, n); c >= '0' && c <= '9' {
				b.WriteString(zwsp)
			}
		case '_':
			// An underscore between two letters or digits cannot open or
			// close emphasis (CommonMark's intraword rule): keep snake_case
			// readable.
			if prev, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && isAlnum(prev) && next(i, n) >= 0 && isAlnum(next(i, n)) {
				b.WriteRune(r)
			} else {
				b.WriteString(`\_`)
			}
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '@':
			b.WriteRune(r)
			if c := next(i, n); c >= 0 && isAlnum(c) {
				b.WriteString(zwsp)
			}
		case '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
			// GitHub links "GH-42" to an issue, like "#42".
			if c := next(i, n); r == '-' && wordBefore(s, i, "gh") && c >= '0' && c <= '9' {
				b.WriteString(zwsp)
			}
		case ':':
			// A bare http:// or https:// address is auto-linked.
			if (wordBefore(s, i, "http") || wordBefore(s, i, "https")) && strings.HasPrefix(s[i+n:], "//") {
				b.WriteString(zwsp)
			}
			b.WriteRune(r)
		case '.', ')':
			// "1. text" or "1) text" would start an ordered list.
			if i > 0 && allDigits(s[:i]) && (i+n == len(s) || s[i+n] == ' ') {
				b.WriteByte('\\')
			}
			// So is "www.example.com".
			if r == '.' && wordBefore(s, i, "www") {
				b.WriteString(zwsp)
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdSpecial holds every character that mdText escapes or marks; the
// other characters it writes as they are.
const mdSpecial = "\\`*[]|~$#_<>&@+-=:.)"

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// mdParagraphs escapes a multi-line text such as a description: each
// paragraph (separated by a blank line) becomes one escaped line, and the
// paragraphs are joined by blank lines.
func mdParagraphs(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, p := range blankLine.Split(s, -1) {
		if p = mdText(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// codeSafe reports the identifiers, paths and locations that can sit in a
// code span unchanged, those of the form [A-Za-z0-9][A-Za-z0-9._/:-]*:
// nothing in them is special inside one, and no pipe can end a table cell.
func codeSafe(s string) bool {
	if s == "" || !isASCIIAlnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isASCIIAlnum(c) && c != '.' && c != '_' && c != '/' && c != ':' && c != '-' {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// mdCode shows an identifier (an id, a KPI, a path, file:line) in a code
// span when it is a plain identifier, and otherwise as escaped text between
// quotation marks: a code span would show backslash escapes literally, so it
// cannot hold arbitrary text.
func mdCode(s string) string {
	if codeSafe(s) {
		return "`" + s + "`"
	}
	return "“" + mdText(s) + "”"
}

// sanitizeLine removes what must never reach the output (invalid UTF-8, control
// characters, and the bidirectional overrides that make text display in
// another order than it reads) and folds every run of whitespace, line
// breaks included, into one space.
func sanitizeLine(s string) string {
	if cleanLine(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' || r == 0x85:
			space = b.Len() > 0
			continue
		case isBidiControl(r):
			continue
		case r == 0 || unicode.IsControl(r):
			r = '\uFFFD'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanLine reports whether sanitizeLine would return s unchanged: valid
// UTF-8 with no control character, bidirectional control or whitespace
// other than single spaces between words. Most text is, and is then not
// copied.
func cleanLine(s string) bool {
	prevSpace := true // a leading space is not clean
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c < 0x20 || c == 0x7f:
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsSpace(r) || unicode.IsControl(r) || isBidiControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		prevSpace = false
		i += n
	}
	return !prevSpace || s == ""
}

// isBidiControl reports the explicit directional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), which can make a title display
// differently from what it says.
func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// wordBefore reports whether the runes just before s[i:] are word, case
// ignored, and start a word.
func wordBefore(s string, i int, word string) bool {
	for w := len(word) - 1; w >= 0; w-- {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if n == 0 || !strings.EqualFold(string(r), word[w:w+1]) {
			return false
		}
		i -= n
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return n == 0 || !isAlnum(r)
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxMermaidText bounds a chart's title and labels: Mermaid does not wrap
// them.
const maxMermaidText = 80

// mermaidText makes s safe inside a double-quoted Mermaid string: one line,
// no double quote (which would end the string), no backtick (which could
// close the Markdown fence or start a Mermaid Markdown string), no < > & #
// ; { } [ ] (HTML, entities, statement ends, directives, lists), no %% (a
// comment) and no backslash; each of them becomes a look-alike or a space. The result is at
// most maxMermaidText runes long.
func mermaidText(s string) string {
	s = sanitizeLine(s)
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxMermaidText-1 && utf8.RuneCountInString(s) > maxMermaidText {
			b.WriteRune('…')
			break
		}
		switch r {
		case '"', '`':
			r = '\''
		case '<':
			r = '‹'
		case '>':
			r = '›'
		case '&':
			r = '+'
		case '#', ';', '{', '}', '\\', '[', ']':
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	for strings.Contains(out, "%%") {
		out = strings.ReplaceAll(out, "%%", "%")
	}
	return out
}
