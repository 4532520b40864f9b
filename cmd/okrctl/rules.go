package main

import (
	"encoding/json"

	"github.com/olekukonko/tablewriter"
	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/pkg/lint"
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
			t := tablewriter.NewTable(s.Out)
			t.Header("Rule", "Severity", "Finds")
			for _, r := range lint.Rules() {
				if err := t.Append(r.ID, r.Severity.String(), r.Description); err != nil {
					return err
				}
			}
			return t.Render()
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	return cmd
}
