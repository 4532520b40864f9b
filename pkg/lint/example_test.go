package lint_test

import (
	"fmt"
	"testing/fstest"

	"github.com/okrctl/okrctl/pkg/lint"
)

// A repository in memory: one objective whose key results are activities.
func ExampleRun() {
	fsys := fstest.MapFS{"repo/okrs/brand.yaml": {Data: []byte(`kind: Objective
id: brand-2026q1
title: Make the brand known
owner: marketing
period: 2026-Q1
key_results:
  - id: visibility
    title: Increase brand visibility through targeted campaigns
  - id: site
    title: Optimise the website
    target: 3
`)}}
	res, err := lint.Run(lint.Options{FS: fsys, Base: "/", Cwd: "/repo"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Findings {
		fmt.Printf("%s:%d:%d: %s [%s]\n", f.File, f.Line, f.Column, f.Severity, f.Rule)
	}
	// Output:
	// okrs/brand.yaml:6:1: error [kr-count]
	// okrs/brand.yaml:7:5: error [measurable]
	// okrs/brand.yaml:8:12: warning [vague]
	// okrs/brand.yaml:10:12: warning [vague]
	// okrs/brand.yaml:11:13: warning [measurable]
}
