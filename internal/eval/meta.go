package eval

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file scores metadata: the title, authors and publication date an
// extractor gives against the truth's "title", "author" and "date" fields
// (the WCXB shape). Each field is scored only on the pages whose truth
// carries it, two ways:
//
//	title      exact: equal once white space is collapsed.
//	           relaxed: equal once folded (lower case, letters and digits
//	           only), or one folded title contains the other and the
//	           shorter is at least half the longer ("Headline | Site"
//	           against "Headline" passes, a site name alone does not).
//	authors    the truth's string is split into names on "," ";" "&" "|"
//	           " / " and the words "and", "und", "et", "y", "e"; the
//	           prediction's names likewise. Names are compared folded.
//	           exact: the two sets of names are equal.
//	           relaxed: they share a name, where one name's words may be a
//	           part of the other's ("Jane Doe" ~ "Jane Q. Doe").
//	published  the calendar day as written in the prediction (its own UTC
//	           offset), against the truth's YYYY-MM-DD.
//	           exact: the same day. relaxed: at most one day apart (a
//	           timestamp in UTC beside a local day).
//
// Pages whose truth lacks a field count the predictions made anyway as
// "extra": a source of wrong metadata when the field is really absent.

// MetaPred is the metadata an extractor gave for one page.
type MetaPred struct {
	Title     string
	Authors   []string
	Published string // RFC 3339 or YYYY-MM-DD; "" when none
}

// FieldMatch is one field of one page: what the truth says, what was
// predicted and how they compare.
type FieldMatch struct {
	Truth   string `json:"truth"`
	Got     string `json:"got"`
	Exact   bool   `json:"exact"`
	Relaxed bool   `json:"relaxed"`
}

// MetaResult is one page's metadata score; a field is nil when the truth
// does not carry it.
type MetaResult struct {
	Title     *FieldMatch `json:"title,omitempty"`
	Authors   *FieldMatch `json:"authors,omitempty"`
	Published *FieldMatch `json:"published,omitempty"`
	// Extra lists the fields predicted on this page though its truth
	// carries none.
	Extra []string `json:"extra,omitempty"`
}

// Field names of MetaResult, as in JSON and the text report.
const (
	FieldTitle     = "title"
	FieldAuthors   = "authors"
	FieldPublished = "published"
)

// ScoreMeta scores the predicted metadata of p against its truth. It
// returns nil when the truth carries no metadata field at all.
func ScoreMeta(p Page, m MetaPred) *MetaResult {
	if p.Title == "" && p.Author == "" && p.Date == "" {
		return nil
	}
	r := &MetaResult{}
	if p.Title != "" {
		r.Title = &FieldMatch{Truth: p.Title, Got: m.Title, Exact: TitleExact(p.Title, m.Title), Relaxed: TitleRelaxed(p.Title, m.Title)}
	} else if m.Title != "" {
		r.Extra = append(r.Extra, FieldTitle)
	}
	got := strings.Join(m.Authors, "; ")
	if p.Author != "" {
		ex, rel := AuthorsMatch(p.Author, m.Authors)
		r.Authors = &FieldMatch{Truth: p.Author, Got: got, Exact: ex, Relaxed: rel}
	} else if len(m.Authors) > 0 {
		r.Extra = append(r.Extra, FieldAuthors)
	}
	if p.Date != "" {
		ex, rel := DateMatch(p.Date, m.Published)
		r.Published = &FieldMatch{Truth: p.Date, Got: m.Published, Exact: ex, Relaxed: rel}
	} else if m.Published != "" {
		r.Extra = append(r.Extra, FieldPublished)
	}
	return r
}

// TitleExact reports titles equal once white space is collapsed.
func TitleExact(truth, got string) bool {
	return strings.Join(strings.Fields(truth), " ") == strings.Join(strings.Fields(got), " ") && strings.TrimSpace(truth) != ""
}

// TitleRelaxed reports titles equal once folded, or one containing the
// other when the shorter is at least half the longer.
func TitleRelaxed(truth, got string) bool {
	t, g := fold(truth), fold(got)
	if t == "" || g == "" {
		return false
	}
	if t == g {
		return true
	}
	short, long := t, g
	if len(short) > len(long) {
		short, long = long, short
	}
	return 2*utf8.RuneCountInString(short) >= utf8.RuneCountInString(long) && strings.Contains(long, short)
}

// fold keeps the lower-cased letters and digits of s.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// nameJoiners are the words that join two names in a byline.
var nameJoiners = map[string]bool{"and": true, "und": true, "et": true, "y": true, "e": true}

