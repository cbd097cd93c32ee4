package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

// TestPagesOffHeap checks where the pages live: in the Go heap they pace
// every collection of the contender timed beside them (the 31.5 MB of AEB
// pages set winnow's GC goal), so the timed runs keep them outside it.
func TestPagesOffHeap(t *testing.T) {
	dir := t.TempDir()
	const n, size = 8, 1 << 20
	page := bytes.Repeat([]byte("<p>words of a page</p>\n"), size/23)
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.html", i)), page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		offHeap        bool
		minMB, maxMB   float64
		wantMappedSize bool
	}{
		{false, 7, 1e9, false},
		{true, -1e9, 1, true},
	} {
		before := liveHeapMB()
		pages, mapped, err := loadPagesTo(dir, "", tt.offHeap)
		if err != nil {
			t.Fatal(err)
		}
		grew := liveHeapMB() - before
		if grew < tt.minMB || grew > tt.maxMB {
			t.Errorf("off heap %v: the live heap grew %.1f MB for %d MB of pages", tt.offHeap, grew, n*size>>20)
		}
		if (mapped >= totalBytes(pages)) != tt.wantMappedSize {
			t.Errorf("off heap %v: %d bytes mapped for %d", tt.offHeap, mapped, totalBytes(pages))
		}
		if string(pages[n-1].HTML) != string(page) {
			t.Errorf("off heap %v: the page changed", tt.offHeap)
		}
		runtime.KeepAlive(pages)
	}
}
