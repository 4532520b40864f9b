package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/okrctl/okrctl/pkg/okr"
)

// commandSource runs a program, without a shell, and reads date,value CSV
// from its standard output.
type commandSource struct {
	kpi  string
	argv []string
	opt  Options
}

func newCommand(kpiID string, s *okr.Source, opt Options) (Source, error) {
	c := &commandSource{kpi: kpiID, argv: s.Command, opt: opt}
	if len(s.Command) == 0 || s.Command[0] == "" {
		return nil, &Error{KPI: kpiID, Source: "command", Msg: "source.command is empty: give the program and its arguments as a list"}
	}
	return c, nil
}

// Describe names the program, not its arguments (which may hold a secret).
func (c *commandSource) Describe() string { return "command " + c.argv[0] }

// Fetch runs the command in Options.Dir; a program path with a slash is
// relative to that directory, else looked up in PATH. Its standard error is
// quoted (shortened) when it fails.
func (c *commandSource) Fetch(ctx context.Context) (rows []Row, err error) {
	desc := c.Describe()
	defer func() {
		if err != nil {
			err = fail(c.kpi, desc, nil, ctx, err)
		}
	}()
	prog := c.argv[0]
	if strings.ContainsRune(prog, '/') && !filepath.IsAbs(prog) && c.opt.Dir != "" {
		prog = filepath.Join(c.opt.Dir, prog)
	}
	cmd := exec.CommandContext(ctx, prog, c.argv[1:]...)
	cmd.Dir = c.opt.Dir
	cmd.Env = os.Environ()
	// A killed program's children may hold its pipes open: stop waiting.
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &limitedBuffer{max: 4096, buf: &stderr}
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := fmt.Sprintf("exited with status %d", ee.ExitCode())
			if s := strings.TrimSpace(stderr.String()); s != "" {
				msg += ": " + lastLine(s)
			}
			return nil, errors.New(msg)
		}
		return nil, err
	}
	col := newCollector(c.kpi, desc, c.opt)
	if err := readCSV(col, &stdout); err != nil {
		return nil, err
	}
	return col.result()
}

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return clip(s)
}

// limitedBuffer keeps the last max bytes written to it.
type limitedBuffer struct {
	max int
	buf *bytes.Buffer
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	l.buf.Write(p)
	if over := l.buf.Len() - l.max; over > 0 {
		l.buf.Next(over)
	}
	return len(p), nil
}
