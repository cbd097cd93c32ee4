package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/winnow-go/winnow/bench/internal/contenders"
)

// benchModule is this module's path, the first line of its go.mod.
const benchModule = "module github.com/winnow-go/winnow/bench"

// findBenchDir finds the bench module's folder from dir: dir or a parent
// holding its go.mod, or a parent's bench/ folder (the repository's
// root); "" when there is none.
func findBenchDir(dir string) string {
	for {
		for _, cand := range []string{dir, filepath.Join(dir, "bench")} {
			b, err := os.ReadFile(filepath.Join(cand, "go.mod"))
			if err == nil && strings.HasPrefix(string(b), benchModule+"\n") {
				return cand
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// childBinaries builds, into tmp, one binary of this command per build tag
// the jobs need, each linking only its contenders (contenders.All), with
// the go command from benchDir. It returns the binary for each contender.
func childBinaries(benchDir, tmp string, jobs []job) (map[string]string, error) {
	bins := map[string]string{}
	for _, j := range jobs {
		if _, ok := bins[j.contender]; ok {
			continue
		}
		tag := contenders.Tag(j.contender)
		if tag == "" {
			return nil, fmt.Errorf("no build tag links %q", j.contender)
		}
		out := filepath.Join(tmp, tag)
		if _, err := os.Stat(out); err != nil {
			cmd := exec.Command("go", "build", "-tags", "bench_child,"+tag, "-o", out, "./cmd/winnow-bench")
			cmd.Dir = benchDir
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return nil, fmt.Errorf("building the %s child: %w", tag, err)
			}
		}
		bins[j.contender] = out
	}
	return bins, nil
}
