package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/render"
)

// gatherInputs lists the inputs in the order given: the command line's,
// then -i's lines, then the files under --input-dir (in lexical order).
// With none of them it reads standard input.
func gatherInputs(cfg extractConfig) ([]input, error) {
	var ins []input
	for _, p := range cfg.inputs {
		ins = append(ins, input{path: p})
	}
	if cfg.listFile != "" {
		lines, err := readInputList(cfg.listFile)
		if err != nil {
			return nil, err
		}
		if len(lines) == 0 {
			return nil, fmt.Errorf("-i %s: no inputs in the file", cfg.listFile)
		}
		for _, p := range lines {
			ins = append(ins, input{path: p})
		}
	}
	if cfg.inputDir != "" {
		found, err := readInputDir(cfg.inputDir)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("--input-dir %s: no files in the folder", cfg.inputDir)
		}
		ins = append(ins, found...)
	}
	if len(ins) == 0 && cfg.listFile == "" && cfg.inputDir == "" {
		ins = []input{{path: "-"}}
	}
	stdinUses := 0
	for _, in := range ins {
		if in.path == "-" {
			stdinUses++
		}
	}
	if stdinUses > 1 {
		return nil, errors.New("standard input (-) can be read only once")
	}
	return ins, nil
}

// readInputList reads an -i file: one path or URL a line; blank lines and
// lines starting with # are skipped.
func readInputList(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("-i: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		ln := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		out = append(out, ln)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("-i %s: %w", name, err)
	}
	return out, nil
}

// readInputDir lists the regular files under dir, in lexical order; files
// and folders whose names start with a dot are skipped.
func readInputDir(dir string) ([]input, error) {
	var out []input
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out = append(out, input{path: p, rel: rel})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--input-dir: %w", err)
	}
	return out, nil
}

// formatExt is the file extension of each output format.
var formatExt = map[render.Format]string{
	render.FormatText: ".txt", render.FormatMarkdown: ".md", render.FormatHTML: ".html",
	render.FormatJSON: ".json", render.FormatJSONL: ".jsonl",
}

// inputExts are the extensions taken off an input's name; several may
// follow each other (page.html.gz).
var inputExts = []string{".gz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".md", ".json"}

// maxNameBytes bounds an output name made from a URL.
const maxNameBytes = 150

// outputNames gives each input its file under -o, relative to it: see
// extractUsage. Names that clash (ignoring case, for file systems that
// do) get -2, -3, ... in input order.
func outputNames(ins []input, f render.Format) []string {
	names := make([]string, len(ins))
	taken := map[string]bool{}
	for i, in := range ins {
		stem := outputStem(in)
		name := stem
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d", stem, n)
		}
		taken[strings.ToLower(name)] = true
		names[i] = name + formatExt[f]
	}
	return names
}

// outputStem is an input's output name without the format's extension.
func outputStem(in input) string {
	switch {
	case in.path == "-":
		return "stdin"
	case isURL(in.path):
		u, err := url.Parse(in.path)
		if err != nil {
			return safeName(in.path)
		}
		return safeName(trimExts(strings.TrimSuffix(u.Host+u.Path, "/")))
	case in.rel != "":
		dir, file := filepath.Split(in.rel)
		parts := strings.Split(filepath.ToSlash(filepath.Clean(dir)), "/")
		for i, p := range parts {
			parts[i] = safeName(p)
		}
		if dir == "" {
			parts = nil
		}
		return filepath.Join(append(parts, safeName(trimExts(file)))...)
	}
	return safeName(trimExts(filepath.Base(in.path)))
}

// trimExts takes the input extensions off the end of name.
func trimExts(name string) string {
	for {
		trimmed := name
		for _, ext := range inputExts {
			if len(trimmed) > len(ext) && strings.EqualFold(trimmed[len(trimmed)-len(ext):], ext) {
				trimmed = trimmed[:len(trimmed)-len(ext)]
				break
			}
		}
		if trimmed == name {
			return name
		}
		name = trimmed
	}
}

// safeName keeps letters, digits, '.', '-' and '_' of s and turns every
// other run of characters into one '_', so that a name from a URL is a
// plain file name on every system.
func safeName(s string) string {
	var b strings.Builder
	under := false
	for _, r := range s {
		ok := r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !ok {
			if !under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = true
			continue
		}
		b.WriteRune(r)
		under = false
	}
	name := strings.Trim(b.String(), "._-")
	if len(name) > maxNameBytes {
		name = strings.TrimRight(name[:maxNameBytes], "._-")
	}
	if name == "" {
		return "page"
	}
	return name
}

// dirResult is what happened to one page under -o.
type dirResult struct {
	code    int
	written bool
}

