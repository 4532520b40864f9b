package config_test

import (
	"fmt"

	"github.com/okrctl/okrctl/pkg/config"
)

func ExampleMatchGlob() {
	for _, name := range []string{"okrs/archive/2025/q4.yaml", "okrs/2026-Q1/a.draft.yaml", "okrs/2026-Q1/a.yaml"} {
		fmt.Println(name, config.MatchGlob("okrs/archive/**", name) || config.MatchGlob("*.draft.yaml", name))
	}
	// Output:
	// okrs/archive/2025/q4.yaml true
	// okrs/2026-Q1/a.draft.yaml true
	// okrs/2026-Q1/a.yaml false
}

func ExampleParse() {
	_, err := config.Parse(".okrctl.yaml", ".", []byte("rules:\n  vague: warning\nignores: [archive]\n"))
	fmt.Println(err)
	// Output:
	// .okrctl.yaml:3: unknown key "ignores" (want paths, ignore, rules, status, grading, snapshots, sources or checkins)
}
