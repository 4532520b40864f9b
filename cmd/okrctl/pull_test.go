package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPullProgressOnATerminal checks that on a terminal a transient line
// names the source being fetched and is erased by the result line, and
// that off a terminal only the result line is written.
func TestPullProgressOnATerminal(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".okrctl.yaml", "paths: [kpis]\n")
	write(t, dir, "kpis/kpis.yaml", "kind: KPI\nid: leads\nname: Leads\nsource:\n  type: command\n  command: [sh, -c, 'echo 2026-01-01,1']\n")
	result := "leads: 1 row fetched, 1 added, 0 conflicts → kpis/snapshots/leads.csv\n"
	for _, terminal := range []bool{true, false} {
		os.RemoveAll(filepath.Join(dir, "kpis", "snapshots"))
		s, _, stderr := testStreams(dir, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
		s.ErrTerminal = terminal
		if code := Main([]string{"pull"}, s); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		want := result
		if terminal {
			want = "leads: fetching…\r\x1b[K" + result
		}
		if got := stderr.String(); got != want {
			t.Errorf("terminal %v: stderr %q, want %q", terminal, got, want)
		}
	}
}
