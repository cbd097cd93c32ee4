package corpus

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"b.html.gz": gz(t, "<p>bee</p>"),
		"a.html":    []byte("<p>ay</p>"),
		"c.htm":     []byte("<p>see</p>"),
		"notes.txt": []byte("not a page"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	truth := filepath.Join(dir, "ground-truth.json")
	os.WriteFile(truth, []byte(`{"a":{"articleBody":"ay","url":"https://x.example/a"},"b":{"url":"https://x.example/b"}}`), 0o644)

	if got := TruthFor(dir); got != truth {
		t.Errorf("TruthFor = %q, want %q", got, truth)
	}
	pages, err := Load(dir, truth)
	if err != nil {
		t.Fatal(err)
	}
	want := []Page{
		{ID: "a", URL: "https://x.example/a", HTML: []byte("<p>ay</p>"), Truth: "ay", HasTruth: true},
		{ID: "b", URL: "https://x.example/b", HTML: []byte("<p>bee</p>")},
		{ID: "c", HTML: []byte("<p>see</p>")},
	}
	if len(pages) != len(want) {
		t.Fatalf("got %d pages, want %d", len(pages), len(want))
	}
	for i, w := range want {
		t.Run(w.ID, func(t *testing.T) {
			g := pages[i]
			if g.ID != w.ID || g.URL != w.URL || g.Truth != w.Truth || g.HasTruth != w.HasTruth || !bytes.Equal(g.HTML, w.HTML) {
				t.Errorf("got %+v, want %+v", g, w)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string][]byte
		truth string
	}{
		{"empty folder", nil, ""},
		{"truncated gzip", map[string][]byte{"x.html.gz": {0x1f, 0x8b, 8, 0}}, ""},
		{"bad ground truth", map[string][]byte{"x.html": []byte("<p>x</p>")}, "{"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				os.WriteFile(filepath.Join(dir, name), data, 0o644)
			}
			truth := ""
			if tc.truth != "" {
				truth = filepath.Join(dir, "ground-truth.json")
				os.WriteFile(truth, []byte(tc.truth), 0o644)
			}
			if _, err := Load(dir, truth); err == nil {
				t.Error("Load succeeded, want an error")
			}
		})
	}
}
