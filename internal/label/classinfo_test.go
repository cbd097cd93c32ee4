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
