package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDataset makes a small data set in the benchmark's shape: one
// gzipped page, one plain page and one truncated gzip file.
func writeDataset(t *testing.T) (dir, truth string) {
	t.Helper()
	dir = t.TempDir()
	page := "<html><head><title>T</title></head><body><article><p>" +
		strings.Repeat("The river rose overnight and the town woke to water in the streets. ", 20) +
		"</p></article></body></html>"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page))
	zw.Close()
	must(t, os.WriteFile(filepath.Join(dir, "a.html.gz"), gz.Bytes(), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "b.html"), []byte(page), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "c.html.gz"), gz.Bytes()[:20], 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "extra.html"), []byte(page), 0o644))
	truth = filepath.Join(dir, "truth.json")
	must(t, os.WriteFile(truth, []byte(`{
		"b": {"articleBody": "The river rose overnight.", "url": "https://example.org/b"},
		"a": {"articleBody": "The river rose overnight.", "url": "https://example.org/a"},
		"c": {"articleBody": "Broken page.", "url": "https://example.org/c"}
	}`), 0o644))
	return dir, truth
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLoad(t *testing.T) {
	dir, truth := writeDataset(t)
	ds, err := Load(dir, truth)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range ds.Pages {
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, ",") != "a,b,c" {
		t.Errorf("ids = %v, want a,b,c (sorted, extra.html ignored)", ids)
	}
	if ds.Pages[0].URL != "https://example.org/a" || ds.Pages[0].Truth != "The river rose overnight." {
		t.Errorf("page a = %+v", ds.Pages[0])
	}
	for _, id := range []int{0, 1} {
		data, err := ds.Pages[id].Read()
		if err != nil || !bytes.HasPrefix(data, []byte("<html>")) {
			t.Errorf("Read %s: %q..., %v", ds.Pages[id].ID, data[:min(len(data), 10)], err)
		}
	}
	if _, err := ds.Pages[2].Read(); err == nil {
		t.Error("Read of a truncated gzip file: want an error")
	}
	d1 := ds.Digest()
	ds.Pages[0].Truth += "!"
	if ds.Digest() == d1 {
		t.Error("Digest did not change with the truth text")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	tests := []struct {
		name, truth, want string
	}{
		{"missing page", `{"zz": {"articleBody": "x", "url": ""}}`, "not in"},
		{"bad json", `{`, "truth"},
		{"no pages", `{}`, "no pages"},
		{"no body", `{"zz": {"url": ""}}`, "no articleBody"},
		{"path in id", `{"../x": {"articleBody": "x", "url": ""}}`, "bad page id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(dir, write("truth.json", tt.truth))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load: err = %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := Load(dir, filepath.Join(dir, "nope.json")); err == nil {
		t.Error("missing truth file: want an error")
	}
}

func TestRun(t *testing.T) {
	dir, truth := writeDataset(t)
	ds, err := Load(dir, truth)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []Mode{ModeHTML, ModeText} {
		t.Run(string(mode), func(t *testing.T) {
			rep, err := Run(context.Background(), ds, Options{Mode: mode, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Pages != 3 || len(rep.Results) != 3 || rep.Mode != mode {
				t.Fatalf("report: %+v", rep)
			}
			for i, id := range []string{"a", "b", "c"} {
				if r := rep.Results[i]; r.ID != id || r.Status == "" {
					t.Errorf("result %d = %+v, want id %s with a status", i, r, id)
				}
			}
			// The truncated page cannot be read whatever the engine does.
			if c := rep.Results[2]; c.Status != StatusError || c.Error == "" || c.F1 != 0 {
				t.Errorf("truncated page: %+v, want an error", c)
			}
			if rep.Errors < 1 {
				t.Errorf("Errors = %d, want at least 1", rep.Errors)
			}
			if w := rep.Worst(2); len(w) != 2 || w[0].F1 > w[1].F1 {
				t.Errorf("Worst(2) = %+v", w)
			}
		})
	}
	if _, err := Run(context.Background(), ds, Options{Mode: "pdf"}); err == nil {
		t.Error("unknown mode: want an error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, ds, Options{}); err == nil {
		t.Error("cancelled context: want an error")
	}
}
