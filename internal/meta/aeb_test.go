package meta

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/testpages"
)

type aebPage struct {
	id  string
	url string
	doc dom.Node
}

var (
	aebOnce  sync.Once
	aebPages []aebPage
)

// loadAEB parses every AEB page once per test binary.
func loadAEB(tb testing.TB) []aebPage {
	tb.Helper()
	pages := testpages.LoadTB(tb)
	aebOnce.Do(func() {
		for _, p := range pages {
			doc, err := html.Parse(bytes.NewReader(p.HTML))
			if err != nil {
				tb.Fatalf("%s: %v", p.ID, err)
			}
			aebPages = append(aebPages, aebPage{id: p.ID, url: p.URL, doc: dom.FromHTML(doc, "").Root()})
		}
	})
	return aebPages
}

// validDate reports an RFC 3339 date-time or full-date.
func validDate(s string) bool {
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return true
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func TestAEBCoverage(t *testing.T) {
	pages := loadAEB(t)
	counts := map[string]int{}
	for _, p := range pages {
		m := Extract(p.doc, p.url)
		if os.Getenv("META_DUMP") != "" {
			t.Logf("%s\n  title=%q\n  sub=%q\n  authors=%q\n  pub=%q mod=%q site=%q lang=%q\n  img=%q\n  canon=%q\n  tags=%d %q",
				p.url, m.Title, m.Subtitle, m.Authors, m.Published, m.Modified, m.SiteName, m.Language,
				m.Image, m.CanonicalURL, len(m.Tags), m.Tags)
		}
		for field, set := range map[string]bool{
			"title": m.Title != "", "subtitle": m.Subtitle != "", "authors": len(m.Authors) > 0,
			"published": m.Published != "", "modified": m.Modified != "", "site_name": m.SiteName != "",
			"language": m.Language != "", "description": m.Description != "", "image": m.Image != "",
			"canonical": m.CanonicalURL != "", "tags": len(m.Tags) > 0,
		} {
			if set {
				counts[field]++
			}
		}
		if m.SiteName != "" {
			for _, sep := range []string{" | ", " - ", " – ", " — "} {
				if strings.HasSuffix(strings.ToLower(m.Title), strings.ToLower(sep+m.SiteName)) {
					t.Errorf("%s: title %q still ends with the site name %q", p.id, m.Title, m.SiteName)
				}
			}
		}
		for name, d := range map[string]string{"published": m.Published, "modified": m.Modified} {
			if d != "" && !validDate(d) {
				t.Errorf("%s: %s %q is not RFC 3339", p.id, name, d)
			}
		}
		for _, a := range m.Authors {
			if strings.HasPrefix(strings.ToLower(a), "by ") || strings.Contains(a, "@") || strings.ContainsAny(a, "0123456789") {
				t.Errorf("%s: author %q is not a bare name", p.id, a)
			}
		}
		if m.Language != "" && (len(m.Language) < 2 || len(m.Language) > 3 || strings.ToLower(m.Language) != m.Language) {
			t.Errorf("%s: language %q is not a lowercase primary subtag", p.id, m.Language)
		}
	}
	n := len(pages)
	for _, f := range []string{"title", "subtitle", "authors", "published", "modified", "site_name", "language", "description", "image", "canonical", "tags"} {
		t.Logf("%-12s %3d/%d (%.0f%%)", f, counts[f], n, 100*float64(counts[f])/float64(n))
	}
	if counts["title"]*100 < 95*n {
		t.Errorf("title on %d/%d pages, want at least 95%%", counts["title"], n)
	}
	if counts["published"]*100 < 80*n {
		t.Errorf("published on %d/%d pages, want at least 80%%", counts["published"], n)
	}
	if counts["language"]*100 < 90*n {
		t.Errorf("language on %d/%d pages, want at least 90%%", counts["language"], n)
	}
}
