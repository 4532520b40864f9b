package main

import (
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"go.yaml.in/yaml/v3"
)

// gitlabJobCmd is the testscript command `gitlab-job FILE JOB OUT`: it
// writes the script lines of JOB in the .gitlab-ci.yml FILE to OUT, one
// after another, as a runner runs them, so that a script can run a job
// that init writes.
func gitlabJobCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: gitlab-job FILE JOB OUT")
	}
	var doc map[string]yaml.Node
	ts.Check(yaml.Unmarshal([]byte(ts.ReadFile(args[0])), &doc))
	var job struct {
		Script []string `yaml:"script"`
	}
	node, ok := doc[args[1]]
	if ok {
		ts.Check(node.Decode(&job))
	}
	if len(job.Script) == 0 {
		ts.Fatalf("%s has no job %s with a script", args[0], args[1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(strings.Join(job.Script, "\n")+"\n"), 0o644))
}
