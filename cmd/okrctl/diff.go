package main

import "github.com/spf13/cobra"

func newDiffCmd(*Streams) *cobra.Command { return &cobra.Command{Use: "diff", Hidden: true} }