// SplitNames splits a string of author names into names.
func SplitNames(s string) []string {
	s = strings.NewReplacer(";", ",", "&", ",", "|", ",", " / ", ",").Replace(s)
	var out []string
	for _, piece := range strings.Split(s, ",") {
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
				cur = nil
			}
		}
		for _, w := range strings.Fields(piece) {
			if nameJoiners[strings.ToLower(w)] {
				flush()
				continue
			}
			cur = append(cur, w)
		}
		flush()
	}
	return out
}

// nameWords is a name's folded words.
func nameWords(n string) []string {
	var out []string
	for _, w := range strings.Fields(n) {
		if f := fold(w); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// AuthorsMatch compares the truth's author string with predicted names:
// exact when the sets of folded names are equal, relaxed when they share
// a name (or one name's words are all in the other's).
func AuthorsMatch(truth string, got []string) (exact, relaxed bool) {
	var pred []string
	for _, g := range got {
		pred = append(pred, SplitNames(g)...)
	}
	tset, pset := nameSet(SplitNames(truth)), nameSet(pred)
	if len(tset) == 0 || len(pset) == 0 {
		return false, false
	}
	exact = len(tset) == len(pset)
	for k := range tset {
		if !pset[k] {
			exact = false
		}
	}
	if exact {
		return true, true
	}
	for _, t := range SplitNames(truth) {
		for _, p := range pred {
			if wordsWithin(nameWords(t), nameWords(p)) || wordsWithin(nameWords(p), nameWords(t)) {
				return false, true
			}
		}
	}
	return false, false
}

func nameSet(names []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		if k := strings.Join(nameWords(n), " "); k != "" {
			m[k] = true
		}
	}
	return m
}

// wordsWithin reports every word of a among b's, a not empty.
func wordsWithin(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	for _, w := range a {
		found := false
		for _, v := range b {
			if v == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// DateMatch compares the truth's YYYY-MM-DD with a predicted RFC 3339
// value or day, on the day as written in the prediction.
func DateMatch(truth, got string) (exact, relaxed bool) {
	if len(got) < 10 || len(truth) < 10 {
		return false, false
	}
	td, err1 := time.Parse(time.DateOnly, truth[:10])
	gd, err2 := time.Parse(time.DateOnly, got[:10])
	if err1 != nil || err2 != nil {
		return false, false
	}
	diff := td.Sub(gd)
	if diff < 0 {
		diff = -diff
	}
	return diff == 0, diff <= 24*time.Hour
}

// FieldSummary is one field's figures over a set: Pages whose truth has
// the field, how many matched exactly or relaxed, their shares, how many
// got no prediction at all, and Extra: pages without the field in the
// truth that got one anyway.
type FieldSummary struct {
	Pages        int     `json:"pages"`
	Exact        int     `json:"exact"`
	Relaxed      int     `json:"relaxed"`
	ExactShare   float64 `json:"exact_share"`
	RelaxedShare float64 `json:"relaxed_share"`
	Missing      int     `json:"missing"`
	Extra        int     `json:"extra"`
}

// MetaSummary is the metadata figures of a set.
type MetaSummary struct {
	Title     FieldSummary `json:"title"`
	Authors   FieldSummary `json:"authors"`
	Published FieldSummary `json:"published"`
}

func (f *FieldSummary) add(m *FieldMatch) {
	if m == nil {
		return
	}
	f.Pages++
	if m.Exact {
		f.Exact++
	}
	if m.Relaxed {
		f.Relaxed++
	}
	if m.Got == "" {
		f.Missing++
	}
}

// summarizeMeta sums the pages' metadata scores, nil when none has any.
func summarizeMeta(results []PageResult) *MetaSummary {
	var s MetaSummary
	any := false
	for _, r := range results {
		m := r.Meta
		if m == nil {
			continue
		}
		any = true
		s.Title.add(m.Title)
		s.Authors.add(m.Authors)
		s.Published.add(m.Published)
		for _, e := range m.Extra {
			switch e {
			case FieldTitle:
				s.Title.Extra++
			case FieldAuthors:
				s.Authors.Extra++
			case FieldPublished:
				s.Published.Extra++
			}
		}
	}
	if !any {
		return nil
	}
	for _, f := range []*FieldSummary{&s.Title, &s.Authors, &s.Published} {
		f.ExactShare, f.RelaxedShare = share(f.Exact, f.Pages), share(f.Relaxed, f.Pages)
	}
	return &s
}
