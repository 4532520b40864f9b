package lint

import (
	"regexp"
	"testing"
)

// patternCases are patterns and whether compileBytePattern takes them.
var patternCases = map[string]bool{
	`^[a-z0-9][a-z0-9._-]*$`:   true,
	`^[A-Za-z_][A-Za-z0-9_]*$`: true,
	`^https?://`:               true,
	`^[a-z-]+$`:                true,
	`^[0-9]{4}-[0-9]{2}$`:      true,
	`^[0-9]{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$`: false, // alternation
	`^a*b?a$`:       false, // a* shares a with a later step: greedy is wrong on "a"
	`[a-z]+$`:       false, // not anchored at the start
	`^(?i)abc$`:     false, // case folding
	`^[à-ü]+$`:      false, // beyond ASCII
	`^.+$`:          false,
	`^x{2,}y?$`:     true,
	`^x{2,}y{0,3}$`: false, // a nested optional group
}

func TestCompileBytePattern(t *testing.T) {
	for pattern, want := range patternCases {
		if got := compileBytePattern(pattern) != nil; got != want {
			t.Errorf("%s: compiled %v, want %v", pattern, got, want)
		}
	}
}

// FuzzBytePattern checks that a compiled pattern matches exactly what
// regexp matches.
func FuzzBytePattern(f *testing.F) {
	for _, s := range []string{"", "a", "leads-2026q1", "Lead", "-a", "a-", "https://x", "http:/", "httpss://", "CRM_DB", "1ab", "xxyyy", "xxyyyy", "a\xff", "é"} {
		f.Add(s)
	}
	var compiled []*bytePattern
	var regexps []*regexp.Regexp
	for pattern, ok := range patternCases {
		if ok {
			compiled = append(compiled, compileBytePattern(pattern))
			regexps = append(regexps, regexp.MustCompile(pattern))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, p := range compiled {
			if got, want := p.MatchString(s), regexps[i].MatchString(s); got != want {
				t.Fatalf("%s on %q: %v, regexp says %v", regexps[i], s, got, want)
			}
		}
	})
}
