package winnow

import (
	"testing"

	"github.com/winnow-go/winnow/internal/parse"
)

// TestScanStartTags counts the start tags and tells a text that may hold
// a <base> from one that cannot; a text it clears must parse to a tree
// without one, since linkBase then skips its walk.
func TestScanStartTags(t *testing.T) {
	for _, c := range []struct {
		text   string
		tags   int
		noBase bool
	}{
		{"", 0, true},
		{"<p>a < b</p>", 1, true},
		{"<html><head><title>x</title></head><body><p>x</body></html>", 5, true},
		{`<head><base href="/x/"></head>`, 2, false},
		{`<HEAD><BASE HREF="/x/"></HEAD>`, 2, false},
		{`<base/href="/x/">`, 1, false},
		{`<bAsE href=/x/>`, 1, false},
		{`<basefont size=3>`, 1, false}, // a longer name may still be tried
		{`<!-- <base href=/x/> -->`, 1, false},
		{`<b>bold</b> base <bdi>x</bdi>`, 2, true},
		{`<bas`, 1, true},
		{`< base href=/x/>`, 0, true}, // not a tag: text
	} {
		got := scanStartTags([]byte(c.text), 0)
		if got.tags != c.tags || got.noBase != c.noBase {
			t.Errorf("scanStartTags(%q) = %+v, want tags %d noBase %v", c.text, got, c.tags, c.noBase)
		}
		doc, err := parse.ParseContext(t.Context(), []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if _, found := baseHref(doc.Root()); found && got.noBase {
			t.Errorf("%q: a <base href> in the tree of a text scanned as holding none", c.text)
		}
	}
}
