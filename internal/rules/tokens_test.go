package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The reference SplitTokens: the code as first written, rune by rune.
// SplitTokens reads ASCII bytes without decoding them and must agree.

func splitTokensReference(s string, fn func(prev, tok string)) {
	for name := range strings.FieldsFuncSeq(s, isHTMLSpace) {
		splitNameReference(stripVariants(name), fn)
	}
}

// isHTMLSpace is the reference's separator test, rune by rune.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func splitNameReference(name string, fn func(prev, tok string)) {
	prev := ""
	emit := func(tok string) {
		if hasUpper(tok) {
			tok = strings.ToLower(tok)
		}
		fn(prev, tok)
		prev = tok
	}
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(name) {
			r, size := utf8.DecodeRuneInString(name[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		part := name[i:j]
		if !isHash(part) && !isMinifiedName(part) && !(j == len(name) && isModuleHash(name[:i], part)) {
			splitPartReference(part, emit)
		}
		i = j
	}
}

func splitPartReference(part string, emit func(string)) {
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			emit(part[start:end])
		}
		start = -1
	}
	for i := 0; i < len(part); {
		r, size := utf8.DecodeRuneInString(part[i:])
		switch {
		case unicode.IsDigit(r):
			flush(i)
		case unicode.IsUpper(r):
			// A hump starts a new token unless it follows another capital
			// ("ID", "HTML").
			if start >= 0 {
				pr, _ := utf8.DecodeLastRuneInString(part[:i])
				if !unicode.IsUpper(pr) {
					flush(i)
				}
			}
			if start < 0 {
				start = i
			}
		default:
			if start < 0 {
				start = i
			}
		}
		i += size
	}
	flush(len(part))
}

// tokensOf lists what split calls fn with, as "prev>tok".
func tokensOf(split func(string, func(prev, tok string)), s string) []string {
	var out []string
	split(s, func(prev, tok string) { out = append(out, prev+">"+tok) })
	return out
}

var splitTokensSeeds = []string{
	"article-body main", "shareBar__item--active", "HTMLContent", "col-md-8 ad_slot2", "",
	"md:hidden print:break-inside-avoid", "[h2]:pt-0 lg:first:pt-[calc(1rem)]",
	"component_1ad269af0d", "mdx-table_root__adKqa", "WidgetWrapper_WidgetWrapper__R4uge",
	"hJDwNd-AhqUyc-OwsYgb jXK9ad D2fZ2", "mt4ad promoBox2 Ad3x",
	"Überschrift-Äußeres ÉtéÉté", "ΑρθροΚείμενο", "x\fy\u00a0z", "a\xffB\xc3", "ǅemalǈj ⅫⅩ ٣٤ad", "İstanbulHaber",
}

// TestMinifiedNames checks that a minifier's made-up name ("jXK9ad") is
// read as no words, while names of words with a number ("ad300",
// "mt4ad", "promoBox2") still are.
func TestMinifiedNames(t *testing.T) {
	for _, tc := range []struct {
		class string
		want  []string
	}{
		{"jXK9ad", nil},
		{"QZ3zWd", nil},
		{"D2fZ2 Ft7HRd", nil},
		{"ad300", []string{">ad"}},
		{"mt4ad", []string{">mt", "mt>ad"}},
		{"promoBox2", []string{">promo", "promo>box"}},
		{"adSlot", []string{">ad", "ad>slot"}},
		{"Ad3", []string{">ad"}},
	} {
		if got := tokensOf(SplitTokens, tc.class); !slices.Equal(got, tc.want) {
			t.Errorf("SplitTokens(%q) = %q, want %q", tc.class, got, tc.want)
		}
	}
}

func TestSplitTokensAgreesWithReference(t *testing.T) {
	for _, s := range splitTokensSeeds {
		if got, want := tokensOf(SplitTokens, s), tokensOf(splitTokensReference, s); !slices.Equal(got, want) {
			t.Errorf("SplitTokens(%q) = %q, reference %q", s, got, want)
		}
	}
}

func FuzzSplitTokens(f *testing.F) {
	for _, s := range splitTokensSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokensOf(SplitTokens, s), tokensOf(splitTokensReference, s); !slices.Equal(got, want) {
			t.Errorf("SplitTokens(%q) = %q, reference %q", s, got, want)
		}
	})
}

// TestClassNamesAgreesWithReference holds ClassNames, which compares
// bytes, to splitting the value rune by rune on HTML white space: a
// no-break space and invalid UTF-8 belong to a name.
func TestClassNamesAgreesWithReference(t *testing.T) {
	for _, s := range append(splitTokensSeeds, " a  b\t\nc\r\fd ", "\u00a0", "a\u2003b", "\xff \xc3") {
		checkClassNames(t, s)
	}
}

func FuzzClassNames(f *testing.F) {
	for _, s := range splitTokensSeeds {
		f.Add(s)
	}
	f.Fuzz(checkClassNames)
}

func checkClassNames(t *testing.T, s string) {
	got := slices.Collect(ClassNames(s))
	want := slices.Collect(strings.FieldsFuncSeq(s, isHTMLSpace))
	if !slices.Equal(got, want) {
		t.Errorf("ClassNames(%q) = %q, reference %q", s, got, want)
	}
	// Stopping early yields the first name only.
	for name := range ClassNames(s) {
		if name != want[0] {
			t.Errorf("ClassNames(%q) first = %q, want %q", s, name, want[0])
		}
		break
	}
}

func BenchmarkSplitTokens(b *testing.B) {
	classes := []string{"article-body main", "shareBar__item--active", "col-md-8 ad_slot2 js-track-click", "wp-block-group has-background is-layout-flow"}
	for b.Loop() {
		for _, c := range classes {
			SplitTokens(c, func(prev, tok string) {})
		}
	}
}

func TestLowerToken(t *testing.T) {
	for _, tok := range []string{"Share", "SHARE", "Content", "Body", "Xyzzy", "ÜberBox", "AVeryLongTokenThatIsNotAWordOfTheTables", "A"} {
		if got, want := lowerToken(tok), strings.ToLower(tok); got != want {
			t.Errorf("lowerToken(%q) = %q, want %q", tok, got, want)
		}
	}
	// A word of the tables comes back without a new string.
	if n := testing.AllocsPerRun(20, func() { _ = lowerToken("Content") }); n != 0 {
		t.Errorf("lowerToken allocates %v times for a table word", n)
	}
}
