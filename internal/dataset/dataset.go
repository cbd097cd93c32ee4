// Package dataset loads labelled page sets in the article-extraction-
// benchmark shape: DIR/<id>.html.gz or DIR/<id>.html beside a truth JSON
// object {id: {"articleBody": ..., "url": ...}}. A truth entry may also
// carry the WCXB fields: the page's "type", "title", "author", "date", and
// "with"/"without" snippets (any of them absent or null). It is the one
// loader the evaluator, the test-page cache and the WARC fixtures share; it
// imports nothing of winnow, so any package's tests can use it.
//
// Named sets live in a shared folder beside the repository
// (shared/datasets/<name>/html and .../ground-truth.json); FindSet resolves
// a name or a folder to one.
package dataset

import (
	"bytes"
	"cmp"
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
	"strings"
)

// Page is one labelled page of a data set.
type Page struct {
	ID    string // the file name without .html or .html.gz
	URL   string // the page's original address, from the truth file
	Truth string // the reference article text
	Path  string // the HTML file, gzipped or not

	// The optional fields of the WCXB truth shape; zero when absent.
	Type    string   // the kind of page ("article", "forum", ...), or ""
	Title   string   // the reference title
	Author  string   // the reference author
	Date    string   // the reference date, YYYY-MM-DD
	With    []string // snippets a good extraction contains
	Without []string // chrome snippets a good extraction leaves out
}

// Dataset is a set of labelled pages in the article-extraction-benchmark
// shape: DIR/<id>.html.gz or DIR/<id>.html, and a truth JSON object
// {id: {"articleBody": ..., "url": ...}}.
type Dataset struct {
	Name  string // the set's name when loaded by Set.Load, else ""
	Pages []Page // sorted by ID
}

// truthEntry is one page of a truth file. Absent and null fields both
// decode to their zero value.
type truthEntry struct {
	ArticleBody *string  `json:"articleBody"`
	URL         string   `json:"url"`
	Type        string   `json:"type"`
	Title       *string  `json:"title"`
	Author      *string  `json:"author"`
	Date        *string  `json:"date"`
	With        []string `json:"with"`
	Without     []string `json:"without"`
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
		ds.Pages = append(ds.Pages, Page{
			ID: id, URL: e.URL, Truth: *e.ArticleBody, Path: path,
			Type: e.Type, Title: deref(e.Title), Author: deref(e.Author), Date: deref(e.Date),
			With: e.With, Without: e.Without,
		})
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("dataset: %d pages of the truth file are not in %s (first: %s)", len(missing), pagesDir, missing[0])
	}
	sort.Slice(ds.Pages, func(i, j int) bool { return ds.Pages[i].ID < ds.Pages[j].ID })
	return ds, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
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

// EnvDatasets names an environment variable that, when set, is the folder
// holding the named sets (<name>/ground-truth.json, <name>/html) instead
// of the shared/datasets FindSet looks for.
const EnvDatasets = "WINNOW_DATASETS"

// sharedRel is where the named sets sit relative to some parent of the
// working directory: the repository's parent holds shared/.
var sharedRel = filepath.Join("shared", "datasets")

// TruthFile is the truth file's name in a set's folder.
const TruthFile = "ground-truth.json"

// ErrNoAEB is returned when the AEB folder cannot be found.
var ErrNoAEB = errors.New("dataset: AEB dataset not found (set " + EnvAEB + ")")

// ErrNotFound is returned (wrapped) when a named set cannot be found.
var ErrNotFound = errors.New("dataset: set not found")

// FindAEB finds the article-extraction-benchmark folder: $WINNOW_AEB_DIR
// when set, else the first shared/datasets/aeb holding a ground-truth.json
// found walking up from the working directory. Its pages are in html/.
// The error wraps ErrNoAEB and says where the set was looked for.
func FindAEB() (string, error) {
	if d := os.Getenv(EnvAEB); d != "" {
		return d, nil
	}
	s, err := FindSet("aeb", "")
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNoAEB, err)
	}
	return s.Dir, nil
}

// Set is a labelled page set on disk: its pages and its truth file.
type Set struct {
	Name  string // the name it was asked by, or the folder's base name
	Dir   string // the folder holding the truth file
	Pages string // the folder of <id>.html[.gz] pages: Dir/html, or Dir itself when it has no html/
	Truth string // Dir/ground-truth.json
}

