package config

import (
	"fmt"
	"path"
	"strings"
)

// MatchGlob reports whether name, a '/'-separated relative path, matches
// pattern. Segments match as in path.Match; a "**" segment matches any
// number of segments, including none; a pattern without '/' matches at any
// depth. A pattern that names a directory also matches everything under it.
//
// As in .gitignore, a leading "/" (or "./") anchors a bare name to the
// configuration's directory; a trailing "/" is ignored.
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimSuffix(pattern, "/")
	anchored := false
	for _, prefix := range []string{"./", "/"} {
		if strings.HasPrefix(pattern, prefix) {
			pattern, anchored = pattern[len(prefix):], true
		}
	}
	if !anchored && !strings.Contains(pattern, "/") {
		// Like .gitignore: a bare name matches at any depth.
		pattern = "**/" + pattern
	}
	var pat []string
	for _, seg := range strings.Split(pattern, "/") {
		if seg == "**" && len(pat) > 0 && pat[len(pat)-1] == "**" {
			continue // "**/**" is "**", and costs less to match
		}
		pat = append(pat, seg)
	}
	return matchSegs(pat, strings.Split(name, "/"))
}

// matchSegs matches pattern segments against name segments. A pattern
// that matches a prefix of name matches it all (a directory and what lies
// beneath). It remembers failed (pattern, name) suffix pairs, so a pattern
// with many "**" costs O(len(pat)·len(name)) rather than exponential time.
func matchSegs(pat, name []string) bool {
	failed := make(map[[2]int]bool)
	var match func(p, n int) bool
	match = func(p, n int) bool {
		for p < len(pat) {
			if pat[p] == "**" {
				key := [2]int{p, n}
				if failed[key] {
					return false
				}
				for i := n; i <= len(name); i++ {
					if match(p+1, i) {
						return true
					}
				}
				failed[key] = true
				return false
			}
			if n == len(name) {
				return false
			}
			if ok, _ := path.Match(pat[p], name[n]); !ok {
				return false
			}
			p, n = p+1, n+1
		}
		return true
	}
	return match(0, 0)
}

// CheckGlob reports a malformed glob.
func CheckGlob(pattern string) error {
	for _, seg := range strings.Split(pattern, "/") {
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Errorf("bad glob %q: %v", pattern, err)
		}
	}
	return nil
}
