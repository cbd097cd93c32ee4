// Package dataset loads labelled page sets in the article-extraction-
// benchmark shape: DIR/<id>.html.gz or DIR/<id>.html beside a truth JSON
// object {id: {"articleBody": ..., "url": ...}}. It is the one loader the
// evaluator, the test-page cache and the WARC fixtures share; it imports
// nothing of winnow, so any package's tests can use it.
package dataset

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Page is one labelled page of a data set.
type Page struct {
	ID    string // the file name without .html or .html.gz
	URL   string // the page's original address, from the truth file
	Truth string // the reference article text
	Path  string // the HTML file, gzipped or not
}

// Dataset is a set of labelled pages in the article-extraction-benchmark
// shape: DIR/<id>.html.gz or DIR/<id>.html, and a truth JSON object
// {id: {"articleBody": ..., "url": ...}}.
type Dataset struct {
	Pages []Page // sorted by ID
}

type truthEntry struct {
	ArticleBody *string `json:"articleBody"`
	URL         string  `json:"url"`
}

// Load reads the truth file and finds each page's HTML in pagesDir. Every
// id in the truth file must have a page file; files with no truth entry
// are ignored.
func Load(pagesDir, truthFile string) (*Dataset, error) {
	raw, err := os.ReadFile(truthFile)
	if err != nil {
		return nil, fmt.Errorf("dataset: truth: %w", err)
	}
	var truth map[string]truthEntry
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("dataset: truth %s: %w", truthFile, err)
	}
	if len(truth) == 0 {
		return nil, fmt.Errorf("dataset: truth %s: no pages", truthFile)
	}
	ds := &Dataset{}
	var missing []string
	for id, e := range truth {
		if e.ArticleBody == nil {
			return nil, fmt.Errorf("dataset: truth %s: page %s has no articleBody", truthFile, id)
		}
		path, err := findPage(pagesDir, id)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				missing = append(missing, id)
				continue
			}
			return nil, err
		}
		ds.Pages = append(ds.Pages, Page{ID: id, URL: e.URL, Truth: *e.ArticleBody, Path: path})
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("dataset: %d pages of the truth file are not in %s (first: %s)", len(missing), pagesDir, missing[0])
	}
	sort.Slice(ds.Pages, func(i, j int) bool { return ds.Pages[i].ID < ds.Pages[j].ID })
	return ds, nil
}

func findPage(dir, id string) (string, error) {
	if id == "" || filepath.Base(id) != id {
		return "", fmt.Errorf("dataset: bad page id %q", id)
	}
	for _, name := range []string{id + ".html.gz", id + ".html"} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	return "", fs.ErrNotExist
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// Read returns the page's bytes, gunzipped when the file is gzip.
func (p Page) Read() ([]byte, error) {
	data, err := os.ReadFile(p.Path)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, gzipMagic) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	return out, nil
}

// EnvAEB names an environment variable that, when set, points at the AEB
// folder (the one holding ground-truth.json and html/) instead of the
// search FindAEB does.
const EnvAEB = "WINNOW_AEB_DIR"

// aebRel is where the AEB set sits relative to some parent of the working
// directory: the repository's parent holds shared/.
var aebRel = filepath.Join("shared", "datasets", "aeb")

// ErrNoAEB is returned when the AEB folder cannot be found.
var ErrNoAEB = errors.New("dataset: AEB dataset not found (set " + EnvAEB + ")")

// FindAEB finds the article-extraction-benchmark folder: $WINNOW_AEB_DIR
// when set, else the first shared/datasets/aeb holding a ground-truth.json
// found walking up from the working directory. Its pages are in html/.
func FindAEB() (string, error) {
	if d := os.Getenv(EnvAEB); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		cand := filepath.Join(dir, aebRel)
		if _, err := os.Stat(filepath.Join(cand, "ground-truth.json")); err == nil {
			return cand, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoAEB
		}
		dir = parent
	}
}

// Digest is a SHA-256 over the pages' ids, urls and truth texts in id
// order, so a changed corpus is noticed. It does not cover the HTML files.
func (d *Dataset) Digest() string {
	h := sha256.New()
	for _, p := range d.Pages {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\x00", p.ID, p.URL, len(p.Truth), p.Truth)
	}
	return hex.EncodeToString(h.Sum(nil))
}
