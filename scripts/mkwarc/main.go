// Command mkwarc writes the AEB pages as a WARC file of HTTP response
// records, for measuring `winnow batch`:
//
//	go run ./scripts/mkwarc -o aeb.warc.gz
//
// With -per N each gzip member holds N records (0: the whole file is one
// gzip stream), the layouts a reader must handle besides one record per
// member.
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
	per := flag.Int("per", 1, "records per gzip `member` for .gz output (0: one gzip stream for the whole file)")
	flag.Parse()
	pages, err := batchtest.AEBPages(*dir, *n)
	switch {
	case err != nil:
	case strings.HasSuffix(*out, ".gz") && *per != 1:
		err = batchtest.WriteWARCMembers(*out, []int{*per}, pages)
	default:
		err = batchtest.WriteWARC(*out, strings.HasSuffix(*out, ".gz"), pages)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkwarc:", err)
		os.Exit(2)
	}
	fmt.Printf("mkwarc: %d pages → %s\n", len(pages), *out)
}
