package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/okrctl/okrctl/internal/plural"
	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/lint"
)

// Findings is what `okrctl validate` renders.
type Findings struct {
	Findings []lint.Finding // sorted
	Files    int            // files read
	// Names are the files read, as displayed, sorted: the test cases of
	// the junit format. May be nil.
	Names []string
	Rules []lint.RuleInfo
	// Source returns line n of a file, for the caret display; may be nil.
	Source func(file string, n int) string
	// Terminal asks for the human extras: colour and source lines with a
	// caret under the column.
	Terminal bool
	Color    bool
	Version  string
}

// FindingsFormatter writes findings in one format.
type FindingsFormatter interface {
	Format(w io.Writer, f *Findings) error
}

var findingsFormats = map[string]func() FindingsFormatter{
	"text":   func() FindingsFormatter { return textFindings{} },
	"json":   func() FindingsFormatter { return jsonFindings{} },
	"github": func() FindingsFormatter { return githubFindings{} },
	"sarif":  func() FindingsFormatter { return sarifFindings{} },
	"gitlab": func() FindingsFormatter { return gitlabFindings{} },
	"junit":  func() FindingsFormatter { return junitFindings{} },
}

// FindingsFormats lists the names NewFindingsFormatter accepts.
func FindingsFormats() []string {
	return []string{"text", "json", "github", "sarif", "gitlab", "junit"}
}

// NewFindingsFormatter returns the formatter of a format name.
func NewFindingsFormatter(name string) (FindingsFormatter, error) {
	if f, ok := findingsFormats[name]; ok {
		return f(), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(FindingsFormats(), ", "))
}

// Summary is the one-line summary validate prints on stderr.
func Summary(findings []lint.Finding, files int) string {
	errs, warns := diag.Count(findings)
	if errs == 0 && warns == 0 {
		return fmt.Sprintf("no problems in %s", plural.Of(files, "file"))
	}
	return fmt.Sprintf("%s, %s in %s", plural.Of(errs, "error"), plural.Of(warns, "warning"), plural.Of(files, "file"))
}
