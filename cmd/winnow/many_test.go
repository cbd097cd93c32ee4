package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/render"
)

var winnowExtract = winnow.ExtractContext

// writeFiles makes files under dir from name → content and returns dir.
func writeFiles(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// listDir returns the files under dir, as slash paths, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	sort.Strings(out)
	return out
}

// pageServer serves "article" pages at /story/N, a listing at /home,
// records the User-Agent it is sent and sleeps on /slow.
func pageServer(t *testing.T, ua *atomic.Value) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ua != nil {
			ua.Store(r.UserAgent())
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case strings.HasPrefix(r.URL.Path, "/story/"):
			fmt.Fprint(w, "<p>article</p>")
		case r.URL.Path == "/home":
			fmt.Fprint(w, "<p>listing</p>")
		case r.URL.Path == "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// sources reads the "source.file" of each JSON line, in order.
func sources(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	for _, ln := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var rec struct {
			Source struct{ File string } `json:"source"`
		}
		if err := json.Unmarshal([]byte(ln), &rec); err != nil {
			t.Fatalf("line %q: %v", ln, err)
		}
		files = append(files, rec.Source.File)
	}
	return files
}

// TestExtractInputList: -i reads one input a line (comments and blank
// lines skipped), mixes files and URLs, and the JSON lines come out in
// input order whatever --parallel is.
func TestExtractInputList(t *testing.T) {
	srv := pageServer(t, nil)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.html": "<p>article</p>", "b.html": "<p>article</p>"})
	var want []string
	list := "# pages to read\n\n"
	for i := range 12 {
		var in string
		if i%3 == 0 {
			in = filepath.Join(dir, "a.html")
		} else {
			in = fmt.Sprintf("%s/story/%d", srv.URL, i)
		}
		want = append(want, in)
		list += "  " + in + "  \n"
	}
	listFile := filepath.Join(dir, "urls.txt")
	writeFiles(t, dir, map[string]string{"urls.txt": list})
	for _, par := range []string{"1", "4"} {
		r := runCLI(t, []string{"-i", listFile, "--parallel", par}, "", nil)
		if r.code != 0 {
			t.Fatalf("--parallel %s: exit %d, stderr %q", par, r.code, r.stderr)
		}
		if got := sources(t, r.stdout); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("--parallel %s: sources out of order:\n%v\nwant\n%v", par, got, want)
		}
	}
	// The command line's inputs come first, then the list's.
	b := filepath.Join(dir, "b.html")
	r := runCLI(t, []string{b, "--input-file", listFile}, "", nil)
	if got := sources(t, r.stdout); len(got) != 13 || got[0] != b {
		t.Errorf("inputs %v", got)
	}

	empty := filepath.Join(dir, "empty.txt")
	writeFiles(t, dir, map[string]string{"empty.txt": "# nothing\n\n"})
	for _, tt := range []struct {
		args    []string
		wantErr string
	}{
		{[]string{"-i", empty}, "no inputs"},
		{[]string{"-i", filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{[]string{"--input-dir", filepath.Join(dir, "nodir")}, "nodir"},
		{[]string{"--parallel", "0", b}, "--parallel"},
	} {
		r := runCLI(t, tt.args, "", nil)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.wantErr) || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tt.args, r.code, r.stdout, r.stderr, tt.wantErr)
		}
	}
}

