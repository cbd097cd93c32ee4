package main

import (
	"fmt"
	"os"
)

// runServe is the "winnow serve" subcommand. (stub: being written)
func runServe(args []string) int {
	fmt.Fprintln(os.Stderr, "winnow serve: not implemented yet")
	return exitUsage
}
