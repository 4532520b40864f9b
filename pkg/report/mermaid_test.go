package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMermaidRenders gives every chart of the golden reports to Mermaid
// itself: mermaid-cli (mmdc) parses and renders each block in a headless
// browser and fails on any block Mermaid cannot parse. scripts/test-deps.sh installs
// it (npm's @mermaid-js/mermaid-cli with Debian's chromium) and `make test` sets MMDC
// and MMDC_PUPPETEER_CONFIG; elsewhere the test runs when mmdc is on the
// PATH and is skipped otherwise, but never skipped in CI.
func TestMermaidRenders(t *testing.T) {
	mmdc := os.Getenv("MMDC")
	if mmdc == "" {
		mmdc, _ = exec.LookPath("mmdc")
	}
	if mmdc == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("mmdc (mermaid-cli) is not installed: scripts/test-deps.sh installs it")
		}
		t.Skip("mmdc (mermaid-cli) is not installed; see scripts/test-deps.sh")
	}
	if testing.Short() {
		t.Skip("renders in a browser: not in -short")
	}
	var doc bytes.Buffer
	for _, name := range []string{
		"examples-2026-Q4.md", "examples-2026-Q4-it.md", "examples-2026-Q4-es.md", "examples-2026-Q3.md", "hostile.md", "graded-2026-Q4.md",
	} {
		b, err := os.ReadFile(filepath.Join("testdata", "report", name))
		if err != nil {
			t.Fatal(err)
		}
		doc.Write(b)
		doc.WriteString("\n")
	}
	want := strings.Count(doc.String(), "```mermaid")
	dir := t.TempDir()
	in := filepath.Join(dir, "reports.md")
	if err := os.WriteFile(in, doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-q", "-i", in, "-o", filepath.Join(dir, "out.md"), "-e", "svg"}
	if cfg := os.Getenv("MMDC_PUPPETEER_CONFIG"); cfg != "" {
		args = append(args, "-p", cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, mmdc, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("mmdc: %v\n%s", err, out)
	}
	svgs, _ := filepath.Glob(filepath.Join(dir, "out-*.svg"))
	if len(svgs) != want {
		t.Errorf("mmdc rendered %d charts, the reports have %d", len(svgs), want)
	}
}
