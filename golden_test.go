package winnow_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
)

var (
	update = flag.Bool("update", false, "rewrite the want.json and want.md goldens of testdata/pages")
)

const pagesDir = "testdata/pages"

// expectation is a page's expect.json: hand-written facts that must hold
// whatever the engine does. They are the real specification of the
// engine; the goldens only pin what it does today.
type expectation struct {
	URL            string   `json:"url"`    // passed as Options.URL
	Status         string   `json:"status"` // the Article's Status
	Title          string   `json:"title"`
	Language       string   `json:"language"`
	MustContain    []string `json:"must_contain"`      // phrases of the body
	MustContainOne []string `json:"must_contain_once"` // phrases that must appear exactly once
	MustNotContain []string `json:"must_not_contain"`  // phrases of the page chrome
	BlockTypes     []string `json:"block_types"`       // block types the body must include
}

// TestGolden extracts every page of testdata/pages with Explain on and
// compares the result with want.json and its Markdown with want.md. Run
// "go test -run Golden -update" to rewrite them, and review the diff.
func TestGolden(t *testing.T) {
	dirs, err := os.ReadDir(pagesDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		n++
		dir := filepath.Join(pagesDir, d.Name())
		t.Run(d.Name(), func(t *testing.T) { testGoldenPage(t, dir) })
	}
	if n < 12 {
		t.Errorf("only %d golden pages, want at least 12", n)
	}
}

func testGoldenPage(t *testing.T, dir string) {
	input, err := os.ReadFile(filepath.Join(dir, "input.html"))
	if err != nil {
		t.Fatalf("every page directory needs an input.html: %v", err)
	}
	exp, err := readExpectation(filepath.Join(dir, "expect.json"))
	if err != nil {
		t.Fatalf("every page needs an expect.json: %v", err)
	}
	a, err := winnow.Extract(input, winnow.Options{URL: exp.URL, Explain: true})
	if a == nil {
		t.Fatalf("Extract gave no article: %v", err)
	}
	gotJSON, gotMD := renderGolden(t, a)
	wantJSONPath, wantMDPath := filepath.Join(dir, "want.json"), filepath.Join(dir, "want.md")

	t.Run("golden", func(t *testing.T) {
		if *update {
			writeFile(t, wantJSONPath, gotJSON)
			writeFile(t, wantMDPath, gotMD)
			return
		}
		wantJSON, err := os.ReadFile(wantJSONPath)
		if err != nil {
			t.Fatalf("no golden for this input (run go test -run Golden -update): %v", err)
		}
		var want article.Article
		if err := json.Unmarshal(wantJSON, &want); err != nil {
			t.Fatalf("want.json: %v", err)
		}
		if msg := diffArticles(&want, a); msg != "" {
			t.Errorf("result differs from want.json (go test -run Golden -update rewrites it):\n%s", msg)
		}
		if wantMD, err := os.ReadFile(wantMDPath); err != nil {
			t.Errorf("no want.md (run -update): %v", err)
		} else if msg := diffLines(string(wantMD), string(gotMD)); msg != "" {
			t.Errorf("Markdown differs from want.md:\n%s", msg)
		}
	})

	t.Run("expect", func(t *testing.T) {
		problems := checkExpectation(exp, a)
		if len(problems) == 0 {
			return
		}
		for _, p := range problems {
			t.Error(p)
		}
	})
}

func readExpectation(path string) (*expectation, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var e expectation
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if e.Status == "" {
		return nil, fmt.Errorf("%s: status is required", path)
	}
	return &e, nil
}

