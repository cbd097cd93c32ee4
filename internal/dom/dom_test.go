package dom

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parse parses a test page; the parser takes any input.
func parse(_ *testing.T, s string) Node {
	doc, _ := html.Parse(strings.NewReader(s))
	return FromHTML(doc, s).Root()
}

// find returns the first element with the given id attribute.
func find(t *testing.T, doc Node, id string) Node {
	t.Helper()
	for n := range doc.Descendants() {
		if n.Type() == html.ElementNode && Attr(n, "id") == id {
			return n
		}
	}
	t.Fatalf("no element #%s", id)
	return Node{}
}

func TestAttr(t *testing.T) {
	doc := parse(t, `<p id=p class="a b" data-x="">x</p><svg><a xlink:href="/ns">y</a></svg>`)
	p := find(t, doc, "p")
	for _, tc := range []struct {
		key, want string
		ok        bool
	}{
		{"class", "a b", true},
		{"data-x", "", true},
		{"href", "", false},
		{"CLASS", "", false}, // keys are lower case after parsing
	} {
		v, ok := LookupAttr(p, tc.key)
		if v != tc.want || ok != tc.ok {
			t.Errorf("LookupAttr(%q) = %q, %v; want %q, %v", tc.key, v, ok, tc.want, tc.ok)
		}
		if Attr(p, tc.key) != tc.want {
			t.Errorf("Attr(%q) = %q; want %q", tc.key, Attr(p, tc.key), tc.want)
		}
	}
	// A namespaced attribute is not the plain one.
	for n := range doc.Descendants() {
		if n.Type() == html.ElementNode && n.Data() == "a" {
			if _, ok := LookupAttr(n, "href"); ok {
				t.Error("xlink:href read as href")
			}
		}
	}
}

