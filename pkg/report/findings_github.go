package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/okrctl/okrctl/pkg/lint"
)

// githubFindings writes GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request's lines.
type githubFindings struct{}

func (githubFindings) Format(w io.Writer, f *Findings) error {
	bw := bufio.NewWriter(w)
	for _, fd := range f.Findings {
		cmd := "error"
		if fd.Severity == lint.Warning {
			cmd = "warning"
		}
		props := []string{"file=" + escapeProperty(fd.File)}
		if fd.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", fd.Line))
		}
		if fd.Column > 0 {
			props = append(props, fmt.Sprintf("col=%d", fd.Column))
		}
		props = append(props, "title="+escapeProperty("okrctl "+fd.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(fd.Message))
	}
	return bw.Flush()
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, where ':'
// and ',' separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
