package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestFlattenDeepNesting: "winnow flatten" reads pages nested past the HTML
// parser's 512-element limit, as "winnow extract" does. It used to parse
// with x/net/html directly and fail on them.
func TestFlattenDeepNesting(t *testing.T) {
	page := "<p>top</p>" + strings.Repeat("<div>", 600) + "deep text" + strings.Repeat("</div>", 600)
	var stdout, stderr bytes.Buffer
	if code := flatten(nil, strings.NewReader(page), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if got := stdout.String(); got != "top\ndeep text\n" {
		t.Errorf("flatten = %q", got)
	}
}
