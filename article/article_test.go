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
