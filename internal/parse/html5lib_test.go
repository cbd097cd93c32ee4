package parse

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/dataset"
	"github.com/winnow-go/winnow/internal/dom"
)

// The html5lib tree-construction tests (html5lib-tests, shipped inside
// golang.org/x/net's module as html/testdata/html5lib-tests): each case is
// an input and the tree the spec builds of it, dumped one node a line.
// TestHTML5Lib reads them where the go tool says x/net's module lives and
// checks the package's builder against them next to x/net/html.

// h5Case is one test of a .dat file.
type h5Case struct {
	line     int    // where its #data is
	data     string // the input, its last newline dropped
	fragment bool   // a #document-fragment case (left out: no fragment parsing)
	script   string // "on", "off" or "" (both modes)
	want     string // the #document dump, each line ending in a newline
}

// readH5 reads a .dat file. A test is "#data", its input lines up to
// "#errors", error lines (and maybe "#new-errors" and more), maybe
// "#document-fragment" and a context line, maybe "#script-on" or
// "#script-off", then "#document" and the dump, which runs up to the
// blank line before the next "#data" or the end of the file (a text
// node may hold blank lines, so a blank line alone does not end it).
func readH5(data []byte) ([]h5Case, error) {
	lines := strings.Split(string(data), "\n")
	var cases []h5Case
	i := 0
	for i < len(lines) {
		if lines[i] == "" {
			i++
			continue
		}
		if lines[i] != "#data" {
			return nil, fmt.Errorf("line %d: want #data, got %q", i+1, lines[i])
		}
		c := h5Case{line: i + 1}
		i++
		start := i
		for i < len(lines) && lines[i] != "#errors" {
			i++
		}
		if i == len(lines) {
			return nil, fmt.Errorf("line %d: no #errors", c.line)
		}
		c.data = strings.Join(lines[start:i], "\n")
		i++
		for i < len(lines) && lines[i] != "#document" {
			switch lines[i] {
			case "#document-fragment":
				c.fragment = true
				i++ // the context element
			case "#script-on":
				c.script = "on"
			case "#script-off":
				c.script = "off"
			}
			i++
		}
		if i >= len(lines) {
			return nil, fmt.Errorf("line %d: no #document", c.line)
		}
		i++
		start = i
		for i < len(lines) && !(lines[i] == "" && (i+1 == len(lines) || lines[i+1] == "#data")) {
			i++
		}
		for _, l := range lines[start:i] {
			c.want += l + "\n"
		}
		cases = append(cases, c)
	}
	return cases, nil
}

// dumpH5 writes a tree as the html5lib tests do: one node a line, "| "
// and two spaces per level; an element as <name> ("svg name", "math
// name" in foreign content), its attributes on the lines below it sorted
// by name ("xlink href" for a namespaced one), a template's children
// under a "content" line; text in double quotes, comments as <!-- x -->,
// a doctype with its public and system ids when it has either. Nothing
// is normalised: adjacent text nodes are written apart.
func dumpH5(doc dom.Node) string {
	var b strings.Builder
	var walk func(n dom.Node, level int)
	walk = func(n dom.Node, level int) {
		indent := "| " + strings.Repeat("  ", level)
		switch n.Type() {
		case html.TextNode:
			b.WriteString(indent + `"` + n.Data() + "\"\n")
		case html.CommentNode:
			b.WriteString(indent + "<!-- " + n.Data() + " -->\n")
		case html.DoctypeNode:
			b.WriteString(indent + "<!DOCTYPE " + n.Data())
			var pub, sys string
			hasIDs := false
			for at := range n.Attrs() {
				switch at.Key {
				case "public":
					pub, hasIDs = at.Val, true
				case "system":
					sys, hasIDs = at.Val, true
				}
			}
			if hasIDs {
				b.WriteString(` "` + pub + `" "` + sys + `"`)
			}
			b.WriteString(">\n")
		case html.ElementNode:
			name := n.Data()
			if n.Namespace() != "" {
				name = n.Namespace() + " " + name
			}
			b.WriteString(indent + "<" + name + ">\n")
			type kv struct{ k, v string }
			attrs := make([]kv, 0, n.AttrLen())
			for at := range n.Attrs() {
				k := at.Key
				if at.Namespace != "" {
					k = at.Namespace + " " + k
				}
				attrs = append(attrs, kv{k, at.Val})
			}
			sort.SliceStable(attrs, func(i, j int) bool { return attrs[i].k < attrs[j].k })
			for _, at := range attrs {
				b.WriteString(indent + "  " + at.k + `="` + at.v + "\"\n")
			}
			if n.DataAtom() == atom.Template && n.Namespace() == "" {
				b.WriteString(indent + "  content\n")
				level++
			}
		}
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			walk(c, level+1)
		}
	}
	for c := doc.FirstChild(); !c.Nil(); c = c.NextSibling() {
		walk(c, 0)
	}
	return b.String()
}

