package scaffold

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionlintVersion is the actionlint the workflow test builds (from the
// Go module proxy, or the module cache scripts/test-deps.sh fills).
const actionlintVersion = "v1.7.12"

func filesFor(t *testing.T, ci string) map[string][]byte {
	t.Helper()
	files, err := Files(Options{Now: now, Version: "v1.4.0", CI: ci})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

func TestInitForGitLab(t *testing.T) {
	files := filesFor(t, "gitlab")
	if _, ok := files[".github/workflows/okrctl.yml"]; ok {
		t.Error("--ci gitlab also writes the GitHub workflow")
	}
	ci := files[".gitlab-ci.yml"]
	var doc map[string]any
	if err := yaml.Unmarshal(ci, &doc); err != nil {
		t.Fatalf(".gitlab-ci.yml is not YAML: %v", err)
	}
	for _, job := range []string{"okrctl-validate", "okrctl-diff", "okrctl-pull", ".okrctl"} {
		if _, ok := doc[job].(map[string]any); !ok {
			t.Errorf("no job %s", job)
		}
	}
	for _, s := range []string{
		`OKRCTL_VERSION: "v1.4.0"`, "--format gitlab > gl-code-quality-report.json", "codequality: gl-code-quality-report.json",
		"junit: okrctl-junit.xml", `okrctl diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" HEAD --format markdown`,
		"merge_requests/$CI_MERGE_REQUEST_IID/notes", "--as-of", "GIT_DEPTH: 0",
	} {
		if !bytes.Contains(ci, []byte(s)) {
			t.Errorf(".gitlab-ci.yml lacks %q", s)
		}
	}
	if strings.Contains(string(ci), "@VERSION@") {
		t.Error("a placeholder is left in .gitlab-ci.yml")
	}
	none := filesFor(t, "none")
	for p := range none {
		if strings.Contains(p, "gitlab") || strings.Contains(p, ".github") {
			t.Errorf("--ci none writes %s", p)
		}
	}
	if _, err := Files(Options{Now: now, CI: "jenkins"}); err == nil || !strings.Contains(err.Error(), "github, gitlab, none") {
		t.Errorf("unknown CI system: %v", err)
	}
}

// usesRef matches a step's uses: of a third-party action.
var usesRef = regexp.MustCompile(`(?m)^\s*-?\s*uses:\s*([^\s#]+)(\s*#\s*(\S+))?`)

// TestActionsArePinnedByCommit requires every third-party action the
// project ships or writes to be pinned by a full commit id with its version
// in a comment, so that a moved tag cannot change what runs.
func TestActionsArePinnedByCommit(t *testing.T) {
	sources := map[string][]byte{
		"init's workflow":      filesFor(t, "github")[".github/workflows/okrctl.yml"],
		"init's pull workflow": filesFor(t, "github")[PullWorkflowPath],
	}
	for _, p := range shippedWorkflows(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources[p] = src
	}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)
	for name, src := range sources {
		n := 0
		for _, m := range usesRef.FindAllStringSubmatch(string(src), -1) {
			ref := m[1]
			if strings.HasPrefix(ref, "./") || strings.HasPrefix(ref, "docker://") {
				continue
			}
			n++
			if !pinned.MatchString(ref) || !strings.HasPrefix(m[3], "v") {
				t.Errorf("%s: %s is not pinned by commit with its version in a comment", name, m[0])
			}
		}
		if n == 0 && strings.HasPrefix(name, "init's") {
			t.Errorf("%s: no action found: the check checks nothing", name)
		}
	}
}

// shippedWorkflows are the workflow and action files of the repository.
func shippedWorkflows(t *testing.T) []string {
	t.Helper()
	ws, err := filepath.Glob("../../.github/workflows/*.yml")
	if err != nil {
		t.Fatal(err)
	}
	return append(ws, "../../action.yml")
}

// TestWorkflowsPassActionlint runs actionlint on every workflow the
// project ships and on the one init writes.
func TestWorkflowsPassActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds actionlint")
	}
	gobin := t.TempDir()
	install := exec.Command("go", "install", "github.com/rhysd/actionlint/cmd/actionlint@"+actionlintVersion)
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := install.CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot build actionlint %s: %v\n%s", actionlintVersion, err, out)
		}
		t.Skipf("cannot build actionlint %s (no Go module proxy or module cache?): %v\n%s", actionlintVersion, err, out)
	}
	actionlint := filepath.Join(gobin, "actionlint")

	dir := t.TempDir()
	wf := filepath.Join(dir, ".github", "workflows", "okrctl.yml")
	os.MkdirAll(filepath.Dir(wf), 0o755)
	if err := os.WriteFile(wf, filesFor(t, "github")[".github/workflows/okrctl.yml"], 0o644); err != nil {
		t.Fatal(err)
	}
	pull := filepath.Join(dir, filepath.FromSlash(PullWorkflowPath))
	if err := os.WriteFile(pull, filesFor(t, "github")[PullWorkflowPath], 0o644); err != nil {
		t.Fatal(err)
	}
	shipped, _ := filepath.Glob("../../.github/workflows/*.yml")
	for _, files := range [][]string{{wf, pull}, shipped} {
		cmd := exec.Command(actionlint, append([]string{"-no-color"}, files...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("actionlint %v: %v\n%s", files, err, out)
		}
	}
	// actionlint does find a broken workflow.
	bad := filepath.Join(dir, "bad.yml")
	os.WriteFile(bad, []byte("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such }}\n"), 0o644)
	if err := exec.Command(actionlint, bad).Run(); err == nil {
		t.Error("actionlint accepts a broken workflow: the test checks nothing")
	}
}
