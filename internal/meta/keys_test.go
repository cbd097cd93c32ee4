package meta

import (
	"slices"
	"testing"

	"golang.org/x/net/html/atom"
)

// TestAttrKeyAtoms: the collector tells the keys it reads apart by their
// atoms, and the others by name. That reads the same as comparing names
// only when the keys named spell no atom, and no key that spells one is
// a published-date key (which the collector would then miss).
func TestAttrKeyAtoms(t *testing.T) {
	for _, k := range []string{"data-time", "data-date", "data-datetime", "data-timestamp", "role", "property"} {
		if a := atom.Lookup([]byte(k)); a != 0 {
			t.Errorf("%q spells atom %v", k, a)
		}
	}
	names := atomNames()
	if len(names) < 300 || !slices.Contains(names, "class") || !slices.Contains(names, "datetime") {
		t.Fatalf("found %d atoms, not all", len(names))
	}
	for _, k := range names {
		if isPublishedAttr(k) {
			t.Errorf("atom %q reads as a published-date key", k)
		}
	}
}

// atomNames returns the names of all atoms: an atom is its name's place
// in one table of names and its length, so every place and length is
// tried, and kept when the name there is that atom's.
func atomNames() []string {
	var names []string
	for off := range 1 << 16 {
		for n := 1; n < 256; n++ {
			a := atom.Atom(off<<8 | n)
			s := a.String()
			if s == "" {
				break
			}
			if atom.Lookup([]byte(s)) == a {
				names = append(names, s)
			}
		}
	}
	return names
}
