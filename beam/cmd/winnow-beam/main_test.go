package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestParseLangs: --lang takes the codes "winnow batch --lang" takes and
// refuses the others, naming the known ones. It used to pass any word on,
// so a typo filtered every page out.
func TestParseLangs(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr string
	}{
		{"", nil, ""},
		{"en", []string{"en"}, ""},
		{" EN, de ,,fr", []string{"en", "de", "fr"}, ""},
		{"english", nil, `unknown language "english"`},
		{"en,xx", nil, `unknown language "xx"`},
		{"en-GB", nil, `unknown language "en-gb"`},
	}
	for _, tt := range tests {
		got, err := parseLangs(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), " en ") {
				t.Errorf("%q: error %v, want %q and the known codes", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestBadLangExits: the command stops with exit status 2 before building
// the pipeline, with the reason on standard error.
func TestBadLangExits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "winnow-beam")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	manifest := filepath.Join(dir, "manifest.txt")
	os.WriteFile(manifest, nil, 0o644)
	cmd := exec.Command(bin, "--manifest", manifest, "--output", filepath.Join(dir, "out"), "--lang", "en,klingon")
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 2 || !strings.Contains(string(out), `--lang: unknown language "klingon"`) {
		t.Errorf("exit %v: %s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("output written")
	}
}
