package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/batchtest"
)

const wetEnglish = `Harbour town votes to rebuild its flooded sea wall before winter
Voters in the harbour town have backed a plan to rebuild the sea wall that failed during the spring storms, and the council says the work will start next month.
The new wall will be two metres higher than the old one, and the engineers who drew it up say it should hold against the kind of storm that now comes every few years.
Some residents had asked for a cheaper repair, but most of those who spoke at the meeting said they would rather pay once for a wall that lasts.
`

const wetGerman = `Die Stadt am Hafen baut ihre Mauer vor dem Winter neu
Die Bürger der Stadt haben einem Plan zugestimmt, die Mauer am Hafen neu zu bauen, die bei den Stürmen im Frühling nicht gehalten hat, und der Rat sagt, dass die Arbeit im nächsten Monat beginnt.
Die neue Mauer wird zwei Meter höher sein als die alte, und die Ingenieure sagen, dass sie auch gegen die Stürme halten soll, die jetzt alle paar Jahre kommen.
Einige Bürger wollten eine billigere Lösung, aber die meisten sagten bei der Versammlung, dass sie lieber einmal für eine Mauer zahlen, die lange hält.
`

// TestBatchLangWET: --lang keeps the WET (text mode) records in that
// language. Text mode used to leave the language empty, so --lang en
// dropped every WET record.
func TestBatchLangWET(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc.wet.gz")
	err := batchtest.WriteWARC(in, true, []batchtest.Page{
		{Type: "conversion", URL: "https://a.test/en", Body: []byte(wetEnglish)},
		{Type: "conversion", URL: "https://a.test/de", Body: []byte(wetGerman)},
	})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	var stderr bytes.Buffer
	if code := batchMain([]string{"-q", "--lang", "en", "-o", out, in}, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var l struct{ URL, Status, Language string }
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got = append(got, l.URL+" "+l.Status+" "+l.Language)
	}
	if want := "https://a.test/en ok en"; len(got) != 1 || got[0] != want {
		t.Errorf("lines = %q, want [%q]\n%s", got, want, stderr.String())
	}
}

// TestBatchArticlesOnly: a short record is ok with its page type by
// default, and too_short with --articles-only.
func TestBatchArticlesOnly(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc.wet.gz")
	short := "Road closed\nRoute 9 is closed near the quarry after a crash, the police said.\n"
	if err := batchtest.WriteWARC(in, true, []batchtest.Page{{Type: "conversion", URL: "https://a.test/news/road", Body: []byte(short)}}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "ok article"},
		{[]string{"--articles-only"}, "too_short article"},
	} {
		out := filepath.Join(dir, strings.Join(append([]string{"out"}, tt.args...), "")+".jsonl")
		var stderr bytes.Buffer
		if code := batchMain(append(append([]string{"-q"}, tt.args...), "-o", out, in), &stderr); code != exitOK {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var l struct {
			Status   string `json:"status"`
			PageType string `json:"page_type"`
		}
		if err := json.Unmarshal(bytes.TrimSpace(data), &l); err != nil {
			t.Fatalf("%v: %s", err, data)
		}
		if got := l.Status + " " + l.PageType; got != tt.want {
			t.Errorf("%v: %q, want %q", tt.args, got, tt.want)
		}
	}
}

// TestBatchGzipLayouts: every record of a .warc.gz gets its line, once,
// whether its gzip members hold one record, two, all of them (a WARC
// gzipped as one stream, as "gzip file.warc" makes) or a mix; unusable
// records in a row (an unsupported Content-Encoding) each get an error
// line, and the summary counts each. A one-stream WARC used to give one
// line, two records per member half of them, and error records after the
// first of a row neither a line nor a count.
func TestBatchGzipLayouts(t *testing.T) {
	var pages []batchtest.Page
	for i := range 9 {
		body := fmt.Sprintf("<html><body><article><h1>Story %d</h1><p>%s</p></article></body></html>", i, strings.ReplaceAll(wetEnglish, "\n", "</p><p>"))
		pages = append(pages, batchtest.Page{URL: fmt.Sprintf("https://a.test/%d", i), Body: []byte(body)})
		if i == 4 {
			for j := range 3 {
				pages = append(pages, batchtest.Page{URL: fmt.Sprintf("https://a.test/br%d", j),
					Header: "Content-Encoding: br\r\n", Body: []byte("\x1b\x2c\x00\xf8\x25")})
			}
		}
	}
	for _, tt := range []struct {
		name  string
		sizes []int
	}{
		{"one record per member", []int{1}},
		{"one gzip stream", []int{0}},
		{"two per member", []int{2}},
		{"mixed", []int{1, 3, 2, 0}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in.warc.gz")
			if err := batchtest.WriteWARCMembers(in, tt.sizes, pages); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out.jsonl")
			var stderr bytes.Buffer
			if code := batchMain([]string{"-j", "2", "-o", out, in}, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]string{}
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				var l struct{ URL, Status string }
				if err := json.Unmarshal([]byte(line), &l); err != nil {
					t.Fatalf("%v: %s", err, line)
				}
				if _, dup := seen[l.URL]; dup {
					t.Errorf("%s has two lines", l.URL)
				}
				seen[l.URL] = l.Status
			}
			for _, p := range pages {
				want := "ok"
				if p.Header != "" {
					want = "error"
				}
				if seen[p.URL] != want {
					t.Errorf("%s: status %q, want %q", p.URL, seen[p.URL], want)
				}
			}
			if len(seen) != len(pages) {
				t.Errorf("%d lines, want %d", len(seen), len(pages))
			}
			for _, want := range []string{
				fmt.Sprintf("%d lines in", len(pages)),
				fmt.Sprintf("  %-24s %d\n", "error", 3),
				fmt.Sprintf("  %-24s %d\n", "ok", len(pages)-3),
			} {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("summary does not say %q:\n%s", want, stderr.String())
				}
			}
		})
	}
}

