// Command mkwarc writes the AEB pages as a WARC file of HTTP response
// records, for measuring `winnow batch`:
//
//	go run ./scripts/mkwarc -o aeb.warc.gz
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/winnow-go/winnow/internal/batchtest"
)

func main() {
	dir := flag.String("aeb", "../shared/datasets/aeb", "the AEB dataset folder (html/ and ground-truth.json)")
	out := flag.String("o", "aeb.warc.gz", "output WARC; gzip members per record when it ends in .gz")
	n := flag.Int("n", 0, "at most this many pages (0: all)")
	flag.Parse()
	pages, err := batchtest.AEBPages(*dir, *n)
	if err == nil {
		err = batchtest.WriteWARC(*out, strings.HasSuffix(*out, ".gz"), pages)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkwarc:", err)
		os.Exit(2)
	}
	fmt.Printf("mkwarc: %d pages → %s\n", len(pages), *out)
}
