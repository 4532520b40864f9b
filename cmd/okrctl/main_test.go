package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run okrctl as a real program: the scripts in
// testdata/script call the "okrctl" command, which is this test binary
// re-executed as main.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"okrctl": func() {
			setMemoryPolicy() // as main does
			os.Exit(Main(os.Args[1:], SystemStreams()))
		},
	})
}

// TestScripts runs the end-to-end scripts. Each gets a copy of the
// repository's examples/ in $WORK/examples and NO_COLOR unset.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"gitlab-job": gitlabJobCmd},
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("GITHUB_ACTIONS", "")
			return copyDir(examples, filepath.Join(env.WorkDir, "examples"))
		},
	})
}

// copyDir copies a directory tree (regular files only).
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
