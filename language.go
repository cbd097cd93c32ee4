package winnow

import "github.com/winnow-go/winnow/internal/meta"

// Languages returns the ISO 639-1 codes of the languages winnow detects
// from a page's text, sorted. Article.Language is one of them, or the
// language the page declares when the text does not clearly say another
// (see article.Metadata.Language), or "" when neither is known.
func Languages() []string { return meta.Languages() }

// KnownLanguage reports whether code (lowercase ISO 639-1) is one of
// Languages.
func KnownLanguage(code string) bool { return meta.KnownLanguage(code) }
