package parse

// Parse-only benchmarks over the AEB pages (one op is one pass over every
// page, as in the root package's benchmarks): the package's builder
// against x/net/html's html.Parse, on the same bytes.
//
//	go test -run '^$' -bench 'Tree' -benchmem -count 5 ./internal/parse

import (
	"testing"

	"github.com/winnow-go/winnow/internal/testpages"
)

var sink any

// BenchmarkTree is Parse's tree builder.
func BenchmarkTree(b *testing.B) {
	testpages.Bench(b, func(p testpages.Page) {
		doc, err := parse(p.HTML)
		if err != nil {
			b.Fatal(err)
		}
		sink = doc
	})
}

// BenchmarkTreeReference is x/net/html's parser, scripting off.
func BenchmarkTreeReference(b *testing.B) {
	testpages.Bench(b, func(p testpages.Page) {
		doc, err := parseReference(p.HTML)
		if err != nil {
			b.Fatal(err)
		}
		sink = doc
	})
}
