package label

import (
	"testing"
	"unsafe"

	"github.com/winnow-go/winnow/article"
	"golang.org/x/net/html/atom"
)

// Every reason winnow gives has a Mark that gives it back, and a set of
// Marks holds them all.
func TestMarks(t *testing.T) {
	if numMarks > 32 {
		t.Fatalf("%d marks do not fit a Marks", numMarks)
	}
	if MarkOf("") != NoMark || NoMark.Reason() != "" {
		t.Error("no reason is not NoMark")
	}
	all := article.Reasons()
	if len(all) != int(numMarks)-1 {
		t.Errorf("%d reasons, %d marks", len(all), numMarks-1)
	}
	for _, r := range all {
		m := MarkOf(r)
		if m == NoMark || m.Reason() != r {
			t.Errorf("%q: mark %d gives %q", r, m, m.Reason())
		}
		if s := MarksOf(map[article.Reason]bool{r: true}); !s.Has(m) || s.Has(NoMark) {
			t.Errorf("%q: set %b", r, s)
		}
	}
}

// The row per element stays small: a page may hold one per few bytes.
func TestNodeSize(t *testing.T) {
	if n := unsafe.Sizeof(Node{}); n > 36 {
		t.Errorf("a Node is %d bytes, want at most 36", n)
	}
}

// TestMarkKeysSpellNoAtom: mark tells the keys it reads apart by their
// atoms, and by name only the keys that spell none; these must not.
func TestMarkKeysSpellNoAtom(t *testing.T) {
	for _, k := range []string{"role", "aria-hidden", "aria-modal"} {
		if a := atom.Lookup([]byte(k)); a != 0 {
			t.Errorf("%q spells atom %v", k, a)
		}
	}
}
