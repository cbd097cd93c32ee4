package rules

import "testing"

func TestMetaNamesOf(t *testing.T) {
	tests := []struct {
		value string
		want  MetaNames
	}{
		// Must match: whole words without punctuation, tokens split on
		// punctuation, digits and camelCase, several names.
		{"byline", MetaByline},
		{"sub-headline", MetaSubtitle | MetaHeadline},
		{"article__subHeadline", MetaHeadline},
		{"standFirst", MetaSubtitle},
		{"ArticleByline", MetaByline},
		{"post-date2", MetaDate},
		{"meta author-bio", MetaDate | MetaByline | MetaNotByline},
		{"headline\tkicker", MetaHeadline | MetaKicker},
		{"last-updated", MetaModified},
		{"entry-title", MetaHeadline | MetaNotByline},
		// Must not match: a token inside a longer word, capitals run
		// together, a word past 64 bytes, a form feed inside a word.
		{"authority", 0},
		{"BYLINE", MetaByline},
		{"BYLINEs", 0},
		{"x" + string(make([]byte, 70)) + "byline", 0},
		{"", 0},
		{"datepicker", 0},
	}
	for _, tt := range tests {
		if got := MetaNamesOf(tt.value); got != tt.want {
			t.Errorf("MetaNamesOf(%q) = %b, want %b", tt.value, got, tt.want)
		}
	}
}

func TestMetaNamesOfDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = MetaNamesOf("article-byline c-SubHeadline post_date") }); n != 0 {
		t.Errorf("MetaNamesOf allocates %v times", n)
	}
}
