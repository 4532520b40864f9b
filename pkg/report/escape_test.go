package report

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeMarkdownText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Grow leads by 20%", "Grow leads by 20%"},
		{"a | b", `a \| b`},
		{"line\nbreak\r\n\ttab", "line break tab"},
		{"  padded  ", "padded"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"&lt; is an entity", "&amp;lt; is an entity"},
		{"ask @octocat or @org/team", "ask @\u200boctocat or @\u200borg/team"},
		{"mail ops@example.com", "mail ops@\u200bexample.com"},
		{"a @ b", "a @ b"},
		{"fixes #123 and #tag", "fixes \\#\u200b123 and \\#tag"},
		{"`code` and ```fence", "\\`code\\` and \\`\\`\\`fence"},
		{"[click](https://evil.example)", "\\[click\\](https\u200b://evil.example)"},
		{"see http://x.example and HTTPS://y.example", "see http\u200b://x.example and HTTPS\u200b://y.example"},
		{"visit www.example.com", "visit www\u200b.example.com"},
		{"fixes GH-42 and gh-7", "fixes GH-\u200b42 and gh-\u200b7"},
		{"SIGH-42 high-5 GH-x", "SIGH-42 high-5 GH-x"},
		{"ratio 3:1 at shttp://x", "ratio 3:1 at shttp://x"},
		{"![img](x.png)", `!\[img\](x.png)`},
		{"[^1]", `\[^1\]`},
		{"**bold** *em* _em_ ~~del~~", `\*\*bold\*\* \*em\* \_em\_ \~\~del\~\~`},
		{"leads_generated", "leads_generated"},
		{"_leading and trailing_", `\_leading and trailing\_`},
		{"# heading", `\# heading`},
		{"Title #", `Title \#`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"=== setext", `\=== setext`},
		{"1. first", `1\. first`},
		{"12) first", `12\) first`},
		{"1.200 leads", "1.200 leads"},
		{"a-b+c=d", "a-b+c=d"},
		{"$x^2$ math", `\$x^2\$ math`},
		{`back\slash\`, `back\\slash\\`},
		{"bidi \u202eevil\u202c text", "bidi evil text"},
		{"nul\x00byte", "nul\uFFFDbyte"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"Reducir el ciclo de ventas de 45 a 35 días", "Reducir el ciclo de ventas de 45 a 35 días"},
		// Runes of several bytes around the characters that look back or
		// ahead.
		{"città_è perché_x _è", `città_è perché_x \_è`},
		{"è@ètica é#1 ñ. 1ñ. ñgh-1 ségh-1", "è@\u200bètica é\\#\u200b1 ñ. 1ñ. ñgh-1 ségh-1"},
		{"httpſ://x.example", "httpſ\u200b://x.example"},
	} {
		if got := mdText(tc.in); got != tc.want {
			t.Errorf("mdText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeParagraphs(t *testing.T) {
	got := mdParagraphs("First line\nsame paragraph.\n\n  \n# Second <b>\r\n\r\nThird")
	want := "First line same paragraph.\n\n\\# Second &lt;b&gt;\n\nThird"
	if got != want {
		t.Errorf("mdParagraphs = %q, want %q", got, want)
	}
}

func TestEscapeCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"marketing-demand-2026q4", "`marketing-demand-2026q4`"},
		{"kpis/snapshots/2026.csv:428", "`kpis/snapshots/2026.csv:428`"},
		{"leads_generated", "`leads_generated`"},
		{"bad|id", `“bad\|id”`},
		{"a`b", "“a\\`b”"},
		{"with space", "“with space”"},
		{"", "“”"},
	} {
		if got := mdCode(tc.in); got != tc.want {
			t.Errorf("mdCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeMermaid(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Leads generated", "Leads generated"},
		{`Say "hi"`, "Say 'hi'"},
		{"two\nlines", "two lines"},
		{"```\n%%{init: {}}%%", "''' % init: %"},
		{"<b>bold</b> & co", "‹b›bold‹/b› + co"},
		{"a;b#c[d]", "a b c d"},
		{"20% growth", "20% growth"},
		{strings.Repeat("x", 100), strings.Repeat("x", maxMermaidText-1) + "…"},
	} {
		if got := mermaidText(tc.in); got != tc.want {
			t.Errorf("mermaidText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// codeSafeSyntax is what codeSafe accepts.
var codeSafeSyntax = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/:-]*$`)

// mention matches what GitHub would turn into a mention: an @ directly
// followed by a name.
var mention = regexp.MustCompile(`@[A-Za-z0-9]`)

// FuzzEscape checks the escaping invariants on any input: one line, no
// unescaped pipe, no '<', no mention; Mermaid text has no quote, backtick
// or line break.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"a | b", "<script>x</script>", "@octocat", "`x`", "[a](b)", "\\|", "1. x", "# h", "\u202e", "\xff", " lead", "trail ", "two  spaces", "città è", "tab\tx", "nel\u0085x", "\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if cleanLine(s) && sanitizeLine(s) != s {
			t.Fatalf("cleanLine(%q) but sanitizeLine changes it to %q", s, sanitizeLine(s))
		}
		got := mdText(s)
		if line := sanitizeLine(s); !strings.ContainsAny(line, mdSpecial) && escapeLine(line) != line {
			t.Fatalf("mdText(%q) writes %q as it is, but escaping changes it to %q", s, line, escapeLine(line))
		}
		if codeSafe(s) != codeSafeSyntax.MatchString(s) {
			t.Fatalf("codeSafe(%q) = %v, want %v", s, codeSafe(s), !codeSafe(s))
		}
		if !utf8.ValidString(got) {
			t.Fatalf("mdText(%q) = %q: invalid UTF-8", s, got)
		}
		if strings.ContainsAny(got, "<>\n\r") {
			t.Fatalf("mdText(%q) = %q: raw < > or line break", s, got)
		}
		if mention.MatchString(got) {
			t.Fatalf("mdText(%q) = %q: a mention survives", s, got)
		}
		if n := cellCount("| " + got + " |"); n != 1 {
			t.Fatalf("mdText(%q) = %q: splits a table cell into %d", s, got, n)
		}
		for i := 0; i < len(got); i++ {
			if got[i] == '\\' {
				i++
				continue
			}
			if strings.IndexByte("`*[]|~#$", got[i]) >= 0 {
				t.Fatalf("mdText(%q) = %q: unescaped %q", s, got, got[i])
			}
		}
		if m := mermaidText(s); strings.ContainsAny(m, "\"`\n\r\\;#{}<>") || strings.Contains(m, "%%") {
			t.Fatalf("mermaidText(%q) = %q: unsafe character", s, m)
		}
		if c := mdCode(s); strings.HasPrefix(c, "`") && strings.ContainsAny(c[1:len(c)-1], "`|\\") {
			t.Fatalf("mdCode(%q) = %q: unsafe code span", s, c)
		}
	})
}