// Load reads the set's pages and truth; the Dataset carries the set's name.
func (s Set) Load() (*Dataset, error) {
	ds, err := Load(s.Pages, s.Truth)
	if err != nil {
		return nil, err
	}
	ds.Name = s.Name
	return ds, nil
}

// FindSet resolves arg, a folder or a set's name, to a Set. A folder that
// holds a ground-truth.json is the set (named by its base name). Otherwise
// arg is a name looked up under root: the folder given, else
// $WINNOW_DATASETS, else the first shared/datasets/<name> with a
// ground-truth.json found walking up from the working directory. The error
// wraps ErrNotFound when nothing is found.
func FindSet(arg, root string) (Set, error) {
	if arg == "" {
		return Set{}, fmt.Errorf("%w: empty set name", ErrNotFound)
	}
	if hasTruth(arg) {
		return newSet(filepath.Base(filepath.Clean(arg)), arg), nil
	}
	if filepath.Base(arg) != arg {
		return Set{}, fmt.Errorf("%w: %s holds no %s", ErrNotFound, arg, TruthFile)
	}
	root = cmp.Or(root, os.Getenv(EnvDatasets))
	if root != "" {
		dir := filepath.Join(root, arg)
		if !hasTruth(dir) {
			return Set{}, fmt.Errorf("%w: %s holds no %s", ErrNotFound, dir, TruthFile)
		}
		return newSet(arg, dir), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return Set{}, err
	}
	for dir := wd; ; {
		if cand := filepath.Join(dir, sharedRel, arg); hasTruth(cand) {
			return newSet(arg, cand), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return Set{}, fmt.Errorf("%w: no %s above %s (set %s or pass a folder)",
				ErrNotFound, filepath.Join(sharedRel, arg, TruthFile), wd, EnvDatasets)
		}
		dir = parent
	}
}

func newSet(name, dir string) Set {
	pages := filepath.Join(dir, "html")
	if st, err := os.Stat(pages); err != nil || !st.IsDir() {
		pages = dir
	}
	return Set{Name: name, Dir: dir, Pages: pages, Truth: filepath.Join(dir, TruthFile)}
}

func hasTruth(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, TruthFile))
	return err == nil && st.Mode().IsRegular()
}

// Required reports whether tests must fail, not skip, when a data set is
// missing: under CI ($CI) or when $WINNOW_REQUIRE_DATA asks for it, each
// set to anything but "", "0" or "false".
func Required() bool {
	return truthy(os.Getenv("CI")) || truthy(os.Getenv("WINNOW_REQUIRE_DATA"))
}

func truthy(v string) bool {
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// ForTest finds the set arg (a name or a folder, as FindSet with the
// default root) for a test that needs it. When it is missing, msg says so
// in one line and fail says what the test must do: when required (see
// Required) missing data is a failure; elsewhere the test skips, since the
// shared sets live outside the repository. Any other error is a failure.
func ForTest(arg string, required bool) (s Set, msg string, fail bool) {
	s, err := FindSet(arg, "")
	switch {
	case err == nil:
		return s, "", false
	case !errors.Is(err, ErrNotFound):
		return Set{}, err.Error(), true
	}
	msg, fail = Missing(arg, err, required)
	return Set{}, msg, fail
}

// Missing is what a test says, in one line, when the set name is missing
// (err says where it was looked for), and whether it must fail: when
// required (see Required) it fails, elsewhere it skips.
func Missing(name string, err error, required bool) (msg string, fail bool) {
	if required {
		return fmt.Sprintf("data set %s is missing under CI: %v", name, err), true
	}
	return fmt.Sprintf("skipped, data set %s not found (CI=true or WINNOW_REQUIRE_DATA=1 makes this a failure): %v", name, err), false
}

// Digest is a SHA-256 over the pages' ids, urls and truth texts in id
// order, and over the page types and snippets where there are any, so a
// changed corpus is noticed (a set without them keeps the digest it had
// before they were read). It does not cover the HTML files nor the
// metadata fields, which nothing scores.
func (d *Dataset) Digest() string {
	h := sha256.New()
	for _, p := range d.Pages {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\x00", p.ID, p.URL, len(p.Truth), p.Truth)
		if p.Type != "" || len(p.With) > 0 || len(p.Without) > 0 {
			fmt.Fprintf(h, "type\x00%s\x00%d\x00%d\x00", p.Type, len(p.With), len(p.Without))
			for _, s := range p.With {
				fmt.Fprintf(h, "%s\x00", s)
			}
			for _, s := range p.Without {
				fmt.Fprintf(h, "%s\x00", s)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
