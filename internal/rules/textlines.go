package rules

import "strings"

// TeaserMarkers are the arrows and pointers a page prints before a link
// to another story set between two paragraphs (">> Prices rise again",
// "» Related: ...", "→ Read also: ..."). Text mode reads a short line that
// opens with one of them, standing alone between body lines, as an inline
// teaser; a run of such lines is a list and stays. ">>>" is a Python
// prompt, not a marker.
var TeaserMarkers = []string{">>", "»", "→", "►", "▶", "➤", "⇒", "›"}

// TeaserMarker returns the marker text opens with, or "".
func TeaserMarker(text string) string {
	if strings.HasPrefix(text, ">>>") || strings.HasPrefix(text, "»»»") {
		return ""
	}
	for _, m := range TeaserMarkers {
		if strings.HasPrefix(text, m) {
			return m
		}
	}
	return ""
}