func TestCollapse(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain words", "plain words"},
		{"  two\n\tlines  ", "two lines"},
		{"a\u00a0\u00a0b", "a b"},             // no-break spaces
		{"a\u2009b\u3000c", "a b c"},          // thin and ideographic spaces
		{"a\u2028b\u2007c\u200ad", "a b c d"}, // line separator, figure and hair spaces
		{"a\vb", "a b"},
		{"zero\u200bwidth", "zerowidth"}, // invisible: dropped, not a space
		{"soft\u00adhyphen", "softhyphen"},
		{"\ufeffBOM", "BOM"},
		{"dump\x00nul", "dump nul"},
		{"Ünïcödé  text", "Ünïcödé text"},
		{"\u200b", ""},
		// Stray bytes become U+FFFD, so that dropping a soft hyphen
		// between two cannot join them into a letter ("\xd2\x8f" is ҏ).
		{"a\xd2\u00ad\x8fb", "a\ufffd\ufffdb"},
		{"\xff", "\ufffd"},
		{"keep \ufffd as is", "keep \ufffd as is"},
	} {
		if got := Collapse(tc.in); got != tc.want {
			t.Errorf("Collapse(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestCollapseKeepsCleanString(t *testing.T) {
	s := strings.Repeat("clean ", 10) + "end"
	if allocs := testing.AllocsPerRun(10, func() { _ = Collapse(s) }); allocs != 0 {
		t.Errorf("Collapse of clean text allocates %v times", allocs)
	}
}

func TestAppendCollapsed(t *testing.T) {
	for _, tc := range []struct{ buf, in, want string }{
		{"", "  lead", "lead"},
		{"word", " next ", "word next "},
		{"word ", "  next", "word next"},
		{"line\n", "  next", "line\nnext"},
		{"a", "\u200bb", "ab"},
	} {
		if got := string(AppendCollapsed([]byte(tc.buf), tc.in)); got != tc.want {
			t.Errorf("AppendCollapsed(%q, %q) = %q; want %q", tc.buf, tc.in, got, tc.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one", 1},
		{"one two\nthree\tfour", 4},
		{"  spaced   out  ", 2},
		{"naïve café", 2},
		{"日本語の文章", 3},  // six CJK characters: half a word each
		{"Go 语言", 2},   // one word and two characters
		{"한국어 텍스트", 3}, // six Hangul characters
		{"a-b c.d", 2}, // punctuation does not split
		{"don't", 1},
	} {
		if got := CountWords(tc.in); got != tc.want {
			t.Errorf("CountWords(%q) = %d; want %d", tc.in, got, tc.want)
		}
		if got := CountWords([]byte(tc.in)); got != tc.want {
			t.Errorf("CountWords([]byte(%q)) = %d; want %d", tc.in, got, tc.want)
		}
	}
}

func TestWalk(t *testing.T) {
	doc := parse(t, `<div id=root><p>a<b>b</b></p><ul><li>c</li><li>d</li></ul><p>e</p></div>`)
	root := find(t, doc, "root")
	var got []string
	Walk(root, func(n Node) Step {
		if n.Type() == html.ElementNode {
			got = append(got, "<"+n.Data())
			if n.DataAtom() == atom.Ul {
				return Skip
			}
		} else {
			got = append(got, n.Data())
		}
		return Descend
	}, func(n Node) {
		if n.Type() == html.ElementNode {
			got = append(got, n.Data()+">")
		}
	})
	want := "<p a <b b b> p> <ul <p e p>"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("walk order\n got %s\nwant %s", s, want)
	}
	// The root itself is not visited, nor what follows it.
	for _, s := range got {
		if s == "<div" || s == "div>" {
			t.Error("Walk visited its root")
		}
	}
}

func TestWalkStop(t *testing.T) {
	doc := parse(t, `<div id=root><p>a</p><p>b</p><p>c</p></div>`)
	var texts []string
	done := Walk(find(t, doc, "root"), func(n Node) Step {
		if n.Type() == html.TextNode {
			texts = append(texts, n.Data())
			if n.Data() == "b" {
				return Stop
			}
		}
		return Descend
	}, nil)
	if done || strings.Join(texts, "") != "ab" {
		t.Errorf("Walk = %v after %q; want false after \"ab\"", done, texts)
	}
	// An empty root ends at once.
	if !Walk(NewTree("", 0).Root(), func(Node) Step { t.Error("visited"); return Descend }, nil) {
		t.Error("Walk of an empty node reported a stop")
	}
}

func TestWalkDeep(t *testing.T) {
	// Deeper than any recursion would like: the walk keeps no stack.
	tree := NewTree("", 0)
	root := tree.NewNode(html.ElementNode, atom.Div, "div", "")
	n := root
	for range 100000 {
		c := tree.NewNode(html.ElementNode, atom.Div, "div", "")
		tree.AppendChild(n, c)
		n = c
	}
	tree.AppendChild(n, tree.NewNode(html.TextNode, 0, "bottom", ""))
	count, leaves := 0, 0
	Walk(root, func(Node) Step { count++; return Descend }, func(Node) { leaves++ })
	if count != 100001 || leaves != count {
		t.Errorf("visited %d, left %d; want 100001 each", count, leaves)
	}
}

func TestElementsAndNext(t *testing.T) {
	doc := parse(t, `<div id=root>text<p id=a>x</p><!-- c --> <span id=b></span></div>`)
	var ids []string
	for c := range Elements(find(t, doc, "root")) {
		ids = append(ids, Attr(c, "id"))
	}
	if strings.Join(ids, ",") != "a,b" {
		t.Errorf("Elements = %v; want [a b]", ids)
	}
	if next := NextElement(find(t, doc, "a")); next.Nil() || Attr(next, "id") != "b" {
		t.Errorf("NextElement(#a) = %v; want #b", next)
	}
	if !NextElement(find(t, doc, "b")).Nil() {
		t.Error("NextElement of the last element is not nil")
	}
}

func TestRawText(t *testing.T) {
	doc := parse(t, `<pre id=root>line  one<br>line two<script>x()</script><style>p{}</style><span class=skip>gutter</span><b>!</b></pre>`)
	root := find(t, doc, "root")
	skip := func(n Node) bool { return Attr(n, "class") == "skip" }
	if got, want := RawText(root, skip), "line  one\nline two!"; got != want {
		t.Errorf("RawText = %q; want %q", got, want)
	}
	if got, want := RawText(root, nil), "line  one\nline twogutter!"; got != want {
		t.Errorf("RawText without skip = %q; want %q", got, want)
	}
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct{ ref, base, want string }{
		{"/a/b.jpg", "https://example.com/news/1", "https://example.com/a/b.jpg"},
		{"c.jpg", "https://example.com/news/1", "https://example.com/news/c.jpg"},
		{"  //cdn.example.org/x.png ", "https://example.com/", "https://cdn.example.org/x.png"},
		{"https://other.example/x", "https://example.com/", "https://other.example/x"},
		{"rel.html", "", "rel.html"},
		{"", "https://example.com/", ""},
		{"javascript:void(0)", "https://example.com/", ""},
		{"JavaScript:alert(1)", "", ""},
		{"/x", "%zz", "/x"}, // a base that does not parse leaves ref alone
	} {
		if got := Resolve(tc.ref, tc.base); got != tc.want {
			t.Errorf("Resolve(%q, %q) = %q; want %q", tc.ref, tc.base, got, tc.want)
		}
	}
}

func TestHasScheme(t *testing.T) {
	for _, tc := range []struct {
		ref  string
		want bool
	}{
		{"data:image/png", true}, {"DATA:x", true}, {"dat", false}, {"/data:x", false},
	} {
		if got := HasScheme(tc.ref, "data:"); got != tc.want {
			t.Errorf("HasScheme(%q) = %v; want %v", tc.ref, got, tc.want)
		}
	}
}

func TestCountWordsDoesNotAllocate(t *testing.T) {
	b := []byte("naïve café 日本語 text")
	if allocs := testing.AllocsPerRun(10, func() { _ = CountWords(b) }); allocs != 0 {
		t.Errorf("CountWords allocates %v times", allocs)
	}
}

// TestVisibleLen counts every byte but ASCII white space; a no-break
// space and other multi-byte letters count by their bytes.
func TestVisibleLen(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{" \n\t\r\f", 0},
		{"a b", 2},
		{" Hello,\tworld!\n", 12},
		{"\u00a0", 2},
		{"été x", 6},
		{"\v\x00", 2}, // vertical tab and NUL are not HTML white space
	} {
		if got := VisibleLen(c.in); got != c.want {
			t.Errorf("VisibleLen(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func BenchmarkVisibleLen(b *testing.B) {
	s := strings.Repeat("The quick brown fox jumps over the lazy dog.\n  ", 200)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = VisibleLen(s)
	}
}
