package article

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONShape pins the JSON field names and their order (README's JSON
// section): the embedded Metadata must read as if its fields were written
// in Article itself.
func TestJSONShape(t *testing.T) {
	b, err := json.Marshal(Article{Removed: []Removal{{}}})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.Token() // {
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	want := "url title subtitle authors published modified site_name language description image canonical_url tags status page_type text blocks removed"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("keys = %s\nwant   %s", got, want)
	}
}

func TestPublishedTime(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 of the time, "" when there is none
	}{
		{"2019-11-19T08:03:00-05:00", "2019-11-19T08:03:00-05:00"},
		{"2019-11-19T13:03:00Z", "2019-11-19T13:03:00Z"},
		{"2019-11-19", "2019-11-19T00:00:00Z"},
		{"", ""},
		{"Nov 19, 2019", ""},
	}
	for _, tt := range tests {
		m := Metadata{Published: tt.in, Modified: tt.in}
		pt, ok := m.PublishedTime()
		mt, mok := m.ModifiedTime()
		got := ""
		if ok {
			got = pt.Format("2006-01-02T15:04:05Z07:00")
		}
		if got != tt.want || ok != (tt.want != "") || mok != ok || !mt.Equal(pt) {
			t.Errorf("PublishedTime(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	// The offset written is kept, so the calendar day is the page's.
	if pt, _ := (Metadata{Published: "2019-11-19T23:30:00-05:00"}).PublishedTime(); pt.Day() != 19 {
		t.Errorf("day = %d, want the page's own 19", pt.Day())
	}
}
