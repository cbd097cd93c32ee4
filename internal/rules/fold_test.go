package rules

import (
	"strings"
	"testing"
	"unicode"
)

// foldRef is Fold as it was before its ASCII fast path: the tests hold
// the fast path to it.
func foldRef(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if r == '’' {
				r = '\''
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

var foldCases = []string{
	"", " ", "a", "A", "already folded", "already  folded", " lead", "trail ", "trail'",
	"Don’t   MISS — this!! ", "ÉCOLE Normale", "İstanbul", "Straße", "ΣΟΦΙΑ", "日本語 テキスト",
	"١٢٣ digits ٤", "tab\there\nnew", "x\u00a0y", "bad \xff\xfe utf8", "\xe2\x80", "a-b_c.d",
	"Related: Stories", "MEDIA CONTACT:", "123 456", "'quoted'", "\u2019tis", "ǅ titlecase",
	strings.Repeat("Word, ", 50),
}

func TestFoldMatchesReference(t *testing.T) {
	for _, s := range foldCases {
		want := foldRef(s)
		if got := Fold(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got, ok := AppendFold([]byte("keep"), s, -1); string(got) != "keep"+want || !ok {
			t.Errorf("AppendFold(%q) = %q, %v, want %q", s, got, ok, "keep"+want)
		}
	}
}

func TestAppendFoldLimit(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		ok    bool
	}{
		{"Media contact:", 13, true},  // "media contact" is 13 bytes
		{"Media contact:", 12, false}, // one byte over
		{"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! ab !!!!!!!!!!!!!!!!!!!!!!!!!", 2, true},
		{strings.Repeat("long paragraph ", 1000), 40, false},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, ok := AppendFold(nil, tt.s, tt.limit)
		if ok != tt.ok {
			t.Errorf("AppendFold(%q, %d) ok = %v, want %v", tt.s, tt.limit, ok, tt.ok)
		}
		if ok && string(got) != foldRef(tt.s) {
			t.Errorf("AppendFold(%q, %d) = %q, want %q", tt.s, tt.limit, got, foldRef(tt.s))
		}
		if !ok && len(got) > tt.limit+utf8Max+1 {
			t.Errorf("AppendFold(%q, %d) went on to %d bytes", tt.s, tt.limit, len(got))
		}
	}
}

const utf8Max = 4

// TestFoldNoCopy: text already folded is handed back, not copied.
func TestFoldNoCopy(t *testing.T) {
	s := "already folded text"
	if n := testing.AllocsPerRun(100, func() { sinkFold = Fold(s) }); n != 0 {
		t.Errorf("Fold of folded text allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { sinkFold = Fold("Not Folded!") }); n != 1 {
		t.Errorf("Fold allocates %v times, want 1", n)
	}
}

var sinkFold string

func FuzzFold(f *testing.F) {
	for _, s := range foldCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := foldRef(s)
		if got := Fold(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
		if got, _ := AppendFold(nil, s, -1); string(got) != want {
			t.Fatalf("AppendFold(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	texts := []string{"Media contact:", "By Jane Doe, Staff Writer", strings.Repeat("The council voted on Tuesday. ", 40), "Ελληνικά κείμενο"}
	for b.Loop() {
		for _, s := range texts {
			sinkFold = Fold(s)
		}
	}
}

// TestWordTablesFoldWithoutAllocating: the word tables are asked with
// the text folded into a buffer on the stack.
func TestWordTablesFoldWithoutAllocating(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { sinkBool = IsTeaserHeading("More Stories From Around The Web") }); n != 0 {
		t.Errorf("IsTeaserHeading allocates %v times", n)
	}
}

var sinkBool bool

// TestLowerIs holds LowerIs to strings.ToLower on ASCII and other text.
func TestLowerIs(t *testing.T) {
	tests := []struct {
		s, want string
		ok      bool
	}{
		{"staff", "staff", true},
		{"Staff", "staff", true},
		{"STAFF", "staff", true},
		{"Stafff", "staff", false},
		{"Staf", "staff", false},
		{"Ärzte", "ärzte", true},
		{"ÄRZTE", "ärzte", true},
		{"Ärzte", "arzte", false},
		{"", "", true},
		{"x", "", false},
		{"a-b", "a-b", true},
		{"word", "words", false},
		{"Word", "Word", false},
		{"a_b", "a-b", false},
		{"uber", "über", false},
	}
	for _, tt := range tests {
		if got := LowerIs(tt.s, tt.want); got != tt.ok || got != (strings.ToLower(tt.s) == tt.want) {
			t.Errorf("LowerIs(%q, %q) = %v, want %v", tt.s, tt.want, got, tt.ok)
		}
	}
}

// TestFoldComparisons holds FoldIs, FoldWithin and FoldContainsAny to
// what they stand for, on every pair of the fold cases (each folded, and
// a piece of each).
func TestFoldComparisons(t *testing.T) {
	var targets []string
	for _, s := range foldCases {
		f := Fold(s)
		targets = append(targets, f, f[:len(f)/2], f+" more")
	}
	for _, s := range foldCases {
		fs := Fold(s)
		for _, f := range targets {
			if got := FoldIs(s, f); got != (fs == f) {
				t.Errorf("FoldIs(%q, %q) = %v", s, f, got)
			}
			want := fs == f || len(fs) > 3 && strings.Contains(f, fs)
			if got := FoldWithin(s, f, 3); got != want {
				t.Errorf("FoldWithin(%q, %q, 3) = %v, want %v", s, f, got, want)
			}
			phrases := []string{"zzz", f}
			want = strings.Contains(fs, "zzz") || strings.Contains(fs, f)
			if got := FoldContainsAny(s, phrases); got != want {
				t.Errorf("FoldContainsAny(%q, %q) = %v, want %v", s, phrases, got, want)
			}
		}
	}
	if n := testing.AllocsPerRun(10, func() {
		FoldIs("Don’t MISS — this!!", "don't miss this")
		FoldContainsAny("Add to Cart", []string{"add to cart"})
		FoldWithin("The Headline:", "the headline of the day", 5)
	}); n != 0 {
		t.Errorf("%v allocations, want none", n)
	}
}
