package main

import (
	"fmt"
	"os"
)

// runEval is the "winnow eval" subcommand. (stub: being written)
func runEval(args []string) int {
	fmt.Fprintln(os.Stderr, "winnow eval: not implemented yet")
	return exitUsage
}
