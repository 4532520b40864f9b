package main

import (
	"io"
	"os"
	"strconv"
	"time"

	"github.com/mattn/go-isatty"
)

// Streams is what a command reads from and writes to, injectable so that
// every command runs in-process in tests.
type Streams struct {
	In       io.Reader
	Out, Err io.Writer
	// OutTerminal reports whether Out is a terminal (colour, carets).
	OutTerminal bool
	// ErrTerminal reports whether Err is a terminal (transient progress).
	ErrTerminal bool
	// OutWidth is the width of the terminal Out is, in columns; 0 when
	// unknown or not a terminal.
	OutWidth int
	Getenv   func(string) string
	// Now gives today's date for --as-of's default.
	Now func() time.Time
	// Dir is the working directory.
	Dir string
}

// SystemStreams returns the process's own streams.
func SystemStreams() *Streams {
	dir, _ := os.Getwd()
	s := &Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTerminal: isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd()),
		ErrTerminal: isatty.IsTerminal(os.Stderr.Fd()) || isatty.IsCygwinTerminal(os.Stderr.Fd()),
		Getenv:      os.Getenv,
		Now:         time.Now,
		Dir:         dir,
	}
	if s.OutTerminal {
		s.OutWidth = terminalWidth(os.Stdout.Fd())
	}
	return s
}

// width is the terminal width tables fit: COLUMNS when set, as terminals
// and users set it, else the terminal's own; 0 off a terminal.
func (s *Streams) width() int {
	if !s.OutTerminal {
		return 0
	}
	if n, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return s.OutWidth
}

// color decides whether to colour output: never under NO_COLOR, else as
// --color says, auto meaning "on a terminal".
func (s *Streams) color(mode string) bool {
	if s.Getenv("NO_COLOR") != "" {
		return false
	}
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return s.OutTerminal && s.Getenv("TERM") != "dumb"
}