// TestReadH5: the reader splits a file into its cases, keeps blank lines
// inside a text node of the dump and inside the input, and notes the
// fragment and scripting cases; the dump writes a tree in the format.
func TestReadH5(t *testing.T) {
	file := "#data\n<p>a\n\nb\n#errors\n(1,3): expected-doctype-but-got-start-tag\n#document\n| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"a\n\nb\"\n\n" +
		"#data\n<b>\n#errors\n#new-errors\n(1:1) x\n#document-fragment\ntd\n#document\n| <b>\n\n" +
		"#data\n<noscript>\n#errors\n#script-on\n#document\n| <html>\n"
	cases, err := readH5([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 3 {
		t.Fatalf("%d cases, want 3", len(cases))
	}
	if c := cases[0]; c.data != "<p>a\n\nb" || c.fragment || c.script != "" || c.line != 1 {
		t.Errorf("first case: %+v", c)
	}
	doc, err := build(context.Background(), cases[0].data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := dumpH5(doc); got != cases[0].want {
		t.Errorf("dump\n%s\nwant\n%s", got, cases[0].want)
	}
	if c := cases[1]; c.data != "<b>" || !c.fragment || c.want != "| <b>\n" {
		t.Errorf("second case: %+v", c)
	}
	if c := cases[2]; c.script != "on" || c.want != "| <html>\n" {
		t.Errorf("third case: %+v", c)
	}
	for _, tc := range []struct{ in, want string }{
		{"<!DOCTYPE html PUBLIC \"p\"><template><b x=1 a=2>", "| <!DOCTYPE html \"p\" \"\">\n| <html>\n|   <head>\n|     <template>\n|       content\n|         <b>\n|           a=\"2\"\n|           x=\"1\"\n|   <body>\n"},
		{"<svg xlink:href=u><path/></svg>", "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       xlink href=\"u\"\n|       <svg path>\n"},
	} {
		doc, err := build(context.Background(), tc.in, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := dumpH5(doc); got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.in, got, tc.want)
		}
	}
}

// h5Failing are the cases the builder fails, by file and input, each
// with the reason it is left so. Keep it short: a difference that can
// change text or block structure is fixed in the builder. Those of them
// x/net/html passes are the known differences between the two; today
// there are none, and x/net/html fails all of these too.
var h5Failing = map[string]string{
	// A customizable <select>'s <selectedcontent> gets a copy of the
	// selected option's content as the option is closed (the select
	// parsing of 2025). The builder, like x/net/html, leaves it empty: a
	// copy would show the option's text twice, and extraction drops form
	// controls anyway.
	"webkit02.dat <select><button><selectedcontent></button><option>X":                   "selectedcontent not filled",
	"webkit02.dat <select><button><selectedcontent></button><option>x<i>i<b>ib</i>b":     "selectedcontent not filled",
	"webkit02.dat <select><button><selectedcontent></button><option>X<option>Y":          "selectedcontent not filled",
	"webkit02.dat <select><button><selectedcontent></button><option>X<option selected>Y": "selectedcontent not filled",
}

// h5Dir finds html5lib's tree-construction tests in x/net's module.
func h5Dir() (string, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("go tool not found: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-m", "-f", "{{.Dir}}", "golang.org/x/net").Output()
	if err != nil {
		return "", fmt.Errorf("go list -m golang.org/x/net: %v", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" {
		return "", fmt.Errorf("golang.org/x/net is not in the module cache (go mod download)")
	}
	dir := filepath.Join(mod, "html", "testdata", "html5lib-tests", "tree-construction")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", fmt.Errorf("no html5lib tests in %s", dir)
	}
	return dir, nil
}

// buildSafe is build with a panic turned into an error.
func buildSafe(s string) (doc dom.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return build(context.Background(), s, nil)
}

// TestHTML5Lib runs every document case of the html5lib tree-construction
// tests that holds with scripting off (fragment and #script-on cases are
// left out and counted) through the builder and through x/net/html
// (scripting off), compares each tree with the expected dump, and logs
// each file's passes for both. The builder must pass every case but those
// of h5Failing, so every case x/net/html passes but those too.
func TestHTML5Lib(t *testing.T) {
	dir, err := h5Dir()
	if err != nil {
		if dataset.Required() {
			t.Fatal("html5lib tests missing under CI: " + err.Error())
		}
		t.Skip("skipped, html5lib tests not found (CI=true or WINNOW_REQUIRE_DATA=1 makes this a failure): " + err.Error())
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.dat"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .dat files in %s: %v", dir, err)
	}
	var total, ours, ref, fragments, scriptOn int
	seen := map[string]bool{}
	var known []string // listed cases x/net/html passes
	var summary bytes.Buffer
	w := bufio.NewWriter(&summary)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := readH5(data)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(f), err)
		}
		name := filepath.Base(f)
		var n, okOurs, okRef int
		for _, c := range cases {
			switch {
			case c.fragment:
				fragments++
				continue
			case c.script == "on":
				scriptOn++
				continue
			}
			n++
			doc, err := buildSafe(c.data)
			got := ""
			if err != nil {
				got = "error: " + err.Error() + "\n"
			} else {
				got = dumpH5(doc)
			}
			oursPass := got == c.want
			refDoc, rerr := html.ParseWithOptions(strings.NewReader(c.data), html.ParseOptionEnableScripting(false))
			refPass := rerr == nil && dumpH5(dom.FromHTML(refDoc, "").Root()) == c.want
			if oursPass {
				okOurs++
			}
			if refPass {
				okRef++
			}
			key := name + " " + c.data
			_, listed := h5Failing[key]
			switch {
			case listed && oursPass:
				t.Errorf("%s:%d: %q is listed in h5Failing, but the builder passes it", name, c.line, c.data)
			case listed && refPass:
				known = append(known, fmt.Sprintf("%s:%d %q: %s", name, c.line, c.data, h5Failing[key]))
			case listed:
			case !oursPass && refPass:
				t.Errorf("%s:%d: x/net/html passes, the builder does not: %q\n got:\n%swant:\n%s", name, c.line, c.data, got, c.want)
			case !oursPass:
				t.Errorf("%s:%d: the builder fails (x/net/html too): %q\n got:\n%swant:\n%s", name, c.line, c.data, got, c.want)
			}
			if listed {
				seen[key] = true
			}
		}
		fmt.Fprintf(w, "%-44s %4d cases: builder %4d, x/net/html %4d\n", name, n, okOurs, okRef)
		total += n
		ours += okOurs
		ref += okRef
	}
	w.Flush()
	for key := range h5Failing {
		if !seen[key] {
			t.Errorf("h5Failing lists %q, which matches no case", key)
		}
	}
	if len(known) > 0 {
		t.Logf("known differences (x/net/html passes, the builder does not):\n%s", strings.Join(known, "\n"))
	}
	t.Logf("per file:\n%s", summary.String())
	t.Logf("%d cases (%d fragment and %d scripting-on left out): builder passes %d, x/net/html %d", total, fragments, scriptOn, ours, ref)
}
