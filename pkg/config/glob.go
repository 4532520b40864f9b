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
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(strings.TrimSuffix(pattern, "/"), "./")
	if !strings.Contains(pattern, "/") {
		// Like .gitignore: a bare name matches at any depth.
		pattern = "**/" + pattern
	}
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for i := 0; i <= len(name); i++ {
				if matchSegs(rest, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	// A pattern that matched a directory matches what lies beneath it.
	return true
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
