//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const kpiFile = "kind: KPI\nid: leads\nname: Leads\nunit: count\naggregation: sum\n"

// TestValidateNamedPipe checks that a named pipe given as a path, or in the
// configuration's paths, is refused at once with exit 2.
func TestValidateNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".okrctl.yaml"), []byte("paths: [pipe.yaml]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", "pipe.yaml"}, {"validate"}} {
		done := make(chan [3]string, 1)
		go func() {
			code, out, errs := runIn(dir, args...)
			done <- [3]string{string(rune('0' + code)), out, errs}
		}()
		select {
		case r := <-done:
			if r[0] != "2" || !strings.Contains(r[2], "pipe.yaml: is a named pipe, not a regular file or directory") {
				t.Errorf("%v: exit %s, stderr %q; want 2 and a named pipe refused", args, r[0], r[2])
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: blocked on a named pipe", args)
		}
	}
}

// TestValidateNamesNotUTF8 checks that files and directories whose names
// are not UTF-8 are read, and named escaped.
func TestValidateNamesNotUTF8(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "kpis", "caf\xe9")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Skipf("names that are not UTF-8 are refused here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(sub, "r\xe9sum\xe9.yaml"), []byte(kpiFile+"bogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runIn(dir, "validate", "--format", "text")
	if code != 1 || !strings.Contains(out, `kpis/caf\xe9/r\xe9sum\xe9.yaml:6:1:`) || strings.Contains(out, "cannot read") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the file read and its finding named escaped", code, out, errs)
	}
}
