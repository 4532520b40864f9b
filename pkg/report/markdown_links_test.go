package report

import (
	"strings"
	"testing"
)

func TestMDDescriptionLinks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"See [the plan](https://example.com/plan_q4) now.", "See [the plan](https://example.com/plan_q4) now."},
		{"Dashboard: https://example.com/d?x=1.", "Dashboard: [https\u200b://example.com/d?x=1](https://example.com/d?x=1)."},
		{"![img](https://example.com/p.png)", "[img](https://example.com/p.png)"},
		{"Wow! [x](https://e.com)", `Wow! [x](https://e.com)`},
		{"Wow![x](https://e.com)", `Wow[x](https://e.com)`},
		{"[js](javascript:alert(1))", `\[js\](javascript:alert(1))`},
		{"[rel](../secret) and [mail](mailto:a@b.c)", "\\[rel\\](../secret) and \\[mail\\](mailto:a@\u200bb.c)"},
		{"[<b>](https://e.com/a\"b)", "\\[&lt;b&gt;\\](https\u200b://e.com/a\"b)"},
		{"@team see https://e.com", "@\u200bteam see [https\u200b://e.com](https://e.com)"},
	} {
		if got := mdDescription(tc.in); got != tc.want {
			t.Errorf("mdDescription(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzMDDescription checks that a description, whatever it holds, keeps
// only http(s) links and no raw HTML.
func FuzzMDDescription(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("[a](https://e.com) ![b](https://e.com/x.png) https://e.com/y.")
	f.Fuzz(func(t *testing.T, s string) {
		if !mayLink(s) && mdLink.MatchString(s) {
			t.Fatalf("mayLink(%q) is false, but %q is a link", s, mdLink.FindString(s))
		}
		out := mdDescription(s)
		if strings.Contains(out, "<") {
			t.Fatalf("raw '<' in %q", out)
		}
		rest := httpLink.ReplaceAllString(out, "")
		if m := rawLink.FindString(rest); m != "" {
			t.Fatalf("link syntax %q outside an http(s) link in %q", m, out)
		}
		if strings.Contains(out, "![") && !strings.Contains(out, `\![`) {
			t.Fatalf("an image in %q", out)
		}
	})
}
