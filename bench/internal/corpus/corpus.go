// Package corpus loads a folder of pages for the speed harness: every
// .html, .htm or .html.gz file in it, gunzipped up front, with the URL and
// reference text from a ground-truth.json when one is given.
package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Page is one page held in memory.
type Page struct {
	ID    string // file name without its extensions
	URL   string // from the ground truth, or empty
	HTML  []byte // gunzipped
	Truth string // reference article text, or empty
	// HasTruth tells an empty reference text from a page with none.
	HasTruth bool
}

// DefaultDir is where the AEB pages sit relative to the repository's
// parent folder.
var DefaultDir = filepath.Join("shared", "datasets", "aeb", "html")

// FindDefault looks for DefaultDir under the working directory and each of
// its parents, and returns the first one found.
func FindDefault() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		cand := filepath.Join(dir, DefaultDir)
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("corpus: no %s found above %s; pass -pages", DefaultDir, wd)
		}
		dir = parent
	}
}

// TruthFor returns the ground-truth.json beside a pages folder (in the
// folder itself or its parent), or "" when there is none.
func TruthFor(dir string) string {
	for _, cand := range []string{filepath.Join(dir, "ground-truth.json"), filepath.Join(filepath.Dir(dir), "ground-truth.json")} {
		if _, err := os.Stat(cand); err == nil {
			return cand
		}
	}
	return ""
}

// pageID returns the ID of a page file name, or "" when it is not a page.
func pageID(name string) string {
	for _, ext := range []string{".html.gz", ".htm.gz", ".html", ".htm"} {
		if strings.HasSuffix(strings.ToLower(name), ext) {
			return name[:len(name)-len(ext)]
		}
	}
	return ""
}

// Load reads every page in dir, sorted by ID. truthPath may be empty.
func Load(dir, truthPath string) ([]Page, error) {
	truth := map[string]struct {
		ArticleBody *string `json:"articleBody"`
		URL         string  `json:"url"`
	}{}
	if truthPath != "" {
		raw, err := os.ReadFile(truthPath)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &truth); err != nil {
			return nil, fmt.Errorf("corpus: %s: %w", truthPath, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var pages []Page
	for _, e := range entries {
		id := pageID(e.Name())
		if e.IsDir() || id == "" {
			continue
		}
		data, err := readPage(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("corpus: %s: %w", e.Name(), err)
		}
		p := Page{ID: id, HTML: data}
		if t, ok := truth[id]; ok {
			p.URL = t.URL
			if t.ArticleBody != nil {
				p.Truth, p.HasTruth = *t.ArticleBody, true
			}
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, errors.New("corpus: no .html or .html.gz files in " + dir)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// readPage reads a file and gunzips it when it starts with the gzip magic.
func readPage(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// TotalBytes is the summed HTML size of pages.
func TotalBytes(pages []Page) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p.HTML))
	}
	return n
}
