package main

import (
	"os/exec"
	"strings"
	"testing"
)

// stagePackages are the pipeline's stages and their helpers. The commands
// reach them only through the root package (and article, render and the
// service packages: server, batch, runner, fetch, eval), so that there is
// one pipeline.
var stagePackages = []string{
	"internal/decode", "internal/parse", "internal/meta", "internal/content",
	"internal/textmode", "internal/rules", "internal/dom",
}

// TestNoStageImports fails when a package under cmd/ imports a stage
// package directly (its tests are not counted).
func TestNoStageImports(t *testing.T) {
	const module = "github.com/winnow-go/winnow/"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, module+"cmd/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("go list found no package under cmd/")
	}
	for _, line := range lines {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			for _, stage := range stagePackages {
				if imp == module+stage {
					t.Errorf("%s imports %s; go through the root package instead", strings.TrimPrefix(f[0], module), stage)
				}
			}
		}
	}
}
