package parse

import (
	"context"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dom"

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

// checkKeyAtoms checks that every attribute below root has for KeyAtom
// the atom its key spells, and 0 when it spells none, as the tokenizer
// hands the keys' atoms to the tree.
func checkKeyAtoms(t *testing.T, name string, root dom.Node) {
	t.Helper()
	for n := range root.Descendants() {
		for a := range n.AttrRefs() {
			if got, want := a.KeyAtom(), atom.Lookup([]byte(a.Key())); got != want {
				t.Errorf("%s: <%s %s>: KeyAtom %v; want %v", name, n.Data(), a.Key(), got, want)
			}
		}
	}
}

// TestKeyAtoms: the atoms the tokenizer hands over with the keys are the
// keys', whatever case the page wrote them in, for a repeated key, for
// keys copied onto <html> and <body> from later tags, and for the keys
// foreign content renames or splits.
func TestKeyAtoms(t *testing.T) {
	for _, page := range []string{
		`<div CLASS=a Class=b data-x=1 ROLE=nav id=x hidden aria-hidden=true>t</div>`,
		`<p title="a&amp;b" Data-Time=1 itemprop=articleBody style>p</p>`,
		`<html lang=en><body class=a><html dir=rtl LANG=fr><body id=b Class=c>`,
		`<svg viewbox="0 0 1 1"><a xlink:href=/x xml:lang=en href=/y class=k></a></svg>`,
		`<math definitionurl=u><mi mathvariant=bold>x</mi></math>`,
		`<input type=hidden value=v><table><input type=HIDDEN name=n></table>`,
		`<font color=red face=x size=3><svg><font color=red>f</font></svg>`,
	} {
		root, err := build(context.Background(), page, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkKeyAtoms(t, page, root)
		// A wrong atom would read back as its own name, which
		// checkKeyAtoms cannot see: the keys must also be x/net/html's.
		ref, err := parseReference([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := attrKeys(root), attrKeys(dom.FromHTML(ref, "").Root()); got != want {
			t.Errorf("%s: keys\n%s\nwant (x/net/html)\n%s", page, got, want)
		}
	}
}

// attrKeys lists the elements below root with their attributes' keys, in
// order, a line each.
func attrKeys(root dom.Node) string {
	var b strings.Builder
	for n := range root.Descendants() {
		b.WriteString(n.Data())
		for a := range n.AttrRefs() {
			b.WriteString(" " + a.Namespace() + ":" + a.Key())
		}
		b.WriteByte('\n')
	}
	return b.String()
}
