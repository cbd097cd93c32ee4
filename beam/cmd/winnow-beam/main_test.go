package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

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
