package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const mini = "testdata/wcxb-mini"

// TestLoadWCXBShape: the optional fields of the WCXB truth shape are read,
// null and absent ones are zero, and the pages come sorted.
func TestLoadWCXBShape(t *testing.T) {
	ds, err := Load(filepath.Join(mini, "html"), filepath.Join(mini, TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Pages) != 3 {
		t.Fatalf("%d pages, want 3", len(ds.Pages))
	}
	a, f, l := ds.Pages[0], ds.Pages[1], ds.Pages[2]
	if a.ID != "a1" || f.ID != "f1" || l.ID != "l1" {
		t.Fatalf("ids %s %s %s, want a1 f1 l1", a.ID, f.ID, l.ID)
	}
	if a.Type != "article" || a.Title != "The river rose overnight" || a.Author != "" || a.Date != "" ||
		!slices.Equal(a.With, []string{"the town woke to water in its streets", "Engineers expect the level to fall slowly"}) ||
		!slices.Equal(a.Without, []string{"Subscribe to our newsletter", "Login"}) ||
		a.URL != "https://valley-post.example/news/river-rose" || !strings.HasPrefix(a.Truth, "The river rose overnight\n\n") {
		t.Errorf("a1 = %+v", a)
	}
	if f.Type != "forum" || f.Author != "crumbly" || f.Date != "2025-10-02" || f.With != nil || f.Without != nil {
		t.Errorf("f1 = %+v, want null snippets read as nil", f)
	}
	if l.Type != "listing" || l.Title != "" || l.With != nil || l.Without != nil {
		t.Errorf("l1 = %+v", l)
	}
	if data, err := l.Read(); err != nil || !strings.Contains(string(data), "Events this week") {
		t.Errorf("Read l1: %v", err)
	}
}

// TestDigest: the digest covers types and snippets where a set has them,
// and a set without them keeps the digest of the id, url and text alone.
func TestDigest(t *testing.T) {
	base := &Dataset{Pages: []Page{{ID: "a", URL: "u", Truth: "t"}}}
	d0 := base.Digest()
	for name, change := range map[string]func(p *Page){
		"type":    func(p *Page) { p.Type = "forum" },
		"with":    func(p *Page) { p.With = []string{"x"} },
		"without": func(p *Page) { p.Without = []string{"x"} },
		"text":    func(p *Page) { p.Truth = "t2" },
	} {
		ds := &Dataset{Pages: slices.Clone(base.Pages)}
		change(&ds.Pages[0])
		if ds.Digest() == d0 {
			t.Errorf("changing the %s left the digest as it was", name)
		}
	}
	meta := &Dataset{Pages: []Page{{ID: "a", URL: "u", Truth: "t", Title: "T", Author: "A", Date: "2025-01-01"}}}
	if meta.Digest() != d0 {
		t.Error("the metadata fields changed the digest; nothing scores them")
	}
}

func writeSet(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "html", "p.html"), []byte("<p>x</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, TruthFile), []byte(`{"p": {"articleBody": "x", "url": ""}}`), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindSet(t *testing.T) {
	root := t.TempDir()
	writeSet(t, filepath.Join(root, "alpha"))
	flat := filepath.Join(root, "flat") // pages beside the truth, no html/
	if err := os.MkdirAll(flat, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(flat, TruthFile), []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvDatasets, "")
	tests := []struct {
		name, arg, root string
		env             string
		wantName        string
		wantPages       string
		wantErr         bool
	}{
		{"name under root", "alpha", root, "", "alpha", filepath.Join(root, "alpha", "html"), false},
		{"name under env", "alpha", "", root, "alpha", filepath.Join(root, "alpha", "html"), false},
		{"flag beats env", "alpha", root, t.TempDir(), "alpha", filepath.Join(root, "alpha", "html"), false},
		{"folder", filepath.Join(root, "alpha"), "", "", "alpha", filepath.Join(root, "alpha", "html"), false},
		{"folder without html/", flat, "", "", "flat", flat, false},
		{"unknown name", "beta", root, "", "", "", true},
		{"folder without truth", t.TempDir(), "", "", "", "", true},
		{"empty", "", root, "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvDatasets, tt.env)
			s, err := FindSet(tt.arg, tt.root)
			if tt.wantErr {
				if !errors.Is(err, ErrNotFound) {
					t.Errorf("FindSet = %+v, %v; want ErrNotFound", s, err)
				}
				return
			}
			if err != nil || s.Name != tt.wantName || s.Pages != tt.wantPages || s.Truth != filepath.Join(s.Dir, TruthFile) {
				t.Errorf("FindSet = %+v, %v; want name %s, pages %s", s, err, tt.wantName, tt.wantPages)
			}
		})
	}
	s, err := FindSet("alpha", root)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := s.Load()
	if err != nil || ds.Name != "alpha" || len(ds.Pages) != 1 {
		t.Errorf("Load = %+v, %v", ds, err)
	}
}

// TestForTest: a missing set skips a test with one line outside CI and
// fails it under CI; a present one is returned.
func TestForTest(t *testing.T) {
	root := t.TempDir()
	writeSet(t, filepath.Join(root, "alpha"))
	t.Setenv(EnvDatasets, root)
	tests := []struct {
		name, arg, ci, require string
		wantMsg                string // "" when the set is found
		wantFail               bool
	}{
		{"present, CI unset", "alpha", "", "", "", false},
		{"present under CI", "alpha", "true", "", "", false},
		{"missing, CI unset", "beta", "", "", "skipped, data set beta not found", false},
		{"missing, CI=false", "beta", "false", "", "skipped", false},
		{"missing, CI=0", "beta", "0", "", "skipped", false},
		{"missing, WINNOW_REQUIRE_DATA=0", "beta", "", "0", "skipped", false},
		{"missing under CI", "beta", "true", "", "data set beta is missing under CI", true},
		{"missing under CI=1", "beta", "1", "", "missing under CI", true},
		{"missing, WINNOW_REQUIRE_DATA=1", "beta", "", "1", "missing under CI", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			t.Setenv("WINNOW_REQUIRE_DATA", tt.require)
			s, msg, fail := ForTest(tt.arg, Required())
			if fail != tt.wantFail || !strings.Contains(msg, tt.wantMsg) || (tt.wantMsg == "") != (msg == "") {
				t.Errorf("ForTest(%q, CI=%q) = %q, fail %v; want %q, fail %v", tt.arg, tt.ci, msg, fail, tt.wantMsg, tt.wantFail)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("message %q is more than one line", msg)
			}
			if tt.wantMsg == "" && s.Name != tt.arg {
				t.Errorf("set = %+v", s)
			}
		})
	}
}

// TestFindAEBNamesFolder: when the AEB set is missing, the error says
// which folder was looked for and from where, so a test that skips on it
// says what is missing in its one line.
func TestFindAEBNamesFolder(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	t.Setenv(EnvAEB, "")
	t.Setenv(EnvDatasets, "")
	_, err := FindAEB()
	if !errors.Is(err, ErrNoAEB) {
		t.Fatalf("FindAEB error %v does not wrap ErrNoAEB", err)
	}
	for _, want := range []string{filepath.Join("shared", "datasets", "aeb"), wd, EnvAEB} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("FindAEB error %q does not name %q", err, want)
		}
	}
}
