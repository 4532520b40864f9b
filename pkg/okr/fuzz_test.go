package okr

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okrctl/okrctl/internal/fuzzseed"
)

// FuzzParseFile checks that no input makes ParseFile or the decoding of its
// documents panic (ParseFile recovers from a panic, so a recovered one fails
// here), that every issue has a position inside the file, and that the
// keys the decoder records answer as look-ups in the YAML tree do.
func FuzzParseFile(f *testing.F) {
	fuzzseed.AddFiles(f, filepath.Join("testdata", "*.yaml"))
	fuzzseed.AddFiles(f, filepath.Join("testdata", "broken", "*.yaml"))
	f.Add([]byte(validObjective))
	f.Add([]byte(billionLaughs()))
	f.Fuzz(func(t *testing.T, src []byte) {
		file := ParseFile("fuzz.yaml", src)
		repo := &Repo{}
		repo.addFile(file)
		lines := max(lineCount(src), 1)
		for _, is := range file.Issues {
			if strings.HasPrefix(is.Message, "cannot parse YAML:") {
				t.Fatalf("ParseFile panicked: %s", is.Message)
			}
			if is.Line < 1 || is.Column < 1 || is.Line > lines {
				t.Errorf("issue %q at %d:%d, outside a file of %d lines", is.Message, is.Line, is.Column, lines)
			}
			if is.File != "fuzz.yaml" || is.Rule == "" || is.Message == "" {
				t.Errorf("incomplete issue %+v", is)
			}
		}
		checkRepoFields(t, repo)
		for _, o := range repo.Objectives {
			for _, kr := range o.KeyResults {
				kr.Dir()
				kr.DeadlineIn(o.Period)
			}
		}
	})
}

// lineCount is the number of lines of src; a last line without a line
// ending counts.
func lineCount(src []byte) int {
	n := bytes.Count(src, []byte("\n"))
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}
