package main

import (
	"fmt"
	"os"
)

// runFlatten is the "winnow flatten" subcommand. (stub: being written)
func runFlatten(args []string) int {
	fmt.Fprintln(os.Stderr, "winnow flatten: not implemented yet")
	return exitUsage
}
