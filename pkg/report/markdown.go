package report

import (
	"errors"
	"io"
)

// markdownStatus is a placeholder until the Markdown renderer lands.
type markdownStatus struct{}

func (markdownStatus) Format(io.Writer, *Status) error { return errors.New("markdown: not yet") }
