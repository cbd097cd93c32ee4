// Package testpages loads the article-extraction-benchmark (AEB) pages for
// the benchmarks and dataset tests. The pages live beside the repository, in
// shared/datasets/aeb, and are never copied into it.
//
// Load reads and gunzips every page once per process and caches the result,
// so many benchmarks in one test binary pay for the disk only once.
package testpages

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/internal/dataset"
	"github.com/winnow-go/winnow/internal/dom"
)

// EnvDir names an environment variable that, when set, points at the AEB
// folder (the one holding ground-truth.json and html/) instead of the
// default search.
const EnvDir = dataset.EnvAEB

// Page is one benchmark page, gunzipped.
type Page struct {
	ID    string // file name without .html.gz
	URL   string // the page's original address, from ground-truth.json
	HTML  []byte // the page as served, gunzipped
	Truth string // the reference article text
}

// ErrNotFound is returned when the dataset folder cannot be found.
var ErrNotFound = dataset.ErrNoAEB

// Dir finds the AEB folder: $WINNOW_AEB_DIR when set, else the first
// shared/datasets/aeb found walking up from the working directory.
func Dir() (string, error) { return dataset.FindAEB() }

var (
	once   sync.Once
	cached []Page
	errC   error
)

// Load returns every AEB page sorted by ID. It reads the disk only on the
// first call; later calls share the same slice, which callers must not
// modify.
func Load() ([]Page, error) {
	once.Do(func() {
		dir, err := Dir()
		if err != nil {
			errC = err
			return
		}
		cached, errC = loadDir(dir)
	})
	return cached, errC
}

// LoadTB is Load for tests and benchmarks: it skips tb when the dataset is
// missing and fails it on any other error.
func LoadTB(tb testing.TB) []Page {
	tb.Helper()
	pages, err := Load()
	return loaded(tb, pages, err)
}

// loaded is LoadTB once the pages are read: a missing set skips tb with
// one line naming the folder looked for (or fails it when
// dataset.Required), any other error fails it.
func loaded(tb testing.TB, pages []Page, err error) []Page {
	tb.Helper()
	switch {
	case errors.Is(err, ErrNotFound):
		if msg, fail := dataset.Missing("aeb", err, dataset.Required()); fail {
			tb.Fatal(msg)
		} else {
			tb.Skip(msg)
		}
	case err != nil:
		tb.Fatal(err)
	case len(pages) == 0:
		tb.Skip("testpages: no pages in the dataset")
	}
	return pages
}

// TotalBytes is the summed HTML size of pages, for testing.B.SetBytes.
func TotalBytes(pages []Page) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p.HTML))
	}
	return n
}

// Bench is the benchmarks' loop: one op is one pass of fn over every page,
// MB/s counts their HTML, and allocations are reported. It skips b when
// the dataset is missing.
func Bench(b *testing.B, fn func(p Page)) {
	b.Helper()
	pages := LoadTB(b)
	b.SetBytes(TotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			fn(p)
		}
	}
}

func loadDir(dir string) ([]Page, error) {
	ds, err := dataset.Load(filepath.Join(dir, "html"), filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("testpages: %w", err)
	}
	pages := make([]Page, 0, len(ds.Pages))
	for _, p := range ds.Pages {
		html, err := p.Read()
		if err != nil {
			return nil, fmt.Errorf("testpages: %w", err)
		}
		pages = append(pages, Page{ID: p.ID, URL: p.URL, HTML: html, Truth: p.Truth})
	}
	return pages, nil
}

// ParseTB parses every page, as the stage benchmarks do up front, with
// x/net/html (the tree winnow's own builder gives is the same; a
// package below parse cannot import it without a cycle in its tests).
// A page that does not parse fails tb.
func ParseTB(tb testing.TB, pages []Page) []dom.Node {
	tb.Helper()
	docs := make([]dom.Node, len(pages))
	for i, p := range pages {
		doc, err := html.ParseWithOptions(bytes.NewReader(p.HTML), html.ParseOptionEnableScripting(false))
		if err != nil {
			tb.Fatalf("%s: %v", p.ID, err)
		}
		docs[i] = dom.FromHTML(doc, string(p.HTML)).Root()
	}
	return docs
}
