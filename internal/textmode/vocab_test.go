package textmode

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/rules"
)

// TestVocabSameReasonAsHTML: a line made of a phrase of the shared
// vocabulary is chrome with the reason HTML mode gives a block made of it.
// A word that is also a date word of the line-only [meta] section
// ("назад": "back" and "ago") is read as a dateline first; both are cut.
func TestVocabSameReasonAsHTML(t *testing.T) {
	dateWords := map[string]bool{}
	for _, p := range rules.Vocab.Phrases() {
		if p.Reason == reasonMeta {
			dateWords[strings.Join(p.Words, " ")] = true
		}
	}
	n := 0
	for _, p := range rules.Vocab.Phrases() {
		if p.Scope != rules.ScopeBoth {
			continue
		}
		n++
		text := strings.Join(p.Words, " ")
		want := rules.Vocab.MatchBlock(text)
		if dateWords[text] {
			want = reasonMeta
		}
		l := newLine(text, &rules.DefaultTextWeights)
		if got := l.chrome(); got != want {
			t.Errorf("%s: line %q is %q, block is %q", p.Lang, text, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no phrase read by both modes")
	}
}
