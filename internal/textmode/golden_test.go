package textmode

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
)

var update = flag.Bool("update", false, "rewrite the want.json goldens of testdata/text")

// goldenDir holds one folder per case: input.txt (a flattened page),
// want.json (the Article with Explain, rewritten by -update) and
// expect.json (hand-written invariants that must hold exactly).
const goldenDir = "../../testdata/text"

// expectation is the hand-written part of a golden case.
type expectation struct {
	Title    string `json:"title"`
	Subtitle string `json:"subtitle"`
	Figures  []struct {
		Caption string `json:"caption"`
		Credit  string `json:"credit"`
	} `json:"figures"`
	// Body lists the paragraphs and subheads in order: a subhead is
	// written as "## text".
	Body []string `json:"body"`
	// Gone lists chrome lines that must be removed, each with the reason
	// it must be removed for when Reason is set.
	Gone []struct {
		Text   string         `json:"text"`
		Reason article.Reason `json:"reason"`
	} `json:"gone"`
}

func goldenCases(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatalf("no golden cases in %s", goldenDir)
	}
	return dirs
}

func extractGolden(t *testing.T, dir string) (*article.Article, []byte) {
	t.Helper()
	input, err := os.ReadFile(filepath.Join(dir, "input.txt"))
	if err != nil {
		t.Fatalf("every golden case needs an input.txt: %v", err)
	}
	a, _ := Extract(input, Options{Explain: true})
	a.Text = render.PlainText(a.Blocks)
	return a, input
}

// TestGolden compares Extract on each testdata/text case with its
// want.json; -update rewrites the files.
func TestGolden(t *testing.T) {
	for _, dir := range goldenCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			a, _ := extractGolden(t, dir)
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no want.json (run go test -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from want.json at %s", firstDiff(string(want), string(got)))
			}
		})
	}
}

// firstDiff describes the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + strings.TrimSpace(w) + "\n  got:  " + strings.TrimSpace(g)
		}
	}
	return "(no difference)"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestGoldenExpect checks the hand-written invariants of each case: the
// title, the standfirst, each caption kept once with its credit, every
// body paragraph and subhead in order, and every chrome line gone.
func TestGoldenExpect(t *testing.T) {
	for _, dir := range goldenCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "expect.json"))
			if err != nil {
				t.Fatalf("every golden case needs an expect.json: %v", err)
			}
			var exp expectation
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&exp); err != nil {
				t.Fatalf("expect.json: %v", err)
			}
			a, _ := extractGolden(t, dir)
			if a.Status != article.StatusOK {
				t.Errorf("status = %s, want ok", a.Status)
			}
			if a.Title != exp.Title {
				t.Errorf("title = %q\nwant    %q", a.Title, exp.Title)
			}
			if a.Subtitle != exp.Subtitle {
				t.Errorf("subtitle = %q\nwant       %q", a.Subtitle, exp.Subtitle)
			}
			checkFigures(t, a, exp)
			checkBody(t, a, exp)
			checkGone(t, a, exp)
		})
	}
}

func checkFigures(t *testing.T, a *article.Article, exp expectation) {
	t.Helper()
	var figs []article.Block
	for _, b := range a.Blocks {
		if b.Type == article.Figure {
			figs = append(figs, b)
		}
	}
	if len(figs) != len(exp.Figures) {
		t.Errorf("%d figures, want %d: %+v", len(figs), len(exp.Figures), figs)
		return
	}
	for i, f := range exp.Figures {
		if figs[i].Caption != f.Caption || figs[i].Credit != f.Credit {
			t.Errorf("figure %d = {%q, %q}\nwant         {%q, %q}", i, figs[i].Caption, figs[i].Credit, f.Caption, f.Credit)
		}
		if strings.Contains(a.Text, f.Caption) {
			t.Errorf("caption %q is in the text too", f.Caption)
		}
	}
}

func checkBody(t *testing.T, a *article.Article, exp expectation) {
	t.Helper()
	var got []string
	for _, b := range a.Blocks {
		switch b.Type {
		case article.Heading:
			got = append(got, "## "+b.Text)
		case article.Paragraph:
			got = append(got, b.Text)
		}
	}
	for i := 0; i < len(got) || i < len(exp.Body); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(exp.Body) {
			w = exp.Body[i]
		}
		if g != w {
			t.Errorf("body block %d:\n  got:  %q\n  want: %q", i, g, w)
			return
		}
	}
}

func checkGone(t *testing.T, a *article.Article, exp expectation) {
	t.Helper()
	reasons := map[string][]article.Reason{}
	for _, r := range a.Removed {
		reasons[r.Text] = append(reasons[r.Text], r.Reason)
	}
	for _, g := range exp.Gone {
		for _, b := range a.Blocks {
			if b.Text == g.Text || b.Caption == g.Text || b.Credit == g.Text {
				t.Errorf("chrome line kept in a %s block: %q", b.Type, g.Text)
			}
		}
		if a.Title == g.Text || a.Subtitle == g.Text {
			t.Errorf("chrome line kept as title or subtitle: %q", g.Text)
		}
		rs, ok := reasons[g.Text]
		if !ok {
			t.Errorf("chrome line not listed in Removed: %q", g.Text)
			continue
		}
		if g.Reason != "" && !hasReason(rs, g.Reason) {
			t.Errorf("%q removed as %v, want %s", g.Text, rs, g.Reason)
		}
	}
}
