package article

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestReasonsExplained checks that every Reason constant declared in
// article.go is listed by Reasons, once, with a one-line explanation.
func TestReasonsExplained(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "article.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var declared []Reason
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Reason" {
				continue
			}
			for _, v := range vs.Values {
				lit, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				if err != nil {
					t.Fatal(err)
				}
				declared = append(declared, Reason(lit))
			}
		}
	}
	if len(declared) < 20 {
		t.Fatalf("found %d Reason constants in article.go; the parse is wrong", len(declared))
	}
	listed := map[Reason]int{}
	for _, r := range Reasons() {
		listed[r]++
	}
	for _, r := range declared {
		if listed[r] != 1 {
			t.Errorf("Reasons() lists %q %d times, want once", r, listed[r])
		}
		e := r.Explanation()
		if e == "" || strings.Contains(e, "\n") || len(e) > 120 || !strings.HasSuffix(e, ".") {
			t.Errorf("%q: explanation %q: want one sentence-like line of at most 120 bytes", r, e)
		}
	}
	if len(Reasons()) != len(declared) {
		t.Errorf("Reasons() has %d entries, article.go declares %d", len(Reasons()), len(declared))
	}
	if got := Reason("no-such-reason").Explanation(); got != "" {
		t.Errorf("unknown reason explained as %q", got)
	}
	if got := ReasonLinkDensity.Explanation(); !strings.Contains(got, "links") {
		t.Errorf("link-density explained as %q", got)
	}
}
