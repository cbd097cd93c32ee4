// Package golden is the one harness for winnow's golden cases: a folder per
// case holding an input (input.html for HTML mode under testdata/pages,
// input.txt for text mode under testdata/text), an expect.json of
// hand-written facts that must hold whatever the engine does, and two
// goldens that pin what it does today: want.json (the Article with Explain,
// as render writes JSON) and want.md (its Markdown).
//
// Run the tests with -update to rewrite the goldens, and review the diff;
// expect.json is never rewritten.
package golden

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

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
)

var update = flag.Bool("update", false, "rewrite the want.json and want.md goldens")

// Expectation is a case's expect.json. Status is required; every other
// field is checked only when it is given.
type Expectation struct {
	URL    string `json:"url"`    // passed to the extractor as the page's URL
	Status string `json:"status"` // the Article's Status
	// ArticlesOnly extracts with Options.ArticlesOnly.
	ArticlesOnly bool   `json:"articles_only"`
	PageType     string `json:"page_type"` // the Article's PageType
	Title        string `json:"title"`
	Subtitle     string `json:"subtitle"`
	Language     string `json:"language"`

	MustContain     []string `json:"must_contain"`      // phrases of the body
	MustContainOnce []string `json:"must_contain_once"` // phrases that must appear exactly once
	MustNotContain  []string `json:"must_not_contain"`  // phrases of the page chrome
	BlockTypes      []string `json:"block_types"`       // block types the body must include

	// Figures, when given (even empty), are exactly the figures of the
	// Article in order; no caption may be in the text too.
	Figures []Figure `json:"figures"`
	// Body, when given, lists exactly the paragraphs and subheads of the
	// Article in order; a subhead is written "## text".
	Body []string `json:"body"`
	// Gone lists chrome lines that must be in no block, title or subtitle
	// and must be listed in Removed, with Reason when it is set.
	Gone []Gone `json:"gone"`
}

// Figure is one expected figure block.
type Figure struct {
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
}

// Gone is one chrome line that must be removed.
type Gone struct {
	Text   string         `json:"text"`
	Reason article.Reason `json:"reason"`
}

// Extractor turns a case's input into an Article, with Explain on; e is
// the case's expectation (for its URL).
type Extractor func(t *testing.T, input []byte, e *Expectation) *article.Article

// Run runs every case folder under dir as a subtest: input is the input's
// file name in each folder (input.html or input.txt), and dir must hold at
// least minCases cases.
func Run(t *testing.T, dir, input string, minCases int, extract Extractor) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range entries {
		if !d.IsDir() {
			continue
		}
		n++
		caseDir := filepath.Join(dir, d.Name())
		t.Run(d.Name(), func(t *testing.T) { runCase(t, caseDir, input, extract) })
	}
	if n < minCases {
		t.Errorf("only %d golden cases in %s, want at least %d", n, dir, minCases)
	}
}

func runCase(t *testing.T, dir, input string, extract Extractor) {
	in, err := os.ReadFile(filepath.Join(dir, input))
	if err != nil {
		t.Fatalf("every case needs an %s: %v", input, err)
	}
	exp, err := ReadExpectation(filepath.Join(dir, "expect.json"))
	if err != nil {
		t.Fatalf("every case needs an expect.json: %v", err)
	}
	a := extract(t, in, exp)
	if a == nil {
		t.Fatal("the extractor gave no article")
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
		for _, p := range Check(exp, a) {
			t.Error(p)
		}
	})
}

