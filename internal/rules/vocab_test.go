package rules

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/winnow-go/winnow/article"
)

func TestMatchLine(t *testing.T) {
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
			got := Vocab.MatchLine(LineWords(tt.line))
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

func TestMatchLineWholeWords(t *testing.T) {
	// A phrase must match whole words, and a phrase longer than the rest
	// of the line must not match past its end.
	table := &Vocabulary{byFirst: map[string][]Phrase{}}
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
			if got := table.MatchLine(LineWords(tt.line)); !slices.Equal(got, tt.want) {
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
		{"➡️ Read more", "read more"},
		{"cafe\u0301", "cafe\u0301"},
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

// TestVocabFiles checks that every language file loads, that the
// languages text mode promises are there, and that bad files are refused.
func TestVocabFiles(t *testing.T) {
	for _, lang := range []string{"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "sv"} {
		t.Run(lang, func(t *testing.T) {
			if _, err := vocabFiles.ReadFile("vocab/" + lang + ".txt"); err != nil {
				t.Fatal(err)
			}
			found := map[article.Reason]bool{}
			for _, p := range Vocab.Phrases() {
				if p.Lang == lang {
					found[p.Reason] = true
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
		{"unknown scope", "[share]\nshare @page\n"},
		{"unknown section scope", "[share @page]\nshare\n"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadVocab(fstest.MapFS{"vocab/xx.txt": {Data: []byte(tt.data)}})
			if err == nil {
				t.Error("loadVocab accepted a bad file")
			}
		})
	}
}

// TestVocabBothUses checks that every phrase of the vocabulary is read by
// the modes its scope names: a block made of it is matched whole (HTML
// mode), and a line made of it is matched (text mode), with the reason of
// its section. A phrase listed under two reasons matches a block with the
// first of them.
func TestVocabBothUses(t *testing.T) {
	first := map[string]article.Reason{}
	for _, p := range Vocab.Phrases() {
		key := strings.Join(p.Words, " ")
		if _, ok := first[key]; !ok && p.Scope&ScopeBlock != 0 {
			first[key] = p.Reason
		}
	}
	blocks, lines := 0, 0
	for _, p := range Vocab.Phrases() {
		text := strings.Join(p.Words, " ")
		if p.Scope&ScopeBlock != 0 {
			blocks++
			if got := Vocab.MatchBlock(text); got != first[text] {
				t.Errorf("%s: MatchBlock(%q) = %q, want %q", p.Lang, text, got, first[text])
			}
		} else if got := Vocab.MatchBlockExact(text); got != "" && got == p.Reason {
			t.Errorf("%s: line-only phrase %q matched as a block", p.Lang, text)
		}
		if p.Scope&ScopeLine != 0 {
			lines++
			want := LineMatch{Start: 0, Len: len(p.Words), Reason: p.Reason}
			if got := Vocab.MatchLine(p.Words); !slices.Contains(got, want) {
				t.Errorf("%s: MatchLine(%q) = %+v, want it to hold %+v", p.Lang, text, got, want)
			}
		}
	}
	if blocks < 500 || lines < 1400 {
		t.Errorf("%d phrases for blocks, %d for lines: the vocabulary did not load", blocks, lines)
	}
}
