package parse

import (
	"context"
	"math/rand"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dom"
)

// TestTagSoup: on random tag soup (tags of every insertion mode, upper
// and lower case, attributes the builder reads, text, references,
// comments, CDATA, NULs) the builder's tree is x/net/html's, after the
// normalisations of dumpOurs and dumpRef and but for the inputs
// skipDifferential leaves out. The soup is the same on every run.
func TestTagSoup(t *testing.T) {
	iters := 50000
	if testing.Short() {
		iters = 5000
	}
	tags := strings.Fields("p div span a b i em strong li ul ol dl dt dd table tr td th tbody thead tfoot caption col colgroup form button select option optgroup h1 h2 h3 pre textarea title script style noscript template svg math mi mo mtext annotation-xml foreignObject desc g path iframe xmp plaintext nobr font center object applet marquee frameset frame head body html br hr img input image rb rt rp ruby rtc sub sup code s u small big tt listing menu main nav section article aside header footer address blockquote fieldset details summary figure figcaption search dialog area embed wbr param source track meta link base noframes noembed label keygen hgroup")
	bits := []string{"x", " ", "\n", "&amp;", "&", "<!--c-->", "</>", "<!DOCTYPE html>", "\x00", "y z", "<![CDATA[d]]>", "&copy", "--", "<", ">", "'", "\""}
	attrs := []string{"", " class=c", " href=h", " type=hidden", " encoding=text/html", " color=red", " id=S:0 hidden", " viewbox=1", " xlink:href=u", " a=1 b=2"}
	r := rand.New(rand.NewSource(7))
	n := 0
	for iter := 0; iter < iters; iter++ {
		var sb strings.Builder
		for k := r.Intn(40); k >= 0; k-- {
			switch r.Intn(3) {
			case 0:
				tg := tags[r.Intn(len(tags))]
				if r.Intn(4) == 0 {
					tg = strings.ToUpper(tg)
				}
				sb.WriteString("<" + tg + attrs[r.Intn(len(attrs))])
				if r.Intn(8) == 0 {
					sb.WriteString("/")
				}
				sb.WriteString(">")
			case 1:
				sb.WriteString("</" + tags[r.Intn(len(tags))] + ">")
			default:
				sb.WriteString(bits[r.Intn(len(bits))])
			}
		}
		s := sb.String()
		ref, rerr := parseReference([]byte(s))
		ours, err := build(context.Background(), s, nil)
		if (err != nil) != (rerr != nil) {
			t.Errorf("errors differ %q", s)
			continue
		}
		if err != nil || skipDifferential(s, ours, dom.FromHTML(ref, "").Root()) {
			continue
		}
		if d := firstDiff(dumpOurs(ours), dumpRef(dom.FromHTML(ref, "").Root())); d != "" {
			n++
			if n <= 5 {
				t.Errorf("%q:\n%s", s, d)
			}
		}
	}
	if n > 0 {
		t.Errorf("%d of %d inputs differ", n, iters)
	}
}
