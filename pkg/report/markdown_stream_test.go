package report

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/okrctl/okrctl/internal/synth"
	"github.com/okrctl/okrctl/pkg/okr"
)

// chunks records each write it receives and fails the one numbered failAt
// (from 1; 0 never).
type chunks struct {
	writes [][]byte
	failAt int
}

var errDiskFull = errors.New("disk full")

func (c *chunks) Write(p []byte) (int, error) {
	c.writes = append(c.writes, bytes.Clone(p))
	if len(c.writes) == c.failAt {
		return 0, errDiskFull
	}
	return len(p), nil
}

// TestMarkdownStreams checks that the report and the Markdown status of a
// large repository are written as they are built, in parts of about
// flushSize that together are the whole document, and that the first
// error writing stops the writing and is returned.
func TestMarkdownStreams(t *testing.T) {
	asOf := time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)
	res := synthResult(t, synth.Spec{Objectives: 300, KPIs: 20, SnapshotRows: 600}, asOf)
	p, err := okr.ParsePeriod("2026-Q4")
	if err != nil {
		t.Fatal(err)
	}
	r := NewReport(res, asOf, p, Filter{})
	st := NewStatus(res, asOf, Filter{})
	for _, tc := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"report", r.WriteMarkdown},
		{"status", func(w io.Writer) error { return markdownStatus{}.Format(w, st) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var whole bytes.Buffer
			if err := tc.write(&whole); err != nil {
				t.Fatal(err)
			}
			var c chunks
			if err := tc.write(&c); err != nil {
				t.Fatal(err)
			}
			if len(c.writes) < 3 {
				t.Fatalf("%d bytes in %d writes, want it streamed", whole.Len(), len(c.writes))
			}
			if got := bytes.Join(c.writes, nil); !bytes.Equal(got, whole.Bytes()) {
				t.Errorf("the parts (%d bytes) are not the document (%d bytes)", len(got), whole.Len())
			}
			for i, w := range c.writes[:len(c.writes)-1] {
				if len(w) < flushSize || len(w) > 2*flushSize {
					t.Errorf("write %d is %d bytes, want %d to %d", i+1, len(w), flushSize, 2*flushSize)
				}
			}

			failing := chunks{failAt: 2}
			if err := tc.write(&failing); !errors.Is(err, errDiskFull) {
				t.Errorf("err = %v, want %v", err, errDiskFull)
			}
			if len(failing.writes) != 2 {
				t.Errorf("%d writes, want none after the failed second", len(failing.writes))
			}
		})
	}
}
