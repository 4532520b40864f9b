package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/gitfs"
	"github.com/okrctl/okrctl/pkg/lang"
	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/report"
)

// addCompletions lets shells complete flag values: formats, languages,
// colours and statuses from their fixed lists; periods and owners from the
// repository the command would read; revisions (branches and tags) for
// --rev and diff's arguments.
func addCompletions(root *cobra.Command, s *Streams) {
	formats := map[string][]string{
		"status":   report.StatusFormats(),
		"report":   nil,
		"validate": report.FindingsFormats(),
		"diff":     report.DiffFormats(),
		"rules":    {"table", "json"},
	}
	fixed := func(vs []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return vs, cobra.ShellCompDirectiveNoFileComp
		}
	}
	for _, cmd := range root.Commands() {
		register := func(flag string, fn func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)) {
			if cmd.Flags().Lookup(flag) != nil {
				_ = cmd.RegisterFlagCompletionFunc(flag, fn)
			}
		}
		if f := formats[cmd.Name()]; f != nil {
			register("format", fixed(f))
		}
		register("lang", fixed(lang.Names()))
		register("color", fixed([]string{"auto", "always", "never"}))
		register("status", fixed(statusNames()))
		register("period", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return repoPeriods(s, args), cobra.ShellCompDirectiveNoFileComp
		})
		register("owner", func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return repoOwners(s, args), cobra.ShellCompDirectiveNoFileComp
		})
		register("rev", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return revisions(s), cobra.ShellCompDirectiveNoFileComp
		})
		if cmd.Name() == "diff" {
			cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				if len(args) >= 2 {
					return nil, cobra.ShellCompDirectiveDefault
				}
				return revisions(s), cobra.ShellCompDirectiveNoFileComp
			}
		}
	}
}

// repoObjectives reads the repository a command with these paths reads;
// nil when it cannot.
func repoObjectives(s *Streams, paths []string) *lint.Result {
	ws, err := loadWorkspace(s, source{paths: paths})
	if err != nil {
		return nil
	}
	return ws.Result
}

// repoPeriods lists the periods of the repository's objectives, with the
// halves and years that hold them (which --period accepts too).
func repoPeriods(s *Streams, paths []string) []string {
	res := repoObjectives(s, paths)
	if res == nil {
		return nil
	}
	var out []string
	for _, o := range res.Repo.Objectives {
		if !o.HasPeriod() {
			continue
		}
		y := o.Period.Start.Format("2006")
		half := y + "-H1"
		if o.Period.Start.Month() > 6 {
			half = y + "-H2"
		}
		for _, p := range []string{o.PeriodText, half, y} {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}

// repoOwners lists the owners of the repository's objectives.
func repoOwners(s *Streams, paths []string) []string {
	res := repoObjectives(s, paths)
	if res == nil {
		return nil
	}
	var out []string
	for _, o := range res.Repo.Objectives {
		if o.Owner != "" && !slices.ContainsFunc(out, func(v string) bool { return strings.EqualFold(v, o.Owner) }) {
			out = append(out, o.Owner)
		}
	}
	slices.Sort(out)
	return out
}

// revisions lists the branches and tags of the repository around the
// working directory.
func revisions(s *Streams) []string {
	repo, err := gitfs.Open(s.Dir)
	if err != nil {
		return nil
	}
	refs, _ := repo.Refs()
	return refs
}
