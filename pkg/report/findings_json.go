package report

import (
	"encoding/json"
	"io"

	"github.com/okrctl/okrctl/pkg/diag"
	"github.com/okrctl/okrctl/pkg/lint"
)

// jsonFindings writes {"findings": […], "errors": N, "warnings": N, "files": N}.
type jsonFindings struct{}

func (jsonFindings) Format(w io.Writer, f *Findings) error {
	errs, warns := diag.Count(f.Findings)
	out := struct {
		Findings []lint.Finding `json:"findings"`
		Errors   int            `json:"errors"`
		Warnings int            `json:"warnings"`
		Files    int            `json:"files"`
	}{f.Findings, errs, warns, f.Files}
	if out.Findings == nil {
		out.Findings = []lint.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
