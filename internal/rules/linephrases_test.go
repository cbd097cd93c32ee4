package rules

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/winnow-go/winnow/article"
)

func TestLinePhrasesMatch(t *testing.T) {
	tests := []struct {
		line string
		want []LineMatch // each must be among the matches; nil: no match at all
	}{
		// must match
		{"Share on Facebook", []LineMatch{{0, 3, article.ReasonShare}}},
		{"Artikel teilen", []LineMatch{{0, 2, article.ReasonShare}}},
		{"Read more: Coastal towns brace for higher bills", []LineMatch{{0, 2, article.ReasonTeaser}}},
		{"Please sign up for our newsletter today", []LineMatch{{1, 5, article.ReasonNewsletter}}},
		{"We use cookies to improve your experience", []LineMatch{{0, 3, article.ReasonCookie}}},
		{"Updated Monday", []LineMatch{{0, 1, article.ReasonMeta}, {1, 1, article.ReasonMeta}}},
		{"E-Mail", []LineMatch{{0, 2, article.ReasonShare}}},
		// must not match
		{"", nil},
		{"The council approved the budget after a long debate", nil},
		{"Shareholders approved the merger", nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got := LinePhrases.Match(LineWords(tt.line))
			if tt.want == nil && len(got) > 0 {
				t.Errorf("Match(%q) = %+v, want no match", tt.line, got)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Match(%q) = %+v, want it to hold %+v", tt.line, got, w)
				}
			}
		})
	}
}

func TestLinePhrasesMatchWholeWords(t *testing.T) {
	// A phrase must match whole words, and a phrase longer than the rest
	// of the line must not match past its end.
	table := &LinePhraseTable{byFirst: map[string][]linePhrase{}}
	if err := table.add("xx", "[share]\nshare this\n[teaser]\nread more\n"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line string
		want []LineMatch
	}{
		{"share this", []LineMatch{{0, 2, article.ReasonShare}}},
		{"please share this, then read more", []LineMatch{{1, 2, article.ReasonShare}, {4, 2, article.ReasonTeaser}}},
		{"share", nil},
		{"shares this", nil},
		{"read", nil},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := table.Match(LineWords(tt.line)); !slices.Equal(got, tt.want) {
				t.Errorf("Match(%q) = %+v, want %+v", tt.line, got, tt.want)
			}
		})
	}
}

func TestLineWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Share on Facebook!", "share on facebook"},
		{"E-Mail", "e mail"},
		{"s'abonner", "s abonner"},
		{"Подписывайтесь на нас", "подписывайтесь на нас"},
		{"日本語", "日 本 語"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := strings.Join(LineWords(tt.in), " "); got != tt.want {
				t.Errorf("LineWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestLinePhraseFiles checks that every language file loads, that the
// languages text mode promises are there, and that bad files are refused.
func TestLinePhraseFiles(t *testing.T) {
	for _, lang := range []string{"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "sv"} {
		t.Run(lang, func(t *testing.T) {
			if _, err := linePhraseFiles.ReadFile("lines/" + lang + ".txt"); err != nil {
				t.Fatal(err)
			}
			found := map[article.Reason]bool{}
			for _, ps := range LinePhrases.byFirst {
				for _, p := range ps {
					if p.lang == lang {
						found[p.reason] = true
					}
				}
			}
			for _, r := range []article.Reason{article.ReasonShare, article.ReasonTeaser, article.ReasonComments, article.ReasonSubscribe, article.ReasonLogin, article.ReasonCredit, article.ReasonAd} {
				if !found[r] {
					t.Errorf("no %s phrases for %s", r, lang)
				}
			}
		})
	}
	bad := []struct{ name, data string }{
		{"unknown section", "[gossip]\nhello\n"},
		{"phrase before section", "hello\n"},
		{"phrase without words", "[share]\n!!!\n"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadLinePhrases(fstest.MapFS{"lines/xx.txt": {Data: []byte(tt.data)}})
			if err == nil {
				t.Error("loadLinePhrases accepted a bad file")
			}
		})
	}
}
