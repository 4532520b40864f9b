package main

import "github.com/spf13/cobra"

func newInitCmd(*Streams) *cobra.Command { return &cobra.Command{Use: "init", Hidden: true} }
