package main

import (
	"io"
	"os"
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
	Getenv      func(string) string
	// Now gives today's date for --as-of's default.
	Now func() time.Time
	// Dir is the working directory.
	Dir string
}

// SystemStreams returns the process's own streams.
func SystemStreams() *Streams {
	dir, _ := os.Getwd()
	return &Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTerminal: isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd()),
		Getenv:      os.Getenv,
		Now:         time.Now,
		Dir:         dir,
	}
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
