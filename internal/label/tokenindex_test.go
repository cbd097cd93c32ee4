package label

import (
	"testing"

	"github.com/winnow-go/winnow/internal/rules"
)

// TestTokenIndex holds the joined index, read through its filter, to the
// tables it joins: every word of every table has its flags and reason,
// and a word in no table has none.
func TestTokenIndex(t *testing.T) {
	words := map[string]bool{"sidebarish": true, "xyz": true, "": true, "col": true, "md": true,
		"navigationnavigationnavigationnavigationnavigationnavigationnavigation": true}
	for w := range rules.Tokens {
		words[w] = true
	}
	tables := flagTables
	for _, tb := range tables {
		for w := range tb.table {
			words[w] = true
		}
	}
	for w := range words {
		ti := lookupToken(w)
		r, chrome := rules.Tokens[w]
		if got := ti.flags&tokChrome != 0; got != chrome || ti.reason != r {
			t.Errorf("%q: chrome %v reason %q, want %v %q", w, got, ti.reason, chrome, r)
		}
		for _, tb := range tables {
			if got := ti.flags&tb.flag != 0; got != tb.table[w] {
				t.Errorf("%q: flag %b is %v, want %v", w, tb.flag, got, tb.table[w])
			}
		}
	}
}