// TestExtractSeveralInputsFormat: several inputs print JSON lines, as
// documented; a --format other than jsonl given with them is refused
// rather than quietly ignored, and -o honours it.
func TestExtractSeveralInputsFormat(t *testing.T) {
	dir := writeFiles(t, t.TempDir(), map[string]string{"a.html": "<p>article</p>", "b.html": "<p>article</p>"})
	a, b := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.html")
	r := runCLI(t, []string{a, b}, "", nil)
	if r.code != 0 || len(sources(t, r.stdout)) != 2 {
		t.Errorf("default: exit %d, stdout %q", r.code, r.stdout)
	}
	r = runCLI(t, []string{"--format", "markdown", a, b}, "", nil)
	if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "use -o DIR") {
		t.Errorf("--format markdown, two inputs: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	out := t.TempDir()
	r = runCLI(t, []string{"--format", "markdown", a, b, "-o", out}, "", nil)
	if r.code != 0 || strings.Join(listDir(t, out), " ") != "a.md b.md" {
		t.Errorf("-o: exit %d, files %v, stderr %q", r.code, listDir(t, out), r.stderr)
	}
}

// TestExtractOutputDir: -o writes one file per page in the chosen format,
// named from the input; clashes get -2, -3; a page without main content
// gets a file only in JSON; --input-dir's folders are kept.
func TestExtractOutputDir(t *testing.T) {
	srv := pageServer(t, nil)
	in := writeFiles(t, t.TempDir(), map[string]string{
		"one.html":          "<p>article</p>",
		"two.html.gz":       "<p>article</p>", // the fake engine reads it as is
		"sub/one.htm":       "<p>article</p>",
		"sub/home.html":     "<p>listing</p>",
		".hidden.html":      "<p>article</p>",
		".git/config.html":  "<p>article</p>",
		"sub/deep/Page.TXT": "<p>article</p>",
	})
	other := writeFiles(t, t.TempDir(), map[string]string{"one.html": "<p>article</p>"})
	tests := []struct {
		name      string
		args      []string
		wantCode  int
		wantFiles []string
		wantErr   string
	}{
		{"input dir as text", []string{"--input-dir", in}, 1,
			[]string{"one.txt", "sub/deep/Page.txt", "sub/one.txt", "two.txt"}, "without main content"},
		{"input dir as json keeps the refused page", []string{"--input-dir", in, "--format", "json"}, 1,
			[]string{"one.json", "sub/deep/Page.json", "sub/home.json", "sub/one.json", "two.json"}, "5 files written"},
		{"clashing names", []string{filepath.Join(in, "one.html"), filepath.Join(other, "one.html"), filepath.Join(in, "sub/one.htm"), "--format", "md"}, 0,
			[]string{"one-2.md", "one-3.md", "one.md"}, "3 files written"},
		{"URLs", []string{srv.URL + "/story/1", srv.URL + "/story/1/", srv.URL + "/story/a%20b.html?x=1", srv.URL + "/gone"}, 2,
			[]string{"127.0.0.1_PORT_story_1-2.txt", "127.0.0.1_PORT_story_1.txt", "127.0.0.1_PORT_story_a_b.txt"}, "1 errors"},
		{"stdin", []string{"-"}, 0, []string{"stdin.txt"}, "1 files written"},
		{"jsonl", []string{filepath.Join(in, "one.html"), "--format", "jsonl"}, 0, []string{"one.jsonl"}, ""},
	}
	port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			r := runCLI(t, append(tt.args, "-o", out, "--parallel", "3"), "<p>article</p>", nil)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tt.wantCode, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want none", r.stdout)
			}
			var want []string
			for _, f := range tt.wantFiles {
				want = append(want, strings.ReplaceAll(f, "PORT", port))
			}
			if got := listDir(t, out); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("files %v, want %v", got, want)
			}
			if !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.wantErr)
			}
		})
	}

	// The content is the chosen format's; a file already there is replaced.
	out := t.TempDir()
	writeFiles(t, out, map[string]string{"one.md": "old"})
	r := runCLI(t, []string{filepath.Join(in, "one.html"), "-o", out, "--format", "markdown", "--with-metadata"}, "", nil)
	got, _ := os.ReadFile(filepath.Join(out, "one.md"))
	if r.code != 0 || string(got) != "---\ntitle: \"Storm\"\n---\n# Storm\n\nThe storm hit.\n" {
		t.Errorf("one.md = %q (exit %d, %s)", got, r.code, r.stderr)
	}
	// Writing over the inputs is refused before anything is read.
	r = runCLI(t, []string{"--input-dir", other, "-o", other, "--format", "html"}, "", nil)
	if r.code != exitUsage || !strings.Contains(r.stderr, "would overwrite the input") {
		t.Errorf("-o onto the inputs: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestOutputStem(t *testing.T) {
	tests := []struct {
		in   input
		want string
	}{
		{input{path: "/x/page.html"}, "page"},
		{input{path: "/x/page.HTML.gz"}, "page"},
		{input{path: "/x/report.2024.html"}, "report.2024"},
		{input{path: "/x/notes"}, "notes"},
		{input{path: "/x/sub/page.htm", rel: filepath.Join("sub", "page.htm")}, filepath.Join("sub", "page")},
		{input{path: "/x/a b/ü.html", rel: filepath.Join("a b", "ü.html")}, filepath.Join("a_b", "page")},
		{input{path: "-"}, "stdin"},
		{input{path: "https://example.com/"}, "example.com"},
		{input{path: "https://example.com/news/2024/story.html?id=3#top"}, "example.com_news_2024_story"},
		{input{path: "http://example.com:8080/a/b/"}, "example.com_8080_a_b"},
		{input{path: "https://example.com/" + strings.Repeat("x", 300)}, "example.com_" + strings.Repeat("x", maxNameBytes-len("example.com_"))},
		{input{path: "https://example.com/../../etc/passwd"}, "example.com_.._.._etc_passwd"},
	}
	for _, tt := range tests {
		if got := outputStem(tt.in); got != tt.want {
			t.Errorf("outputStem(%+v) = %q, want %q", tt.in, got, tt.want)
		}
		if got := outputStem(tt.in); tt.in.rel == "" && strings.ContainsAny(got, `/\`) {
			t.Errorf("outputStem(%+v) = %q is not one file name", tt.in, got)
		}
	}
	names := outputNames([]input{{path: "a/One.html"}, {path: "b/one.html"}, {path: "c/one.htm"}, {path: "one-2.html"}}, render.FormatText)
	if strings.Join(names, " ") != "One.txt one-2.txt one-3.txt one-2-2.txt" {
		t.Errorf("outputNames = %v", names)
	}
}

// TestExtractFetchFlags: --user-agent is sent, --timeout stops a slow
// fetch with a one-line error.
func TestExtractFetchFlags(t *testing.T) {
	var ua atomic.Value
	srv := pageServer(t, &ua)
	r := runCLI(t, []string{srv.URL + "/story/1", "--user-agent", "MyCrawler/2.0"}, "", nil)
	if r.code != 0 || ua.Load() != "MyCrawler/2.0" {
		t.Errorf("exit %d, User-Agent %v", r.code, ua.Load())
	}
	runCLI(t, []string{srv.URL + "/story/1"}, "", nil)
	if got, _ := ua.Load().(string); !strings.HasPrefix(got, "winnow/") {
		t.Errorf("default User-Agent %q", got)
	}
	r = runCLI(t, []string{srv.URL + "/slow", "--timeout", "200ms"}, "", nil)
	if r.code != exitUsage || !strings.Contains(r.stderr, "200ms") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("slow page: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCLI(t, []string{srv.URL + "/story/1", "--timeout", "0s"}, "", nil)
	if r.code != exitUsage || !strings.Contains(r.stderr, "--timeout") {
		t.Errorf("--timeout 0: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestExtractVersion(t *testing.T) {
	r := runCLI(t, []string{"--version"}, "", nil)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "winnow ") || !strings.Contains(r.stdout, "go1.") {
		t.Errorf("--version: exit %d, stdout %q", r.code, r.stdout)
	}
}

// TestExtractMetadataAndTables runs the real engine: --with-metadata puts
// a YAML front matter block before the text, --no-tables drops the table.
func TestExtractMetadataAndTables(t *testing.T) {
	page := `<html><head><title>Rain totals</title><meta name="author" content="Ann Lee">` +
		`<meta property="article:published_time" content="2024-10-03"></head><body><article><h1>Rain totals</h1>` +
		strings.Repeat("<p>The storm brought more rain to the coast than any storm in the last ten years, the office said.</p>", 5) +
		`<table><tr><th>Town</th><th>Rain</th></tr><tr><td>Dover</td><td>42</td></tr><tr><td>Deal</td><td>38</td></tr></table>` +
		`</article></body></html>`
	dir := writeFiles(t, t.TempDir(), map[string]string{"rain.html": page})
	in := filepath.Join(dir, "rain.html")
	run := func(args ...string) string {
		t.Helper()
		return runExtractOn(t, in, args...)
	}
	plain := run()
	if !strings.Contains(plain, "Dover") || strings.HasPrefix(plain, "---") {
		t.Fatalf("plain text %q", plain)
	}
	for _, f := range []string{"text", "markdown"} {
		got := run("--with-metadata", "--format", f, "--url", "https://example.org/rain")
		head, body, ok := strings.Cut(strings.TrimPrefix(got, "---\n"), "---\n")
		if !strings.HasPrefix(got, "---\n") || !ok {
			t.Fatalf("%s: no front matter: %q", f, got)
		}
		for _, want := range []string{`title: "Rain totals"`, `  - "Ann Lee"`, `date: "2024-10-03"`, `url: "https://example.org/rain"`, `page_type: "article"`} {
			if !strings.Contains(head, want+"\n") {
				t.Errorf("%s: front matter %q lacks %q", f, head, want)
			}
		}
		if !strings.Contains(body, "Dover") {
			t.Errorf("%s: body %q", f, body)
		}
	}
	for _, f := range []string{"text", "markdown", "html", "json"} {
		if got := run("--no-tables", "--format", f); strings.Contains(got, "Dover") || !strings.Contains(got, "last ten years") {
			t.Errorf("--no-tables --format %s: %q", f, got)
		}
	}
}

// TestForEachOrdered: results come out in index order even when later
// ones finish first, and no more than 4×workers are held at once.
func TestForEachOrdered(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		var held, maxHeld atomic.Int64
		var got []int
		forEachOrdered(50, workers, func(i int) int {
			if i%7 == 0 {
				time.Sleep(2 * time.Millisecond) // later indexes overtake this one
			}
			if h := held.Add(1); h > maxHeld.Load() {
				maxHeld.Store(h)
			}
			return i * i
		}, func(i, r int) {
			held.Add(-1)
			if r != i*i {
				t.Errorf("result %d for index %d", r, i)
			}
			got = append(got, i)
		})
		for i, v := range got {
			if v != i {
				t.Fatalf("workers %d: emitted %v, want 0..49 in order", workers, got)
			}
		}
		if len(got) != 50 {
			t.Errorf("workers %d: %d results, want 50", workers, len(got))
		}
		if m := maxHeld.Load(); m > int64(4*workers) {
			t.Errorf("workers %d: %d results held at once, want at most %d", workers, m, 4*workers)
		}
	}
	forEachOrdered(0, 4, func(int) int { t.Error("work called for n = 0"); return 0 }, func(int, int) {})
}

// runExtractOn runs winnow extract with args on the file in and returns
// what it printed, failing t on any exit code but 0.
func runExtractOn(t *testing.T, in string, args ...string) string {
	t.Helper()
	var out, errOut strings.Builder
	code := extract(append(args, in), extractEnv{stdout: &out, stderr: &errOut, stdin: strings.NewReader(""), extract: winnowExtract})
	if code != 0 {
		t.Fatalf("%v: exit %d, %s", args, code, errOut.String())
	}
	return out.String()
}
