package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/winnow-go/winnow/internal/dataset"
)

// page is one labelled page held in memory, gunzipped.
type page struct {
	dataset.Page
	HTML []byte
}

// defaultPagesDir is the AEB set's html folder (see dataset.FindAEB).
func defaultPagesDir() (string, error) {
	dir, err := dataset.FindAEB()
	if err != nil {
		return "", fmt.Errorf("%w; pass -pages", err)
	}
	return filepath.Join(dir, "html"), nil
}

// defaultPages fills what -pages and -truth left empty: the AEB pages
// beside the repository, and the truth file beside the pages.
func (cfg *config) defaultPages() error {
	if cfg.pagesDir == "" {
		d, err := defaultPagesDir()
		if err != nil {
			return err
		}
		cfg.pagesDir = d
	}
	if cfg.truthPath == "" {
		cfg.truthPath = truthFor(cfg.pagesDir)
	}
	return nil
}

// truthFor returns the ground-truth.json beside a pages folder (in the
// folder itself or its parent), or "" when there is none.
func truthFor(dir string) string {
	for _, cand := range []string{filepath.Join(dir, "ground-truth.json"), filepath.Join(filepath.Dir(dir), "ground-truth.json")} {
		if _, err := os.Stat(cand); err == nil {
			return cand
		}
	}
	return ""
}

// loadPages reads the labelled page set with the loader winnow eval uses
// and gunzips every page up front. With no truth file it reads every
// <id>.html and <id>.html.gz in dir instead, for timing alone.
func loadPages(dir, truthPath string) ([]page, error) {
	pages, _, err := loadPagesTo(dir, truthPath, false)
	return pages, err
}

// loadPagesTo is loadPages, with the pages moved one by one into memory
// mapped outside the Go heap when offHeapPages is set (offHeap), so that
// the heap never holds more than one page; mapped is the memory mapped.
func loadPagesTo(dir, truthPath string, offHeapPages bool) (pages []page, mapped int64, err error) {
	ds, err := loadDataset(dir, truthPath)
	if err != nil {
		return nil, 0, err
	}
	pages = make([]page, len(ds.Pages))
	for i, p := range ds.Pages {
		html, err := p.Read()
		if err != nil {
			return nil, 0, err
		}
		if offHeapPages {
			if html, err = offHeap(html); err != nil {
				return nil, 0, fmt.Errorf("mapping page %s: %w", p.ID, err)
			}
			mapped += mappedSize(len(html))
		}
		pages[i] = page{Page: p, HTML: html}
	}
	return pages, mapped, nil
}

func loadDataset(dir, truthPath string) (*dataset.Dataset, error) {
	if truthPath != "" {
		return dataset.Load(dir, truthPath)
	}
	ds := &dataset.Dataset{}
	for _, ext := range []string{".html", ".html.gz"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*"+ext))
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			ds.Pages = append(ds.Pages, dataset.Page{ID: strings.TrimSuffix(filepath.Base(p), ext), Path: p})
		}
	}
	if len(ds.Pages) == 0 {
		return nil, fmt.Errorf("no .html or .html.gz pages in %s", dir)
	}
	slices.SortFunc(ds.Pages, func(a, b dataset.Page) int { return strings.Compare(a.ID, b.ID) })
	return ds, nil
}

// totalBytes is the summed HTML size of pages.
func totalBytes(pages []page) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p.HTML))
	}
	return n
}