// storyPage is an HTML page with one article.
func storyPage(title string) []byte {
	return []byte("<!doctype html><html lang=\"en\"><head><title>" + title + "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>" +
		title + "</h1><p>" + strings.ReplaceAll(strings.TrimSpace(wetEnglish), "\n", "</p><p>") + "</p><p>Read <b>more</b> at the <a href=\"/town\">town page</a>.</p></article><footer>© Town paper</footer></body></html>")
}

// batchLines runs winnow batch with args and returns the JSON lines it
// wrote to standard output (-o -) and its standard error.
func batchLines(t *testing.T, args ...string) ([]map[string]any, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := batchMainIO(append([]string{"-q", "-o", "-"}, args...), &stdout, &stderr)
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		lines = append(lines, m)
	}
	return lines, stderr.String(), code
}

// TestBatchStdout: -o - writes the lines to standard output, with no
// file named "-" and no checkpoint. It used to create a file named "-".
func TestBatchStdout(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc.gz")
	if err := batchtest.WriteWARC(in, true, []batchtest.Page{
		{URL: "https://a.test/1", Body: storyPage("One")},
		{URL: "https://a.test/2", Body: storyPage("Two")},
	}); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	lines, stderr, code := batchLines(t, in)
	if code != exitOK || len(lines) != 2 {
		t.Fatalf("exit %d, %d lines: %s", code, len(lines), stderr)
	}
	if !strings.Contains(stderr, "2 lines in standard output") {
		t.Errorf("summary: %s", stderr)
	}
	for _, name := range []string{"-", "-.ckpt"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s was written", name)
		}
	}
}

// TestBatchHTMLFile: a single .html file (or a file that starts with
// "<") is an input, as a folder of one page. It used to be refused as
// "not a WARC, WET or JSONL file".
func TestBatchHTMLFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"story.html", "story.htm.gz", "story"} {
		path := filepath.Join(dir, name)
		body := storyPage("One")
		if strings.HasSuffix(name, ".gz") {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(body)
			zw.Close()
			body = b.Bytes()
		}
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		lines, stderr, code := batchLines(t, path)
		if code != exitOK || len(lines) != 1 || lines[0]["status"] != "ok" || lines[0]["title"] != "One" {
			t.Fatalf("%s: exit %d, lines %v: %s", name, code, lines, stderr)
		}
		if src, _ := lines[0]["source"].(map[string]any); src["file"] != path {
			t.Errorf("%s: source %v", name, lines[0]["source"])
		}
	}
	notPage := filepath.Join(dir, "notes.txt")
	os.WriteFile(notPage, []byte("just text"), 0o644)
	if _, _, code := batchLines(t, notPage); code != exitUsage {
		t.Errorf("a text file: exit %d", code)
	}
}

