package main

import (
	"fmt"
	"os"
)

// runBatch is the "winnow batch" subcommand. (stub: being written)
func runBatch(args []string) int {
	fmt.Fprintln(os.Stderr, "winnow batch: not implemented yet")
	return exitUsage
}
