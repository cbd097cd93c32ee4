package eval

import (
	"testing"
)

func TestTitleMatch(t *testing.T) {
	tests := []struct {
		truth, got     string
		exact, relaxed bool
	}{
		{"How to Rent a Car", "How to Rent a Car", true, true},
		{"How to Rent a Car", "  How to  Rent a Car ", true, true},
		{"How to Rent a Car", "how to rent a car!", false, true},
		{"How to Rent a Car", "How to Rent a Car | Rentals", false, true},
		{"How to Rent a Car", "How to Rent a Car | Example Rentals Online", false, false},
		{"How to Rent a Car", "Example Rentals", false, false},
		{"How to Rent a Car", "How to Rent a Car | Example Rentals - Cars, Vans and Trucks for Every Trip", false, false},
		{"How to Rent a Car", "", false, false},
		{"", "", false, false},
	}
	for _, tt := range tests {
		if got := TitleExact(tt.truth, tt.got); got != tt.exact {
			t.Errorf("TitleExact(%q, %q) = %v, want %v", tt.truth, tt.got, got, tt.exact)
		}
		if got := TitleRelaxed(tt.truth, tt.got); got != tt.relaxed {
			t.Errorf("TitleRelaxed(%q, %q) = %v, want %v", tt.truth, tt.got, got, tt.relaxed)
		}
	}
}

func TestAuthorsMatch(t *testing.T) {
	tests := []struct {
		truth          string
		got            []string
		exact, relaxed bool
	}{
		{"Jane Doe", []string{"Jane Doe"}, true, true},
		{"Jane Doe", []string{"JANE DOE"}, true, true},
		{"Jane Doe, John Roe, and Ann Poe", []string{"Ann Poe", "Jane Doe", "John Roe"}, true, true},
		{"Maria & Katerina", []string{"Maria", "Katerina"}, true, true},
		{"Jane Doe", []string{"Jane Doe", "John Roe"}, false, true},
		{"Jane Doe, MS, RD", []string{"Jane Doe"}, false, true},
		{"Jane Q. Doe", []string{"Jane Doe"}, false, true},
		{"Jane Doe", []string{"John Roe"}, false, false},
		{"Jane Doe", nil, false, false},
		{"Jane Doe", []string{"Doe Industries"}, false, false},
	}
	for _, tt := range tests {
		ex, rel := AuthorsMatch(tt.truth, tt.got)
		if ex != tt.exact || rel != tt.relaxed {
			t.Errorf("AuthorsMatch(%q, %q) = %v, %v, want %v, %v", tt.truth, tt.got, ex, rel, tt.exact, tt.relaxed)
		}
	}
}

func TestDateMatch(t *testing.T) {
	tests := []struct {
		truth, got     string
		exact, relaxed bool
	}{
		{"2025-03-04", "2025-03-04", true, true},
		{"2025-03-04", "2025-03-04T23:10:00-05:00", true, true},
		{"2025-03-04", "2025-03-05T04:10:00Z", false, true},
		{"2025-03-04", "2025-03-03", false, true},
		{"2025-03-04", "2025-03-06", false, false},
		{"2025-03-04", "2024-03-04", false, false},
		{"2025-03-04", "", false, false},
		{"2025-03-04", "March 4", false, false},
	}
	for _, tt := range tests {
		ex, rel := DateMatch(tt.truth, tt.got)
		if ex != tt.exact || rel != tt.relaxed {
			t.Errorf("DateMatch(%q, %q) = %v, %v, want %v, %v", tt.truth, tt.got, ex, rel, tt.exact, tt.relaxed)
		}
	}
}

func TestScoreMetaSummary(t *testing.T) {
	pages := []Page{
		{ID: "a", Title: "One Headline", Author: "Jane Doe", Date: "2025-01-02"},
		{ID: "b", Title: "Two Headline"},
		{ID: "c"},
	}
	preds := []MetaPred{
		{Title: "One Headline", Authors: []string{"Jane Doe"}, Published: "2025-01-02T10:00:00Z"},
		{Title: "Two Headline - Site", Authors: []string{"Someone Else"}, Published: "2025-01-09"},
		{Title: "Three"},
	}
	var rs []PageResult
	for i, p := range pages {
		rs = append(rs, PageResult{ID: p.ID, Meta: ScoreMeta(p, preds[i])})
	}
	if rs[2].Meta != nil {
		t.Errorf("page without metadata truth scored: %+v", rs[2].Meta)
	}
	s := summarizeMeta(rs)
	if s == nil {
		t.Fatal("no summary")
	}
	want := MetaSummary{
		Title:     FieldSummary{Pages: 2, Exact: 1, Relaxed: 2, ExactShare: 0.5, RelaxedShare: 1},
		Authors:   FieldSummary{Pages: 1, Exact: 1, Relaxed: 1, ExactShare: 1, RelaxedShare: 1, Extra: 1},
		Published: FieldSummary{Pages: 1, Exact: 1, Relaxed: 1, ExactShare: 1, RelaxedShare: 1, Extra: 1},
	}
	if *s != want {
		t.Errorf("summary = %+v\nwant %+v", *s, want)
	}
	if summarizeMeta([]PageResult{{ID: "x"}}) != nil {
		t.Error("summary of pages without metadata truth is not nil")
	}
}
