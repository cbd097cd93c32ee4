package testpages

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dataset"
)

func writeGz(t *testing.T, name, body string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(body)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeGz(t, filepath.Join(dir, "html", "bb.html.gz"), "<p>second</p>")
	writeGz(t, filepath.Join(dir, "html", "aa.html.gz"), "<p>first</p>")
	truth := `{"aa":{"articleBody":"first","url":"https://a.example/1"},"bb":{"articleBody":"second","url":"https://b.example/2"}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}

	pages, err := loadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Page{
		{ID: "aa", URL: "https://a.example/1", HTML: []byte("<p>first</p>"), Truth: "first"},
		{ID: "bb", URL: "https://b.example/2", HTML: []byte("<p>second</p>"), Truth: "second"},
	}
	if len(pages) != len(want) {
		t.Fatalf("got %d pages, want %d", len(pages), len(want))
	}
	for i, w := range want {
		t.Run(w.ID, func(t *testing.T) {
			g := pages[i]
			if g.ID != w.ID || g.URL != w.URL || g.Truth != w.Truth || !bytes.Equal(g.HTML, w.HTML) {
				t.Errorf("page %d = %+v, want %+v", i, g, w)
			}
		})
	}
	if got := TotalBytes(pages); got != int64(len("<p>first</p><p>second</p>")) {
		t.Errorf("TotalBytes = %d", got)
	}
}

func TestLoadDirErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{"no ground truth", func(t *testing.T, dir string) {}},
		{"bad json", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte("{"), 0o644)
		}},
		{"not gzip", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte("{}"), 0o644)
			os.Mkdir(filepath.Join(dir, "html"), 0o755)
			os.WriteFile(filepath.Join(dir, "html", "x.html.gz"), []byte("<p>plain</p>"), 0o644)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.setup(t, dir)
			if _, err := loadDir(dir); err == nil {
				t.Error("loadDir succeeded, want an error")
			}
		})
	}
}

func TestDirFromEnv(t *testing.T) {
	t.Setenv(EnvDir, "/some/where")
	got, err := Dir()
	if err != nil || got != "/some/where" {
		t.Errorf("Dir() = %q, %v; want /some/where", got, err)
	}
}

// fakeTB records what a test helper asks of its test.
type fakeTB struct {
	testing.TB
	skipped, failed string
}

func (f *fakeTB) Helper()                      {}
func (f *fakeTB) Skip(args ...any)             { f.skipped = fmt.Sprint(args...) }
func (f *fakeTB) Fatal(args ...any)            { f.failed = fmt.Sprint(args...) }
func (f *fakeTB) Skipf(s string, args ...any)  { f.skipped = fmt.Sprintf(s, args...) }
func (f *fakeTB) Fatalf(s string, args ...any) { f.failed = fmt.Sprintf(s, args...) }

// TestLoadedMissing: a test needing the AEB pages skips with one line
// naming the folder it looked for and how to make it a failure, and fails
// under CI.
func TestLoadedMissing(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv(EnvDir, "")
	t.Setenv(dataset.EnvDatasets, "")
	_, err := Dir()
	for _, tt := range []struct {
		ci       string
		wantSkip bool
		want     []string
	}{
		{"", true, []string{"skipped", filepath.Join("shared", "datasets", "aeb"), "CI=true or WINNOW_REQUIRE_DATA=1"}},
		{"true", false, []string{"missing under CI", filepath.Join("shared", "datasets", "aeb")}},
	} {
		t.Setenv("CI", tt.ci)
		t.Setenv("WINNOW_REQUIRE_DATA", "")
		tb := &fakeTB{}
		loaded(tb, nil, err)
		msg := tb.failed
		if tt.wantSkip {
			msg = tb.skipped
		}
		if (tb.skipped != "") != tt.wantSkip || (tb.failed != "") == tt.wantSkip {
			t.Errorf("CI=%q: skipped %q, failed %q", tt.ci, tb.skipped, tb.failed)
		}
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("CI=%q: message %q does not say %q", tt.ci, msg, w)
			}
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("CI=%q: message %q is more than one line", tt.ci, msg)
		}
	}
}
