package parse

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
)

// compact writes a tree in one line: an element as its name (namespaced
// ones as "svg:name"), its attributes sorted in brackets, its children in
// parentheses; text in double quotes, a comment as <!--text-->, a
// doctype as !name. The tree tests below read and write it by hand.
func compact(n dom.Node) string {
	var b strings.Builder
	var walk func(n dom.Node)
	walk = func(n dom.Node) {
		switch n.Type() {
		case html.TextNode:
			b.WriteString(`"` + n.Data() + `"`)
			return
		case html.CommentNode:
			b.WriteString("<!--" + n.Data() + "-->")
			return
		case html.DoctypeNode:
			b.WriteString("!" + n.Data())
			return
		case html.ElementNode:
			if n.Namespace() != "" {
				b.WriteString(n.Namespace() + ":")
			}
			b.WriteString(n.Data())
			if n.AttrLen() > 0 {
				var as []string
				for a := range n.Attrs() {
					k := a.Key
					if a.Namespace != "" {
						k = a.Namespace + ":" + k
					}
					as = append(as, k+"="+a.Val)
				}
				sort.Strings(as)
				b.WriteString("[" + strings.Join(as, " ") + "]")
			}
		}
		if n.FirstChild().Nil() {
			return
		}
		b.WriteString("(")
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			if c != n.FirstChild() {
				b.WriteString(" ")
			}
			walk(c)
		}
		b.WriteString(")")
	}
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		if c != n.FirstChild() {
			b.WriteString(" ")
		}
		walk(c)
	}
	return b.String()
}