// ReadExpectation reads an expect.json, refusing unknown fields and one
// without a status.
func ReadExpectation(path string) (*Expectation, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var e Expectation
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

// Check lists every way a breaks the expectation e.
func Check(e *Expectation, a *article.Article) []string {
	var out []string
	if string(a.Status) != e.Status {
		out = append(out, fmt.Sprintf("status %q, want %q", a.Status, e.Status))
	}
	if e.PageType != "" && string(a.PageType) != e.PageType {
		out = append(out, fmt.Sprintf("page type %q, want %q", a.PageType, e.PageType))
	}
	if e.Title != "" && a.Title != e.Title {
		out = append(out, fmt.Sprintf("title %q, want %q", a.Title, e.Title))
	}
	if e.Subtitle != "" && a.Subtitle != e.Subtitle {
		out = append(out, fmt.Sprintf("subtitle %q, want %q", a.Subtitle, e.Subtitle))
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
	for _, p := range e.MustContainOnce {
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
	out = append(out, checkFigures(e, a)...)
	out = append(out, checkBody(e, a)...)
	out = append(out, checkGone(e, a)...)
	return out
}

func checkFigures(e *Expectation, a *article.Article) []string {
	if e.Figures == nil {
		return nil
	}
	var figs []article.Block
	for _, b := range a.Blocks {
		if b.Type == article.Figure {
			figs = append(figs, b)
		}
	}
	if len(figs) != len(e.Figures) {
		return []string{fmt.Sprintf("%d figures, want %d: %+v", len(figs), len(e.Figures), figs)}
	}
	var out []string
	for i, f := range e.Figures {
		if figs[i].Caption != f.Caption || figs[i].Credit != f.Credit {
			out = append(out, fmt.Sprintf("figure %d = {%q, %q}\nwant         {%q, %q}", i, figs[i].Caption, figs[i].Credit, f.Caption, f.Credit))
		}
		if strings.Contains(a.Text, f.Caption) {
			out = append(out, fmt.Sprintf("caption %q is in the text too", f.Caption))
		}
	}
	return out
}

// checkBody reports the first paragraph or subhead that differs from the
// expected body.
func checkBody(e *Expectation, a *article.Article) []string {
	if e.Body == nil {
		return nil
	}
	var got []string
	for _, b := range a.Blocks {
		switch b.Type {
		case article.Heading:
			got = append(got, "## "+b.Text)
		case article.Paragraph:
			got = append(got, b.Text)
		}
	}
	for i := 0; i < len(got) || i < len(e.Body); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(e.Body) {
			w = e.Body[i]
		}
		if g != w {
			return []string{fmt.Sprintf("body block %d:\n  got:  %q\n  want: %q", i, g, w)}
		}
	}
	return nil
}

func checkGone(e *Expectation, a *article.Article) []string {
	var out []string
	reasons := map[string][]article.Reason{}
	for _, r := range a.Removed {
		reasons[r.Text] = append(reasons[r.Text], r.Reason)
	}
	for _, g := range e.Gone {
		for _, b := range a.Blocks {
			if b.Text == g.Text || b.Caption == g.Text || b.Credit == g.Text {
				out = append(out, fmt.Sprintf("chrome line kept in a %s block: %q", b.Type, g.Text))
			}
		}
		if a.Title == g.Text || a.Subtitle == g.Text {
			out = append(out, fmt.Sprintf("chrome line kept as title or subtitle: %q", g.Text))
		}
		rs, ok := reasons[g.Text]
		if !ok {
			out = append(out, fmt.Sprintf("chrome line not listed in Removed: %q", g.Text))
			continue
		}
		if g.Reason != "" && !slices.Contains(rs, g.Reason) {
			out = append(out, fmt.Sprintf("%q removed as %v, want %s", g.Text, rs, g.Reason))
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
	if msg := diffFields(reflect.ValueOf(w), reflect.ValueOf(g)); msg != "" {
		return msg
	}
	if msg := firstDiff("block", want.Blocks, got.Blocks); msg != "" {
		return msg
	}
	if msg := firstDiff("removal", want.Removed, got.Removed); msg != "" {
		return msg
	}
	if want.Text != got.Text {
		return "text:\n" + diffLines(want.Text, got.Text)
	}
	return ""
}

// diffFields names the first field of two structs that differs, looking
// inside embedded structs (Article embeds Metadata).
func diffFields(wv, gv reflect.Value) string {
	for i := range wv.NumField() {
		f := wv.Type().Field(i)
		if reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			return diffFields(wv.Field(i), gv.Field(i))
		}
		return fmt.Sprintf("field %s:\n  want %s\n  got  %s", f.Name,
			short(wv.Field(i).Interface()), short(gv.Field(i).Interface()))
	}
	return ""
}

// firstDiff describes the first element where want and got differ.
func firstDiff[T any](what string, want, got []T) string {
	for i := range max(len(want), len(got)) {
		if wv, gv := at(want, i, "(none)"), at(got, i, "(none)"); !reflect.DeepEqual(wv, gv) {
			return fmt.Sprintf("%s %d of %d (want %d):\n  want %s\n  got  %s", what, i, len(got), len(want), short(wv), short(gv))
		}
	}
	return ""
}

// at is xs[i], or none past the end of xs.
func at[T any](xs []T, i int, none any) any {
	if i < len(xs) {
		return xs[i]
	}
	return none
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
		if w, g := at(wl, i, "(end)"), at(gl, i, "(end)"); w != g {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, short(w), short(g))
		}
	}
	return ""
}
