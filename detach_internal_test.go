package winnow

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/rules"
)

// eachString calls fn with every string under v and a path to it.
func eachString(path string, v reflect.Value, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			eachString(path+"."+v.Type().Field(i).Name, v.Field(i), fn)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachString(path+"[]", v.Index(i), fn)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			eachString(path+"{key}", it.Key(), fn)
			eachString(path+"{}", it.Value(), fn)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(path, v.Elem(), fn)
		}
	}
}

// The parser copies a page whose lines end in CR LF, whose <title> was
// left open, or that nests too deep: the result must not keep strings of
// those copies either (they would keep a whole page in memory).
func TestDetachParserCopies(t *testing.T) {
	body := strings.Repeat("<p>The council voted on Tuesday to extend the cycle lanes along the river.</p>\n", 30)
	pages := map[string]string{
		"CR LF line ends": strings.ReplaceAll(`<html lang="en"><head><title>Cycle lanes</title>
<meta name="description" content="The council votes.">
<meta name="author" content="Jane Doe"></head><body><article><h1>Cycle lanes</h1>`+body+`</article></body></html>`, "\n", "\r\n"),
		"an open title": `<html><head><title>Cycle lanes<meta name="description" content="The council votes."></head><body><article><h1>Cycle lanes</h1>` +
			body + strings.Repeat("<p>More of the story, and still more of it.</p>", 40) + `</article></body></html>`,
		"deep nesting": `<html><head><title>Cycle lanes</title><meta name="description" content="The council votes."></head><body><article><h1>Cycle lanes</h1>` +
			strings.Repeat("<div>", 600) + body + strings.Repeat("</div>", 600) + `</article></body></html>`,
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			doc, shared, shape, err := parseInput(ctx, []byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer shared.Release()
			a, err := extractTree(ctx, doc, shape, Options{Explain: true}, rules.TuningFrom(ctx))
			if a == nil {
				t.Fatalf("no article: %v", err)
			}
			held := 0
			eachString("article", reflect.ValueOf(a), func(_, s string) {
				if shared.Holds(s) {
					held++
				}
			})
			if held == 0 {
				t.Fatal("no string of the result points into the parsed text: the test reads nothing")
			}
			detach(a, err, shared.Holds)
			eachString("article", reflect.ValueOf(a), func(path, s string) {
				if shared.Holds(s) {
					t.Errorf("%s = %.40q points into the parsed text after detach", path, s)
				}
			})
		})
	}
}