// TestTreeConstruction: the tree the builder makes of each construct of
// the spec that extraction can tell apart, written by hand (want), and,
// where there is a tempting wrong tree, that one (not) — the tree a
// naive nesting of the tags would give. Each tree is also x/net/html's,
// but for "</>", which x/net/html turns into an empty comment.
func TestTreeConstruction(t *testing.T) {
	for _, tc := range []struct {
		name, in, want, not string
	}{
		// implied end tags
		{"p closes p", "<p>One<p>Two", `html(head body(p("One") p("Two")))`, `p("One" p("Two"))`},
		{"li closes li", "<ul><li>a<li>b</ul>", `html(head body(ul(li("a") li("b"))))`, `li("a" li("b"))`},
		{"dd and dt close each other", "<dl><dt>a<dd>b<dt>c</dl>", `html(head body(dl(dt("a") dd("b") dt("c"))))`, ""},
		{"a block closes p", "<p>a<div>b</div>", `html(head body(p("a") div("b")))`, `p("a" div("b"))`},
		{"li inside a div in an li stays", "<li><div><li>x", `html(head body(li(div) li("x")))`, ""},
		{"option closes option", "<select><option>a<option>b</select>", `html(head body(select(option("a") option("b"))))`, ""},
		{"rt closes rb", "<ruby>a<rb>b<rt>c<rp>d</ruby>", `html(head body(ruby("a" rb("b") rt("c") rp("d"))))`, ""},
		{"heading closes heading", "<h1>a<h2>b</h1>c", `html(head body(h1("a") h2("b") "c"))`, `h1("a" h2`},
		// stray end tags
		{"stray </p> makes an empty p", "x</p>y", `html(head body("x" p "y"))`, ""},
		{"</br> is a br", "x</br>y", `html(head body("x" br "y"))`, ""},
		{"unmatched end tag ignored", "<div>a</span>b</div>", `html(head body(div("ab")))`, ""},
		// formatting elements
		{"misnested b i", "<b><i>x</b>y</i>", `html(head body(b(i("x")) i("y")))`, `b(i("x") "y")`},
		{"formatting reopened after a block", "<p><b>x<p>y", `html(head body(p(b("x")) p(b("y"))))`, ""},
		{"a inside a closes it", "<a href=1>one<a href=2>two</a>", `html(head body(a[href=1]("one") a[href=2]("two")))`, `a[href=1]("one" a`},
		{"adoption agency moves the block", "<a>1<div>2</a>3</div>", `html(head body(a("1") div(a("2") "3")))`, ""},
		{"noah's ark keeps three", "<b><b><b><b>x</b></b></b></b><p>y", `html(head body(b(b(b(b("x")))) p("y")))`, ""},
		{"nobr in nobr", "<nobr>a<nobr>b", `html(head body(nobr("a") nobr("b")))`, ""},
		// forms and buttons
		{"nested form ignored", "<form><form>x</form>y", `html(head body(form("x") "y"))`, "form(form"},
		{"button closes button", "<button>a<button>b", `html(head body(button("a") button("b")))`, "button(button"},
		// tables
		{"text foster-parented before the table", "<table>text<tr><td>cell</table>", `html(head body("text" table(tbody(tr(td("cell"))))))`, `table("text"`},
		{"implied tbody and tr", "<table><td>x<td>y</table>", `html(head body(table(tbody(tr(td("x") td("y"))))))`, ""},
		{"p closed by table (no quirks)", "<!DOCTYPE html><p>a<table><tr><td>b</table>", `!html html(head body(p("a") table(tbody(tr(td("b"))))))`, ""},
		{"upper-case doctype name is no quirks", "<!DOCTYPE HTML><p>a<table><tr><td>b</table>", `!html html(head body(p("a") table(tbody(tr(td("b"))))))`, `p("a" table`},
		{"table text before a closing </ at the end is fostered whole", "<template><tr> </", `html(head(template(tr " </")) body)`, `tr(" ")`},
		{"a repeated attribute's value ending in / does not close the tag", "<math a a=/>0", `html(head body(math:math[a=]("0")))`, `math:math[a=] "0"`},
		{"nor after white space", "<math a a= />0", `html(head body(math:math[a=]("0")))`, `math:math[a=] "0"`},
		{"nor after a quote inside it", "<math a a=0\"/>0", `html(head body(math:math[a=]("0")))`, `math:math[a=] "0"`},
		{"p holds table in quirks mode", "<p>a<table><tr><td>b</table>", `html(head body(p("a" table(tbody(tr(td("b")))))))`, ""},
		{"a block foster-parented", "<table><div>d</div><tr><td>c</table>", `html(head body(div("d") table(tbody(tr(td("c"))))))`, ""},
		{"whitespace stays in the table", "<table> <tr> <td>c</td> </tr> </table>", `html(head body(table(" " tbody(tr(" " td("c") " ") " "))))`, ""},
		{"caption then table", "<table><caption>c<tr><td>x</table>", `html(head body(table(caption("c") tbody(tr(td("x"))))))`, ""},
		{"hidden input stays in the table", "<table><input type=hidden><input></table>", `html(head body(input table(input[type=hidden])))`, ""},
		{"formatting in a cell ends with it", "<table><tr><td><b>x</td><td>y</table>", `html(head body(table(tbody(tr(td(b("x")) td("y"))))))`, `td(b("y"))`},
		// template, select
		{"template holds rows", "<template><tr><td>x</td></tr></template>", `html(head(template(tr(td("x")))) body)`, ""},
		{"select in select closes it", "<select><option>a<select>b", `html(head body(select(option("a")) "b"))`, ""},
		// raw text, RCDATA, plaintext
		{"script is raw", "<script>if (a<b) {}</script>", `html(head(script("if (a<b) {}")) body)`, ""},
		{"escaped script", "<script><!--<script></script>--></script>x", `html(head(script("<!--<script></script>-->")) body("x"))`, ""},
		{"a stray < keeps a script escaped", "<script><!--a<<script></script>--></script>x", `html(head(script("<!--a<<script></script>-->")) body("x"))`, `body("--></script>x")`},
		{"an escaped script left open at the end", "<script><!--t<<script></script>", `html(head(script("<!--t<<script></script>")) body)`, ""},
		{"style is raw", "<style>p>a{}</style>", `html(head(style("p>a{}")) body)`, ""},
		{"title is RCDATA", "<title>a &amp; <b></title>", `html(head(title("a & <b>")) body)`, `title("a & " b`},
		{"textarea drops its first newline", "<textarea>\nx</textarea>", `html(head body(textarea("x")))`, ""},
		{"pre drops its first newline", "<pre>\n\ny</pre>", "html(head body(pre(\"\ny\")))", ""},
		{"xmp and iframe are raw", "<xmp><b></xmp><iframe><p>x</iframe>", `html(head body(xmp("<b>") iframe("<p>x")))`, ""},
		{"plaintext takes the rest", "<plaintext><b>x</plaintext>", `html(head body(plaintext("<b>x</plaintext>")))`, ""},
		{"noscript is markup", "<body><noscript><p>x</p></noscript>", `html(head body(noscript(p("x"))))`, `noscript("<p>`},
		{"noscript in head", "<head><noscript><link></noscript></head>", `html(head(noscript(link)) body)`, ""},
		// head elements after the head, body and html attributes
		{"meta after head goes to head", "<head></head><meta charset=x><p>y", `html(head(meta[charset=x]) body(p("y")))`, ""},
		{"title after the body started stays", "<p>a<title>t</title>", `html(head body(p("a" title("t"))))`, ""},
		{"body attributes merge", "<body a=1><body b=2 a=3>", `html(head body[a=1 b=2])`, ""},
		// foreign content
		{"svg keeps its text", "<svg><text>hi</text></svg>after", `html(head body(svg:svg(svg:text("hi")) "after"))`, ""},
		{"svg names adjusted", "<svg viewbox='0 0 1 1'><foreignobject><p>h</p></foreignobject></svg>", `html(head body(svg:svg[viewBox=0 0 1 1](svg:foreignObject(p("h")))))`, ""},
		{"a p breaks out of svg", "<svg><g><p>x", `html(head body(svg:svg(svg:g) p("x")))`, `svg:g(p`},
		{"math text integration point", "<math><mi><b>x</b></mi></math>", `html(head body(math:math(math:mi(b("x")))))`, ""},
		{"CDATA in svg", "<svg><![CDATA[a<b]]></svg>", `html(head body(svg:svg("a<b")))`, ""},
		{"CDATA in html is a comment", "<p><![CDATA[x]]>", `html(head body(p(<!--[CDATA[x]]-->)))`, ""},
		// character references
		{"named, legacy and numeric", "&amp; &copy &notit; &#x80; &#0; &#65", "html(head body(\"& \u00a9 \u00acit; \u20ac \ufffd A\"))", ""},
		{"attribute exception", "<a title='&copy=1&copyx&copy;&amp'>", "html(head body(a[title=&copy=1&copyx\u00a9&]))", ""},
		{"no digits, no reference", "&#x; &#; &", `html(head body("&#x; &#; &"))`, ""},
		{"references wider than their names", "&nLt; &nGt; &nGtv;<a title='&nGt;'>", "html(head body(\"\u226a\u20d2 \u226b\u20d2 \u226b\u0338\" a[title=\u226b\u20d2]))", `"&nLt;`},
		// comments and doctype
		{"comments", "<!-- a -- b --!><p>x<!--><!--->", `<!-- a -- b --> html(head body(p("x" <!----> <!---->)))`, ""},
		{"bogus comment", "<?php x ?><p>", `<!--?php x ?--> html(head body(p))`, ""},
		// text merging and NULs
		{"text around a dropped tag joins", "<p>a</>b</p>", `html(head body(p("ab")))`, `p("a" "b")`},
		{"NUL dropped in body", "a\x00b", `html(head body("ab"))`, ""},
		{"CR LF normalised", "<p>a\r\nb\rc</p>", "html(head body(p(\"a\nb\nc\")))", ""},
		// frameset
		{"frameset", "<frameset><frame></frameset>", `html(head frameset(frame))`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := build(context.Background(), tc.in, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := compact(doc)
			if got != tc.want {
				t.Errorf("%q\n got: %s\nwant: %s", tc.in, got, tc.want)
			}
			if tc.not != "" && strings.Contains(got, tc.not) {
				t.Errorf("%q: the tree holds %s", tc.in, tc.not)
			}
		})
	}
}
