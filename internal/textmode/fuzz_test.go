package textmode

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// FuzzTextmode runs Extract on any bytes: it must not panic, and every word
// it puts out (title, subtitle, blocks, removals) must be a word of the
// input.
//
// Its seeds are small on purpose: the fuzzer minimises every input that
// finds new code, and on the golden inputs (1-3 KB) that minimising took
// all its time. Run it with a bounded -fuzzminimizetime too:
//
//	go test -run '^$' -fuzz '^FuzzTextmode$' -fuzztime 5m -fuzzminimizetime 200x ./internal/textmode
func FuzzTextmode(f *testing.F) {
	// The first lines of each golden input: its chrome and the start of
	// its article.
	dirs, _ := filepath.Glob(filepath.Join(goldenDir, "*", "input.txt"))
	for _, d := range dirs {
		if data, err := os.ReadFile(d); err == nil {
			f.Add(firstLines(data, 600))
		}
	}
	f.Add([]byte("Home | News | Sport\nSign in\nHarbour town votes on sea wall\nBy Ann Lee\n12 March 2024\nShare\nVoters backed the plan to rebuild the wall that failed in the spring storms, the council said.\nWork starts next month and will take two years.\nRead more\nMost read\n1. Other story\n© 2024 Town News\n"))
	f.Add([]byte("Titel der Meldung\nVon Anna Berg\nDie Stadt baut die Mauer am Hafen neu, sagte der Rat am Dienstag.\n- erster Punkt\n- zweiter Punkt\nImpressum | Datenschutz\n"))
	f.Add([]byte(""))
	f.Add([]byte("\n\n\n"))
	f.Add([]byte("Title\nA sentence that is long enough to be prose in an article body, surely.\n"))
	f.Add([]byte("a\x00b\xff\xfe\nShare\nShare\n© 2020\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _ := Extract(data, Options{Explain: true})
		if a == nil {
			t.Fatal("nil article")
		}
		// Invisible characters are dropped from text by design, so a
		// soft hyphen inside "0\u00ad0" gives the word "00": the input's
		// words are counted with them dropped too.
		in := map[string]bool{}
		visible := strings.Map(func(r rune) rune {
			if dom.IsInvisible(r) {
				return -1
			}
			return r
		}, string(data))
		for _, w := range rules.LineWords(string(data) + "\n" + visible) {
			in[w] = true
		}
		check := func(what, s string) {
			if !utf8.ValidString(s) && utf8.Valid(data) {
				t.Errorf("%s is not valid UTF-8: %q", what, s)
			}
			for _, w := range rules.LineWords(s) {
				if !in[w] {
					t.Fatalf("%s has word %q that is not in the input", what, w)
				}
			}
		}
		check("title", a.Title)
		check("subtitle", a.Subtitle)
		for _, b := range a.Blocks {
			check("block", b.Text+" "+b.Caption+" "+b.Credit)
		}
		for _, r := range a.Removed {
			check("removal", r.Text)
		}
		if a.Status == "" {
			t.Error("empty status")
		}
	})
}

// TestExtractEdgeCases covers inputs with little or no article, by
// default and with ArticlesOnly (the verdicts text mode always gave).
func TestExtractEdgeCases(t *testing.T) {
	tests := []struct {
		name, in           string
		want, articlesOnly string
	}{
		{"empty", "", "empty", "not_article"},
		{"blank lines", "\n \n\t\n", "empty", "not_article"},
		{"menu only", "Home\nNews\nSport\nShare\nTweet\n", "empty", "not_article"},
		{"one short sentence", "Breaking news\nThe mayor resigned on Monday after a long row with the council.\n", "ok", "too_short"},
		{"long line without breaks", strings.Repeat("The storm flooded the town again. ", 3000), "ok", "ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := Extract([]byte(tt.in), Options{})
			if string(a.Status) != tt.want {
				t.Errorf("status = %s, want %s", a.Status, tt.want)
			}
			if a.PageType != article.PageArticle {
				t.Errorf("page type = %q, want article", a.PageType)
			}
			a, _ = Extract([]byte(tt.in), Options{ArticlesOnly: true})
			if string(a.Status) != tt.articlesOnly {
				t.Errorf("ArticlesOnly: status = %s, want %s", a.Status, tt.articlesOnly)
			}
		})
	}
}

// firstLines returns the lines of data that fit in n bytes.
func firstLines(data []byte, n int) []byte {
	if len(data) <= n {
		return data
	}
	data = data[:n]
	if i := bytes.LastIndexByte(data, '\n'); i > 0 {
		data = data[:i+1]
	}
	return data
}
