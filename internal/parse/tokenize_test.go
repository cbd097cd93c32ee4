package parse

import (
	"testing"

	"golang.org/x/net/html/atom"
)

// TestCommonAtom: the names read without lower-casing and hashing get the
// atom the long way gives them; other names, and common ones in another
// case, are left to it.
func TestCommonAtom(t *testing.T) {
	for _, name := range []string{"a", "div", "span", "p", "li", "ul", "img", "script", "meta", "link",
		"class", "id", "href", "src", "style", "type", "rel", "name", "content", "alt", "title", "width", "height"} {
		if got, want := commonAtom(name), atom.Lookup([]byte(name)); got != want || got == 0 || got.String() != name {
			t.Errorf("commonAtom(%q) = %v, atom.Lookup says %v", name, got, want)
		}
	}
	for _, name := range []string{"DIV", "Class", "data-src", "section", "", "a ", "hrefs"} {
		if got := commonAtom(name); got != 0 {
			t.Errorf("commonAtom(%q) = %v, want 0", name, got)
		}
	}
}
