package report

import (
	"regexp"
	"strings"
)

// mdLink matches a Markdown link or image, [text](destination), with no
// nested brackets, and a bare URL.
var mdLink = regexp.MustCompile(`!?\[([^\[\]\n]*)\]\(([^()\s]*)\)|\bhttps?://[^\s<>()\[\]"'` + "`" + `]+`)

// linkSafe is a destination a link may keep: http or https, nothing that
// can end the destination or start HTML.
var linkSafe = regexp.MustCompile(`^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~!$&'*+,;=:@%/?#-]*)?$`)

// mdDescription escapes a description as mdParagraphs does, but keeps its
// links: a Markdown link or a bare URL to an http(s) address becomes a
// link (an image becomes a plain link, so nothing is loaded); any other
// link (javascript:, data:, a relative path) stays escaped text.
func mdDescription(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, p := range blankLine.Split(s, -1) {
		if p = mdLinkLine(sanitizeLine(p)); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// mayLink reports whether mdLink can match in s: each of its forms holds
// "](" or "://". Most descriptions have neither and skip the expression.
func mayLink(s string) bool {
	return strings.Contains(s, "](") || strings.Contains(s, "://")
}

// mdLinkLine escapes one paragraph, keeping its http(s) links.
func mdLinkLine(s string) string {
	if !mayLink(s) {
		return strings.TrimSpace(mdFragment(s))
	}
	var b strings.Builder
	last := 0
	for _, loc := range mdLink.FindAllStringSubmatchIndex(s, -1) {
		text, dest := "", s[loc[0]:loc[1]]
		if loc[2] >= 0 {
			text, dest = s[loc[2]:loc[3]], s[loc[4]:loc[5]]
		}
		dest = strings.TrimRight(dest, ".,;:!?")
		if !linkSafe.MatchString(dest) {
			continue
		}
		end := loc[1]
		if loc[2] < 0 {
			end = loc[0] + len(dest) // trailing punctuation stays text
		}
		before := mdFragment(s[last:loc[0]])
		if strings.HasSuffix(before, "!") {
			// "!" before a link would make it an image.
			before = strings.TrimSuffix(before, "!") + `\!`
		}
		b.WriteString(before)
		if text == "" {
			text = dest
		}
		b.WriteString("[" + mdText(text) + "](" + dest + ")")
		last = end
	}
	b.WriteString(mdFragment(s[last:]))
	return strings.TrimSpace(b.String())
}

// mdFragment escapes part of a line, keeping the spaces at its ends that
// mdText would trim.
func mdFragment(s string) string {
	out := mdText(s)
	if out == "" {
		if strings.TrimSpace(s) != s {
			return " "
		}
		return out
	}
	if strings.HasPrefix(s, " ") {
		out = " " + out
	}
	if strings.HasSuffix(s, " ") {
		out += " "
	}
	return out
}
