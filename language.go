package winnow

import (
	"fmt"
	"strings"

	"github.com/winnow-go/winnow/internal/meta"
)

// Languages returns the ISO 639-1 codes of the languages winnow detects
// from a page's text, sorted. Article.Language is one of them, or the
// language the page declares when the text does not clearly say another
// (see article.Metadata.Language), or "" when neither is known.
func Languages() []string { return meta.Languages() }

// KnownLanguage reports whether code (lowercase ISO 639-1) is one of
// Languages.
func KnownLanguage(code string) bool { return meta.KnownLanguage(code) }

// ParseLanguages reads a comma-separated list of language codes, as the
// command lines' --lang and --target-language take them: ISO 639-1 codes
// of Languages, in any case, blanks skipped. An unknown code is an error
// that lists the known ones.
func ParseLanguages(list string) ([]string, error) {
	var out []string
	for _, l := range strings.Split(list, ",") {
		l = strings.ToLower(strings.TrimSpace(l))
		if l == "" {
			continue
		}
		if !KnownLanguage(l) {
			return nil, fmt.Errorf("unknown language %q: want ISO 639-1 codes among %s", l, strings.Join(Languages(), " "))
		}
		out = append(out, l)
	}
	return out, nil
}
