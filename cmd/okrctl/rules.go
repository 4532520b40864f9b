package main

import (
	"encoding/json"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/lint"
	"github.com/okrctl/okrctl/pkg/report"
)

func newRulesCmd(s *Streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, default severity and what it finds",
		Args:  args(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			if err := oneOf("format", format, []string{"table", "json"}); err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(s.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(lint.Rules())
			}
			rules := lint.Rules()
			// Fit the terminal: the descriptions wrap at word boundaries
			// in the width the id and severity columns leave.
			id, sev := len("Rule"), len("Severity")
			for _, r := range rules {
				id, sev = max(id, len(r.ID)), max(sev, len(r.Severity.String()))
			}
			descWidth := 0
			if w := s.width(); w > 0 {
				descWidth = max(20, w-id-sev-10) // borders and padding of three columns
			}
			t := tablewriter.NewTable(s.Out, tablewriter.WithRowAutoWrap(tw.WrapNone))
			t.Header("Rule", "Severity", "Finds")
			for _, r := range rules {
				desc := strings.Join(report.WrapText(r.Description, descWidth), "\n")
				if err := t.Append(r.ID, r.Severity.String(), desc); err != nil {
					return err
				}
			}
			return t.Render()
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}
