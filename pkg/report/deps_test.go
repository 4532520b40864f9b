package report

import (
	"os/exec"
	"strings"
	"testing"
)

// TestRendersWithoutRunningProcesses keeps the renderers apart from the
// plumbing: nothing pkg/report depends on may import os/exec (git access
// lives in pkg/gitfs, which the renderers never need).
func TestRendersWithoutRunningProcesses(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH: cannot list the dependencies")
	}
	out, err := exec.Command(gobin, "list", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		for _, imp := range strings.Fields(imports) {
			if imp == "os/exec" && pkg != "os/exec" && !strings.HasPrefix(pkg, "internal/") && strings.Contains(pkg, ".") {
				t.Errorf("%s imports os/exec, and pkg/report depends on it", pkg)
			}
		}
	}
}
