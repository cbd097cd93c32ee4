package content

import (
	"strings"

	"github.com/winnow-go/winnow/internal/rules"
)

// labelKey is the key under which the items rule counts a short line
// printed in many posts of a run (markItemLabels): its folded text, or,
// for a bare count ("1,204", "58"), one mark for every count. A post's
// author box prints its member's post or like count under a label, a
// different number in every post; a price ("$7.50") or a score ("9.0")
// is no bare count and stays a field of its item.
func labelKey(text string) string {
	if isBareCount(text) {
		return "#"
	}
	return rules.Fold(text)
}

// isBareCount reports whether text is a whole number alone, with
// thousands grouped by commas.
func isBareCount(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; (c < '0' || c > '9') && c != ',' {
			return false
		}
	}
	return true
}
