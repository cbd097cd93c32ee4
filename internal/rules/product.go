package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A product page prints its rating as short lines of their own in the
// buy box ("Rated 4.8 out of 5", "Based on 4,567 reviews"): labels about
// the product, not its description. The content stage cuts such lines on
// a page declaring one product; these tables say what the lines are made
// of. A line holding any other word is a sentence and stays ("The desk
// has 5 stars from Wood Review").

// MaxProductLabelWords bounds a rating or price line (price.go), in
// tokens.
const MaxProductLabelWords = 12

// RatingWords are the words a shop prints around a rating's numbers; the
// true ones name the rating itself, and a line needs one of them.
var RatingWords = map[string]bool{
	"rated": true, "rating": true, "ratings": true, "review": true, "reviews": true,
	"star": true, "stars": true,
	"out": false, "of": false, "based": false, "on": false, "customer": false,
	"customers": false, "global": false, "average": false, "verified": false, "total": false,
}

// IsRatingLine reports whether a line is a rating summary: numbers and
// RatingWords only, with at least one number and one word that names
// the rating.
func IsRatingLine(s string) bool {
	var n, numbers, names int
	ok := true
	productTokens(s, func(tok string) {
		n++
		if !ok {
			return
		}
		if isAmount(tok) {
			numbers++
			return
		}
		core, known := RatingWords[strings.ToLower(tok)]
		switch {
		case !known:
			ok = false
		case core:
			names++
		}
	})
	return ok && n <= MaxProductLabelWords && numbers > 0 && names > 0
}

// productTokens calls f with each token of s: split on white space,
// dashes and bars, and where a digit runs into a word ("4.7Average",
// "$1,349.99Was": spans a shop prints side by side), with the
// punctuation around it trimmed.
func productTokens(s string, f func(string)) {
	for _, field := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '|' || r == '/' || r == '–' || r == '—'
	}) {
		for field != "" {
			tok := field
			for i, r := range field {
				if i > 0 && unicode.IsLetter(r) && field[i-1] >= '0' && field[i-1] <= '9' {
					tok, field = field[:i], field[i:]
					break
				}
			}
			if tok == field {
				field = ""
			}
			tok = strings.Trim(tok, ":;()[]!*•·\"'")
			tok = strings.TrimSuffix(tok, ",")
			tok = strings.TrimSuffix(tok, ".")
			if tok != "" {
				f(tok)
			}
		}
	}
}

// isAmount reports whether tok is a number as ratings and counts print
// it: digits with thousands and decimal separators ("1,249.00", "99,90",
// "1.234"), opening with a digit.
func isAmount(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	if r < '0' || r > '9' {
		return false
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' && c != '\'' {
			return false
		}
	}
	return true
}
