package rules

import (
	"slices"
	"testing"
)

// TestPageClassWordsFit: every word of PageClassWords is counted.
func TestPageClassWordsFit(t *testing.T) {
	if len(PageClassWords) > MaxPageClassWords {
		t.Errorf("PageClassWords has %d words, the counts hold %d", len(PageClassWords), MaxPageClassWords)
	}
}

// TestPageClassWordsOf: a class or id names a word when the word is a part of
// the name, plural or not, in any case; a longer word is another word. A
// value names what its names name, each read alone.
func TestPageClassWordsOf(t *testing.T) {
	tests := []struct {
		val, word string
		want      bool
	}{
		// Must match.
		{"price", "price", true},
		{"product-card__price", "price", true},
		{"js-prices", "price", true},
		{"priceBox", "price", true},
		{"ProductTile", "product", true},
		{"grid productCard", "product", true},
		{"search_filters", "filter", true},
		{"facet-list", "facet", true},
		{"user-avatar", "avatar", true},
		{"PRODUCT", "product", true},
		{"card price\tbox", "price", true},
		{"card\nproducts big", "product", true},
		// Must not match: a longer word, a word inside another.
		{"productivity-tips", "product", false},
		{"byproduct", "product", false},
		{"unfiltered", "filter", false},
		{"filtered", "filter", false},
		{"priceless", "price", false},
		{"spriceless", "price", false},
		{"", "price", false},
		{"x priceless y", "price", false},
	}
	for _, tt := range tests {
		k := slices.IndexFunc(PageClassWords, func(cw struct {
			Word   string
			Signal PageSignal
		}) bool {
			return cw.Word == tt.word
		})
		if got := PageClassWordsOf(tt.val)&(1<<k) != 0; got != tt.want {
			t.Errorf("PageClassWordsOf(%q) names %q: %v, want %v", tt.val, tt.word, got, tt.want)
		}
	}
}