// TestBatchExtractFlags: --explain, --precision, --recall and --format
// work as in extract; --format adds the article in that format to each
// line. They used to be unknown flags.
func TestBatchExtractFlags(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc")
	if err := batchtest.WriteWARC(in, false, []batchtest.Page{{URL: "https://a.test/1", Body: storyPage("One")}}); err != nil {
		t.Fatal(err)
	}
	one := func(args ...string) map[string]any {
		t.Helper()
		lines, stderr, code := batchLines(t, append(args, in)...)
		if code != exitOK || len(lines) != 1 {
			t.Fatalf("%v: exit %d, %d lines: %s", args, code, len(lines), stderr)
		}
		return lines[0]
	}
	plain := one()
	for _, f := range []string{"removed", "markdown", "html"} {
		if _, ok := plain[f]; ok {
			t.Errorf("default line has %q", f)
		}
	}
	if l := one("--explain"); l["removed"] == nil {
		t.Errorf("--explain: no removed list in %v", l)
	}
	if md, _ := one("--format", "markdown")["markdown"].(string); !strings.HasPrefix(md, "# One\n") || !strings.Contains(md, "\n\nVoters in the harbour town") {
		t.Errorf("--format markdown: %q", md)
	}
	if h, _ := one("--format", "html", "--links")["html"].(string); !strings.HasPrefix(h, "<!DOCTYPE html>") || !strings.Contains(h, "<h1>One</h1>") {
		t.Errorf("--format html: %q", h)
	}
	if l := one("--format", "text"); l["text"] != plain["text"] || l["markdown"] != nil {
		t.Errorf("--format text changed the line: %v", l)
	}
	prec, rec := one("--precision"), one("--recall")
	if len(prec["text"].(string)) > len(rec["text"].(string)) {
		t.Errorf("--precision kept more than --recall:\n%s\n%s", prec["text"], rec["text"])
	}
	for _, bad := range [][]string{{"--format", "json"}, {"--format", "pdf"}, {"--precision", "--recall"}} {
		if _, _, code := batchLines(t, append(bad, in)...); code != exitUsage {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}

// TestBatchKeepFilteredSummary: with --keep-filtered the summary counts
// the filtered lines it wrote. It used to leave them out.
func TestBatchKeepFilteredSummary(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc.gz")
	if err := batchtest.WriteWARC(in, true, []batchtest.Page{
		{URL: "https://a.test/1", Body: storyPage("One")},
		{URL: "https://a.test/2", Body: storyPage("One")},
		{URL: "https://a.test/3", Body: storyPage("One")},
	}); err != nil {
		t.Fatal(err)
	}
	lines, stderr, code := batchLines(t, "--dedupe", "--keep-filtered", in)
	if code != exitOK || len(lines) != 3 {
		t.Fatalf("exit %d, %d lines: %s", code, len(lines), stderr)
	}
	if !strings.Contains(stderr, "3 lines in standard output") {
		t.Errorf("summary does not count the 3 lines written:\n%s", stderr)
	}
}

// TestBatchCheckpointRemoved: the checkpoint is removed once the run is
// complete, and the same command again does the run again.
func TestBatchCheckpointRemoved(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc.gz")
	if err := batchtest.WriteWARC(in, true, []batchtest.Page{{URL: "https://a.test/1", Body: storyPage("One")}}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	for range 2 {
		var stderr bytes.Buffer
		if code := batchMain([]string{"-q", "-o", out, in}, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if _, err := os.Stat(out + ".ckpt"); err == nil {
			t.Error("checkpoint left after a complete run")
		}
		if data, _ := os.ReadFile(out); bytes.Count(data, []byte("\n")) != 1 {
			t.Errorf("output:\n%s", data)
		}
	}
}

// TestBatchFormattingAndComments: --formatting and --comments work as in
// extract: a block's marks and lang, a comments field, and both in the
// markdown of --format. They used to be unknown flags; without them the
// line is the one it was.
func TestBatchFormattingAndComments(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc")
	if err := batchtest.WriteWARC(in, false, []batchtest.Page{{URL: "https://a.test/rain", Body: []byte(formattedPage)}}); err != nil {
		t.Fatal(err)
	}
	raw := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := batchMainIO(append(append([]string{"-q", "-o", "-"}, args...), in), &stdout, &stderr); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		return stdout.String()
	}
	tests := []struct {
		args    []string
		want    []string
		mustNot []string
	}{
		{nil, []string{`"text":"The storm brought`}, []string{`"marks"`, `"lang":"python"`, `"comments"`, "cellar"}},
		{[]string{"--formatting"}, []string{`"marks":[`, `"kind":"bold"`, `"lang":"python"`}, []string{`"comments"`, "cellar"}},
		{[]string{"--comments"}, []string{`"comments":[`, "We had water in the cellar"}, []string{`"marks"`}},
		{[]string{"--format", "markdown", "--formatting", "--comments"},
			[]string{"It was **the wettest** week", "```python\\nprint(rain_mm)\\n```", "## Comments\\n\\nWe had water in the cellar for _three_ days"}, nil},
		{[]string{"--format", "markdown"}, []string{"It was the wettest week"}, []string{"**", "```python", "## Comments", "cellar"}},
	}
	for _, tt := range tests {
		got := raw(tt.args...)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: line lacks %q:\n%s", tt.args, w, got)
			}
		}
		for _, w := range tt.mustNot {
			if strings.Contains(got, w) {
				t.Errorf("%v: line holds %q:\n%s", tt.args, w, got)
			}
		}
	}
}
