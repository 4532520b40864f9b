package main

import (
	"github.com/spf13/cobra"

	"github.com/okrctl/okrctl/schema"
)

func newSchemaCmd(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:       "schema [objective|kpi]",
		Short:     "Print the embedded JSON schema of Objective (default) or KPI documents",
		Args:      args(cobra.MaximumNArgs(1)),
		ValidArgs: schema.Names,
		RunE: func(_ *cobra.Command, a []string) error {
			name := "objective"
			if len(a) == 1 {
				name = a[0]
			}
			src, err := schema.Source(name)
			if err != nil {
				return &usageError{err}
			}
			_, err = s.Out.Write(src)
			return err
		},
	}
}