// extractToDir writes each page to its own file under cfg.outDir,
// --parallel at a time, and prints a summary line on standard error.
func extractToDir(ctx context.Context, cfg extractConfig, ins []input, env extractEnv) int {
	if err := os.MkdirAll(cfg.outDir, 0o755); err != nil {
		fmt.Fprintf(env.stderr, "winnow extract: -o: %v\n", err)
		return exitUsage
	}
	names := outputNames(ins, cfg.format)
	for i, in := range ins {
		if in.path != "-" && !isURL(in.path) && samePath(in.path, filepath.Join(cfg.outDir, names[i])) {
			fmt.Fprintf(env.stderr, "winnow extract: -o: %s would overwrite the input %s; choose another folder\n", names[i], in.path)
			return exitUsage
		}
	}
	env.stderr = &lockedWriter{w: env.stderr}
	worst, written, empty, failed := exitOK, 0, 0, 0
	forEachOrdered(len(ins), cfg.parallel, func(i int) dirResult {
		return extractFile(ctx, cfg, ins[i].path, filepath.Join(cfg.outDir, names[i]), env)
	}, func(_ int, r dirResult) {
		worst = max(worst, r.code)
		if r.written {
			written++
		}
		switch r.code {
		case exitNoArticle:
			empty++
		case exitUsage:
			failed++
		}
	})
	fmt.Fprintf(env.stderr, "winnow: %d pages: %d files written to %s, %d without main content, %d errors\n",
		len(ins), written, cfg.outDir, empty, failed)
	return worst
}

// extractFile extracts one page into the file out (through a temporary
// file renamed into place, so that no half-written file is left).
func extractFile(ctx context.Context, cfg extractConfig, in, out string, env extractEnv) dirResult {
	a, err := extractInput(ctx, cfg, in, env)
	if a == nil {
		fmt.Fprintf(env.stderr, "winnow: %s: %s\n", displayName(in), errText(err))
		return dirResult{code: exitUsage}
	}
	code := exitOK
	var na *winnow.NoArticleError
	if errors.As(err, &na) {
		if na.Status == batch.StatusFiltered {
			fmt.Fprintf(env.stderr, "winnow: %s: filtered: %s\n", displayName(in), na.Detail)
		} else {
			fmt.Fprintf(env.stderr, "winnow: %s: no main content on the page (status %s)%s\n", displayName(in), a.Status, detailText(na.Detail))
		}
		code = exitNoArticle
	} else if err != nil {
		fmt.Fprintf(env.stderr, "winnow: %s: %s\n", displayName(in), errText(err))
		return dirResult{code: exitUsage}
	}
	if cfg.format != render.FormatJSON && cfg.format != render.FormatJSONL {
		writeExplainFor(env.stderr, cfg, in, a)
		if code != exitOK {
			return dirResult{code: code}
		}
	}
	if err := writeFileAtomic(out, func(w io.Writer) error {
		if cfg.format == render.FormatJSONL {
			rec := render.Record{Source: render.Source{File: in}, Article: a}
			if cfg.render.NoTables {
				rec.Article = render.WithoutTables(a)
			}
			if code != exitOK {
				rec.Error = errText(err)
			}
			return render.WriteRecord(w, rec)
		}
		return render.WriteWith(w, a, cfg.format, cfg.render)
	}); err != nil {
		fmt.Fprintf(env.stderr, "winnow: %s: write: %v\n", displayName(in), err)
		return dirResult{code: exitUsage}
	}
	return dirResult{code: code, written: true}
}

// writeFileAtomic writes name through a temporary file in its folder.
func writeFileAtomic(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".winnow-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// samePath reports whether a and b name one file (b may not exist yet).
func samePath(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(sa, sb)
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// writeExplainFor is writeExplain for one of several pages: each line
// starts with the input's name.
func writeExplainFor(w io.Writer, cfg extractConfig, in string, a *article.Article) {
	if !cfg.explain {
		return
	}
	for _, r := range a.Removed {
		fmt.Fprintf(w, "%s: removed %-16s %s\n", displayName(in), string(r.Reason)+":", excerpt(r.Text, 100))
	}
}

// forEachOrdered runs work(0..n-1) on workers goroutines and hands each
// result to emit, on the calling goroutine, in index order. At most
// 4×workers results wait for an earlier one, so memory stays bounded
// however long the list.
func forEachOrdered[T any](n, workers int, work func(int) T, emit func(int, T)) {
	workers = max(1, min(workers, n))
	results := make([]chan T, n)
	for i := range results {
		results[i] = make(chan T, 1)
	}
	window := make(chan struct{}, 4*workers)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				results[i] <- work(i)
			}
		})
	}
	go func() {
		for i := range n {
			window <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	for i := range n {
		r := <-results[i]
		results[i] = nil
		emit(i, r)
		<-window
	}
	wg.Wait()
}

// lockedWriter serialises writes, so that the lines that workers print
// on standard error never interleave.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
