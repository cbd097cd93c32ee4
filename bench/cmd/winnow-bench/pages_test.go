package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// TestLoadPages reads a folder with a ground truth (only its pages) and
// without one (every page, unscored), gunzipping as needed.
func TestLoadPages(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<p>bee</p>"))
	zw.Close()
	for name, data := range map[string][]byte{"a.html": []byte("<p>ay</p>"), "b.html.gz": gz.Bytes(), "notes.txt": []byte("x")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	truth := filepath.Join(dir, "ground-truth.json")
	if got := truthFor(dir); got != "" {
		t.Errorf("truthFor = %q before there is one", got)
	}
	pages, err := loadPages(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].ID != "a" || pages[1].ID != "b" || string(pages[1].HTML) != "<p>bee</p>" {
		t.Errorf("without truth: %+v", pages)
	}
	os.WriteFile(truth, []byte(`{"b":{"articleBody":"bee","url":"https://x.example/b"}}`), 0o644)
	if got := truthFor(dir); got != truth {
		t.Errorf("truthFor = %q, want %q", got, truth)
	}
	pages, err = loadPages(dir, truth)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || pages[0].ID != "b" || pages[0].Truth != "bee" || pages[0].URL != "https://x.example/b" || string(pages[0].HTML) != "<p>bee</p>" {
		t.Errorf("with truth: %+v", pages)
	}
	if _, err := loadPages(t.TempDir(), ""); err == nil {
		t.Error("an empty folder loaded")
	}
}
