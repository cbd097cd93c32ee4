package parse

import (
	"bytes"
	"sync/atomic"

	"golang.org/x/net/html"
)

// reference, when set, makes Parse build its tree with x/net/html instead
// of the package's own builder: the differential tests compare the two on
// whole pages and on the whole pipeline.
var reference atomic.Bool

// UseReference makes Parse use x/net/html (on) or the package's own tree
// builder (off, the default) and returns a func that restores the
// setting. It is for the differential tests, which run one page through
// both; a page being parsed while it is called may be parsed by either.
func UseReference(on bool) (restore func()) {
	old := reference.Swap(on)
	return func() { reference.Store(old) }
}

// parseReference parses data with x/net/html, scripting off.
func parseReference(data []byte) (*html.Node, error) {
	return html.ParseWithOptions(bytes.NewReader(data), html.ParseOptionEnableScripting(false))
}
