package label

import "testing"

// classInfoCases mix names that say something (chrome, content, state,
// taxonomy, hidden, metadata) with names that do not, in several orders,
// so that a name-by-name reading that merged wrongly would differ from
// the whole value's.
var classInfoCases = []string{
	"btn btn-primary", "sidebar entry-content", "entry-content sidebar",
	"post-body related-posts", "related-posts post-body", "no-sidebar article-body",
	"tag-politics category-news post", "hidden byline", "sr-only date",
	"social-share embed-tweet", "accordion-content panel", "article__body  ad-slot\tx\ny",
	"md:hidden print:block", "entryMeta postAuthor", "a\fb sidebar", " ", "",
	"story-body story-body__inner", "share share-bar share-bar--top", "ArticleBody-articleBody",
}

// The name-by-name reading of a class value (with its per-name cache)
// says what reading the value whole says.
func TestClassInfoByName(t *testing.T) {
	tr := &Tree{classCache: map[string]nameInfo{}, nameCache: map[string]nameInfo{}}
	for round := range 2 { // the second round reads from the caches
		for _, c := range classInfoCases {
			if got, want := tr.classInfo(c), classValueInfo(c); got != want {
				t.Errorf("round %d: classInfo(%q) = %+v, read whole %+v", round, c, got, want)
			}
		}
	}
}

func FuzzClassInfoByName(f *testing.F) {
	for _, c := range classInfoCases {
		f.Add(c)
	}
	tr := &Tree{classCache: map[string]nameInfo{}, nameCache: map[string]nameInfo{}}
	f.Fuzz(func(t *testing.T, class string) {
		if len(tr.classCache) > 1<<14 {
			clear(tr.classCache)
			clear(tr.nameCache)
		}
		if got, want := tr.classInfo(class), classValueInfo(class); got != want {
			t.Errorf("classInfo(%q) = %+v, read whole %+v", class, got, want)
		}
	})
}

// lowerTokens reads a lower-case name as namesInfo does, and refuses
// every other.
func TestLowerTokens(t *testing.T) {
	names := []string{
		"entry-content", "post__title", "sidebar", "no-sidebar", "tag-politics", "s-tag-news",
		"entry-author-jane", "article__ad", "ad", "related-posts--top", "-lead", "share_", "--", "_",
		"social-share", "embed-tweet", "accordion-content", "cafe", "fade", "abcdef", "",
		// Refused: upper case, digits, other punctuation, spaces, non-ASCII.
		"Sidebar", "col-md-6", "md:hidden", "a b", "a\fb", "caf\u00e9", "ad300", "x.y",
	}
	for _, name := range names {
		var buf [16]token
		toks, ok := lowerTokens(name, buf[:0])
		if !ok {
			for i := 0; i < len(name); i++ {
				if c := name[i]; !('a' <= c && c <= 'z' || c == '-' || c == '_') {
					goto refused
				}
			}
			t.Errorf("lowerTokens refused %q", name)
		refused:
			continue
		}
		var got nameInfo
		if len(toks) > 0 {
			got.addName(toks, false)
		}
		if want := namesInfo(name, false); got != want {
			t.Errorf("lowerTokens(%q) reads %+v, namesInfo %+v", name, got, want)
		}
	}
}

// FuzzLowerTokens: on any name it accepts, lowerTokens reads what
// namesInfo reads.
func FuzzLowerTokens(f *testing.F) {
	for _, c := range classInfoCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, name string) {
		var buf [16]token
		toks, ok := lowerTokens(name, buf[:0])
		if !ok {
			return
		}
		var got nameInfo
		if len(toks) > 0 {
			got.addName(toks, false)
		}
		if want := namesInfo(name, false); got != want {
			t.Errorf("lowerTokens(%q) reads %+v, namesInfo %+v", name, got, want)
		}
	})
}
