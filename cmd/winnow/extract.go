package main

import (
	"fmt"
	"os"
)

// runExtract is the "winnow extract" subcommand. (stub: being written)
func runExtract(args []string) int {
	fmt.Fprintln(os.Stderr, "winnow extract: not implemented yet")
	return exitUsage
}