// checkExpectation lists every way a breaks the page's expectations.
func checkExpectation(e *expectation, a *article.Article) []string {
	var out []string
	if string(a.Status) != e.Status {
		out = append(out, fmt.Sprintf("status %q, want %q", a.Status, e.Status))
	}
	if e.Title != "" && a.Title != e.Title {
		out = append(out, fmt.Sprintf("title %q, want %q", a.Title, e.Title))
	}
	if e.Language != "" && a.Language != e.Language {
		out = append(out, fmt.Sprintf("language %q, want %q", a.Language, e.Language))
	}
	body := fullText(a)
	for _, p := range e.MustContain {
		if !strings.Contains(body, p) {
			out = append(out, fmt.Sprintf("body lacks %q", p))
		}
	}
	for _, p := range e.MustContainOne {
		if c := strings.Count(body, p); c != 1 {
			out = append(out, fmt.Sprintf("body has %q %d times, want once", p, c))
		}
	}
	for _, p := range e.MustNotContain {
		if strings.Contains(body, p) {
			out = append(out, fmt.Sprintf("body holds chrome %q", p))
		}
	}
	var types []string
	for _, b := range a.Blocks {
		types = append(types, string(b.Type))
	}
	for _, bt := range e.BlockTypes {
		if !slices.Contains(types, bt) {
			out = append(out, fmt.Sprintf("no %s block (blocks: %v)", bt, types))
		}
	}
	return out
}

// fullText is everything a reader sees of the body: the text plus figure
// captions and credits, which Text leaves out.
func fullText(a *article.Article) string {
	parts := []string{a.Text}
	for _, b := range a.Blocks {
		if b.Type == article.Figure {
			parts = append(parts, b.Caption, b.Credit)
		}
	}
	return strings.Join(parts, "\n")
}

func renderGolden(t *testing.T, a *article.Article) (js, md []byte) {
	t.Helper()
	var j, m bytes.Buffer
	if err := render.Write(&j, a, render.FormatJSON); err != nil {
		t.Fatal(err)
	}
	if err := render.Write(&m, a, render.FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	return j.Bytes(), m.Bytes()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// diffArticles describes the first difference between want and got: a
// metadata field, the first differing block, or the first differing
// removal, with short excerpts.
func diffArticles(want, got *article.Article) string {
	w, g := *want, *got
	w.Blocks, g.Blocks, w.Removed, g.Removed, w.Text, g.Text = nil, nil, nil, nil, "", ""
	if !reflect.DeepEqual(w, g) {
		wv, gv := reflect.ValueOf(w), reflect.ValueOf(g)
		for i := range wv.NumField() {
			if !reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
				return fmt.Sprintf("field %s:\n  want %s\n  got  %s", wv.Type().Field(i).Name,
					short(wv.Field(i).Interface()), short(gv.Field(i).Interface()))
			}
		}
	}
	for i := range max(len(want.Blocks), len(got.Blocks)) {
		var wb, gb any = "(none)", "(none)"
		if i < len(want.Blocks) {
			wb = want.Blocks[i]
		}
		if i < len(got.Blocks) {
			gb = got.Blocks[i]
		}
		if !reflect.DeepEqual(wb, gb) {
			return fmt.Sprintf("block %d of %d (want %d):\n  want %s\n  got  %s", i, len(got.Blocks), len(want.Blocks), short(wb), short(gb))
		}
	}
	for i := range max(len(want.Removed), len(got.Removed)) {
		var wr, gr any = "(none)", "(none)"
		if i < len(want.Removed) {
			wr = want.Removed[i]
		}
		if i < len(got.Removed) {
			gr = got.Removed[i]
		}
		if !reflect.DeepEqual(wr, gr) {
			return fmt.Sprintf("removal %d of %d (want %d):\n  want %s\n  got  %s", i, len(got.Removed), len(want.Removed), short(wr), short(gr))
		}
	}
	if want.Text != got.Text {
		return "text:\n" + diffLines(want.Text, got.Text)
	}
	return ""
}

// short is v as JSON, cut to a readable length.
func short(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}

// diffLines shows the first line where want and got differ.
func diffLines(want, got string) string {
	if want == got {
		return ""
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string = "(end)", "(end)"
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, short(w), short(g))
		}
	}
	return ""
}
