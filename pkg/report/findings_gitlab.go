package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"

	"github.com/okrctl/okrctl/pkg/lint"
)

// gitlabFindings writes a GitLab Code Quality report (docs/ci.md): a JSON
// array of issues with description, check_name, fingerprint, severity and
// location {path, lines {begin}}, which GitLab shows in merge requests.
type gitlabFindings struct{}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string `json:"path"`
	Lines struct {
		Begin int `json:"begin"`
	} `json:"lines"`
}

func (gitlabFindings) Format(w io.Writer, f *Findings) error {
	issues := []gitlabIssue{}
	seen := map[string]int{}
	for _, fd := range f.Findings {
		is := gitlabIssue{Description: fd.Message, CheckName: fd.Rule, Severity: "major"}
		if fd.Severity == lint.Warning {
			is.Severity = "minor"
		}
		is.Location.Path = fd.File
		is.Location.Lines.Begin = max(fd.Line, 1) // 0 is the whole file
		is.Fingerprint = fingerprint(fd, seen)
		issues = append(issues, is)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// fingerprint identifies a finding across runs so that GitLab can tell new
// problems from old ones: the file, rule and message, and which of the
// findings alike in those it is, but not the line, so that editing lines
// above a finding does not make it new. seen counts the findings alike so
// far.
func fingerprint(fd lint.Finding, seen map[string]int) string {
	key := fd.File + "\x00" + fd.Rule + "\x00" + fd.Message
	n := seen[key]
	seen[key] = n + 1
	sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:16])
}
