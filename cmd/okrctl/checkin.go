package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/internal/atomicfile"
	"github.com/okrctl/okrctl/internal/suggest"
	"github.com/okrctl/okrctl/pkg/checkin"
	"github.com/okrctl/okrctl/pkg/okr"
)

type checkinOptions struct {
	confidence string
	note       string
	date       string
	author     string
}

func newCheckinCmd(s *Streams) *cobra.Command {
	o := &checkinOptions{}
	cmd := &cobra.Command{
		Use:   "checkin OBJECTIVE/KR VALUE",
		Short: "Record a check-in of a key result: a value, a confidence and a note",
		Long: strings.TrimSpace(`
Append a dated row to the check-in file of the objective's period
(checkins/<period>.csv, or .okrctl.yaml checkins.dir): the key result's value
today, how confident its owner is of reaching the target (0 to 10) and a note.
The author is git's user.name, else the system user. VALUE may be "-" to
record only a confidence and a note. Commit the file like any other change.`),
		Example: "  okrctl checkin grow-pipeline/mql 412 --confidence 7 --note \"Two webinars moved to December\"\n  okrctl checkin grow-pipeline/mql - --confidence 4 --date 2026-11-13",
		Args:    args(cobra.ExactArgs(2)),
		RunE: func(_ *cobra.Command, a []string) error {
			return runCheckin(s, o, a[0], a[1])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.confidence, "confidence", "", "confidence of reaching the target, 0 to 10")
	f.StringVar(&o.note, "note", "", "what happened, in a sentence")
	f.StringVar(&o.date, "date", "", "the check-in's date, YYYY-MM-DD (default today)")
	f.StringVar(&o.author, "author", "", "who checks in (default git's user.name, else the system user)")
	return cmd
}

func runCheckin(s *Streams, o *checkinOptions, target, value string) error {
	objID, krID, ok := strings.Cut(target, "/")
	if !ok || objID == "" || krID == "" || strings.Contains(krID, "/") {
		return usageErrorf("invalid key result %q: want OBJECTIVE/KR, e.g. grow-pipeline/mql", target)
	}
	e := checkin.Entry{Objective: objID, KeyResult: krID}
	if value != "-" {
		v, err := strconv.ParseFloat(value, 64)
		if err != nil || !isFinite(v) {
			return usageErrorf("invalid VALUE %q: want a number such as 12.5, or - for none", value)
		}
		e.Value = &v
	}
	if o.confidence != "" {
		c, err := strconv.ParseFloat(o.confidence, 64)
		if err != nil || !(c >= 0 && c <= checkin.MaxConfidence) {
			return usageErrorf("invalid --confidence %q: want a number from 0 to %d", o.confidence, checkin.MaxConfidence)
		}
		e.Confidence = &c
	}
	date, err := parseAsOf(s, o.date)
	if err != nil {
		return usageErrorf("invalid --date: %v", errors.Unwrap(err))
	}
	e.Date, e.Note = date, o.note
	ws, err := loadWorkspace(s, source{})
	if err != nil {
		return err
	}
	obj := ws.Objectives[objID]
	if obj == nil {
		return usageErrorf("unknown objective %q%s", objID, suggestion(objID, keys(ws.Objectives)))
	}
	var krIDs []string
	found := false
	for _, kr := range obj.KeyResults {
		krIDs = append(krIDs, kr.ID)
		found = found || kr.ID == krID
	}
	if !found {
		return usageErrorf("objective %q has no key result %q%s", objID, krID, suggestion(krID, krIDs))
	}
	if obj.PeriodText == "" {
		return usageErrorf("objective %q has no period: okrctl checkin files check-ins by period", objID)
	}
	e.Author = o.author
	if e.Author == "" {
		e.Author = author(s)
	}
	dir := ws.config.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(s.Dir, dir)
	}
	path := filepath.Join(dir, filepath.FromSlash(ws.config.CheckIns.Dir), obj.PeriodText+".csv")
	display := path
	if rel, err := filepath.Rel(s.Dir, path); err == nil {
		display = filepath.ToSlash(rel)
	}
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	data, line, err := checkin.Add(old, e)
	if err != nil {
		return fmt.Errorf("%s: %w", display, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return err
	}
	fmt.Fprintf(s.Out, "%s:%d: checked in %s/%s on %s", display, line, objID, krID, e.Date.Format(time.DateOnly))
	if e.Value != nil {
		fmt.Fprintf(s.Out, ": %s", value)
	}
	if e.Confidence != nil {
		fmt.Fprintf(s.Out, ", confidence %s/10", o.confidence)
	}
	fmt.Fprintln(s.Out)
	return nil
}

// author is who checks in: git's user.name in the working directory, else
// the system user.
func author(s *Streams) string {
	cmd := exec.Command("git", "config", "user.name")
	cmd.Dir = s.Dir
	if out, err := cmd.Output(); err == nil {
		if name := strings.TrimSpace(string(out)); name != "" {
			return name
		}
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return s.Getenv("USER")
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func keys(m map[string]*okr.Objective) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func suggestion(id string, known []string) string {
	if s := suggest.Closest(id, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}
