package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/winnow-go/winnow"
)

const flattenUsage = `Usage: winnow flatten [flags] [FILE|-]

Prints a page as the naive "all visible text" dump that crawlers make: one
line per block, image alt text on its own line, scripts and styles dropped,
navigation, share buttons, teasers and footers kept. With no FILE, or with
"-", reads standard input. The file may be gzipped and in any charset.

Exit status: 0 ok, 2 usage or I/O error.

Flags:
`

// runFlatten is the "winnow flatten" subcommand.
func runFlatten(args []string) int {
	return flatten(args, os.Stdin, os.Stdout, os.Stderr)
}

func flatten(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("flatten", flag.ContinueOnError)
	fs.SetOutput(stderr)
	maxBytes := byteSize(winnow.DefaultMaxBytes)
	fs.Var(&maxBytes, "max-bytes", "cap on the input's `size`, compressed and once gunzipped (bytes; KB/MB/GB suffixes allowed)")
	maxElements := elementBudget(winnow.DefaultMaxElements)
	fs.Var(&maxElements, "max-elements", maxElementsUsage)
	fs.Usage = func() {
		fmt.Fprint(stderr, flattenUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "winnow flatten: at most one input")
		fs.Usage()
		return exitUsage
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "winnow flatten: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		r = f
	}
	data, err := readCapped(r, winnow.Options{MaxBytes: int64(maxBytes)})
	if err != nil {
		fmt.Fprintf(stderr, "winnow flatten: %s: %v\n", name, err)
		return exitUsage
	}
	flat, err := winnow.Flatten(data, winnow.Options{MaxBytes: int64(maxBytes), MaxElements: int(maxElements)})
	if err != nil {
		fmt.Fprintf(stderr, "winnow flatten: %s: %s\n", name, errText(err))
		return exitUsage
	}
	if _, err := stdout.Write(flat); err != nil {
		fmt.Fprintf(stderr, "winnow flatten: %v\n", err)
		return exitUsage
	}
	return exitOK
}
