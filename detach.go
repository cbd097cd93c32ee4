package winnow

import (
	"errors"
	"strings"

	"github.com/winnow-go/winnow/article"
)

// detach gives a (and a NoArticleError in err) a copy of every string
// that points into the bytes the tree was parsed from without a copy
// (parse.ParseShared; holds tells those strings). The caller may then
// change or reuse its page, and a few short strings kept from a big page
// do not keep the whole page in memory.
func detach(a *article.Article, err error, holds func(string) bool) {
	own := func(s *string) {
		if holds(*s) {
			*s = strings.Clone(*s)
		}
	}
	var nae *NoArticleError
	if errors.As(err, &nae) {
		own(&nae.Detail)
	}
	if a == nil {
		return
	}
	m := &a.Metadata
	for _, s := range []*string{&m.URL, &m.Title, &m.Subtitle, &m.Published, &m.Modified, &m.SiteName,
		&m.Language, &m.DeclaredLanguage, &m.Description, &m.Image, &m.CanonicalURL} {
		own(s)
	}
	for i := range m.Authors {
		own(&m.Authors[i])
	}
	for i := range m.Tags {
		own(&m.Tags[i])
	}
	for k, v := range m.Sources {
		if holds(k) {
			delete(m.Sources, k)
			k = strings.Clone(k)
		}
		own(&v)
		m.Sources[k] = v
	}
	own(&a.Text)
	for _, blocks := range [][]article.Block{a.Blocks, a.Comments} {
		for i := range blocks {
			b := &blocks[i]
			for _, s := range []*string{&b.Text, &b.Src, &b.Alt, &b.Caption, &b.Credit, &b.Lang} {
				own(s)
			}
			for j := range b.Items {
				own(&b.Items[j])
			}
			for _, row := range b.Rows {
				for j := range row {
					own(&row[j])
				}
			}
			for j := range b.Links {
				own(&b.Links[j].Text)
				own(&b.Links[j].Href)
			}
		}
	}
	for i := range a.Removed {
		own(&a.Removed[i].Text)
	}
}
