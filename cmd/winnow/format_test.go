package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// formattedPage is an article with bold, italic, inline code, a code
// block with its language, and a comment section.
var formattedPage = `<html><head><title>Rain totals</title></head><body><article><h1>Rain totals</h1>` +
	strings.Repeat("<p>The storm brought more rain to the coast than any storm in the last ten years, the office said.</p>", 4) +
	`<p>It was <strong>the wettest</strong> week, said <em>the office</em>, and <code>rain_mm</code> shows it.</p>` +
	`<pre><code class="language-python">print(rain_mm)</code></pre>` +
	`</article><section id="comments"><div class="comment"><p>We had water in the cellar for <em>three</em> days after the storm.</p></div></section></body></html>`

// TestExtractFormattingAndComments runs the real engine: --formatting
// keeps bold, italic, inline code and a code block's language in
// Markdown and HTML and leaves text as it was; --comments writes the
// comment section after the body, under a "Comments" heading.
func TestExtractFormattingAndComments(t *testing.T) {
	page := formattedPage
	dir := writeFiles(t, t.TempDir(), map[string]string{"rain.html": page})
	in := filepath.Join(dir, "rain.html")
	run := func(args ...string) string {
		t.Helper()
		return runExtractOn(t, in, args...)
	}
	tests := []struct {
		args     []string
		want     []string
		mustNot  []string
		sameAsNo bool // the output is the one without the new flags
	}{
		{[]string{"--format", "markdown"}, []string{"It was the wettest week", "```\nprint"}, []string{"**", "cellar", "python"}, false},
		{[]string{"--format", "markdown", "--formatting"},
			[]string{"It was **the wettest** week, said _the office_, and `rain_mm` shows it.", "```python\nprint(rain_mm)\n```"}, []string{"cellar"}, false},
		{[]string{"--format", "html", "--formatting"},
			[]string{"It was <strong>the wettest</strong> week, said <em>the office</em>, and <code>rain_mm</code> shows it.", `<pre><code class="language-python">print(rain_mm)</code></pre>`}, nil, false},
		{[]string{"--format", "text", "--formatting"}, nil, nil, true},
		{[]string{"--format", "json", "--formatting"}, []string{`"marks": [`, `"kind": "bold"`, `"lang": "python"`}, []string{`"comments"`}, false},
		{[]string{"--format", "text", "--comments"}, []string{"shows it.\n\nprint(rain_mm)\n\nComments\n\nWe had water in the cellar for three days after the storm.\n"}, nil, false},
		{[]string{"--format", "markdown", "--comments", "--formatting"}, []string{"```\n\n## Comments\n\nWe had water in the cellar for _three_ days"}, nil, false},
		{[]string{"--format", "html", "--comments"}, []string{"</article>\n<section class=\"comments\">\n<h2>Comments</h2>\n<p>We had water in the cellar"}, nil, false},
		{[]string{"--format", "json", "--comments"}, []string{`"comments": [`}, []string{`"marks"`}, false},
	}
	for _, tt := range tests {
		got := run(tt.args...)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, got)
			}
		}
		for _, w := range tt.mustNot {
			if strings.Contains(got, w) {
				t.Errorf("%v: output holds %q:\n%s", tt.args, w, got)
			}
		}
		if tt.sameAsNo {
			var plain []string
			for _, a := range tt.args {
				if !strings.HasPrefix(a, "--formatting") && !strings.HasPrefix(a, "--comments") {
					plain = append(plain, a)
				}
			}
			if want := run(plain...); got != want {
				t.Errorf("%v: %q, want %q", tt.args, got, want)
			}
		}
	}
}
