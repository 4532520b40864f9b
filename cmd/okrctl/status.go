package main

import "github.com/spf13/cobra"

func newStatusCmd(*Streams) *cobra.Command { return &cobra.Command{Use: "status", Hidden: true} }
