package decode

import (
	"bytes"
	"compress/gzip"
	"errors"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/winnow-go/winnow/internal/bombtest"
	"github.com/winnow-go/winnow/internal/testpages"
)

// page wraps body in a small HTML page with head markup before it.
func page(head, body string) string {
	return "<!DOCTYPE html>\n<html><head>" + head + "<title>t</title></head>\n<body><p>" + body + "</p></body></html>\n"
}

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDecodeCharsets encodes each sample in its charsets and decodes it
// back with the charset declared in the header, in a meta, or not at all.
func TestDecodeCharsets(t *testing.T) {
	for _, sc := range sampleCharsets {
		for _, cs := range sc.charsets {
			text := sample(t, sc.lang, cs)
			tests := []struct {
				how, contentType, meta, wantSource string
			}{
				{"header", "text/html; charset=" + cs, "", SourceHeader},
				{"meta", "", `<meta charset="` + cs + `">`, SourceMeta},
				{"http-equiv", "", `<meta http-equiv="Content-Type" content="text/html; charset=` + cs + `">`, SourceMeta},
				{"undeclared", "", "", SourceDetected},
			}
			for _, tt := range tests {
				t.Run(sc.lang+"/"+cs+"/"+tt.how, func(t *testing.T) {
					data := encode(t, page(tt.meta, text), cs)
					res, err := Decode(data, Options{ContentType: tt.contentType})
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Contains(res.Text, []byte(text)) {
						t.Errorf("decoded text differs:\n got %.120q\nwant %.120q", body(res.Text), text)
					}
					if !sameLetters(res.Charset, cs) || res.Source != tt.wantSource {
						t.Errorf("charset %s from %s, want %s from %s", res.Charset, res.Source, cs, tt.wantSource)
					}
				})
			}
		}
	}
}

// body cuts the sample paragraph out of a decoded test page.
func body(text []byte) string {
	s := string(text)
	if i := strings.Index(s, "<p>"); i >= 0 {
		s = s[i+3:]
	}
	return s
}

// TestDecodeDeclarations covers declarations that disagree with the bytes
// or with each other.
func TestDecodeDeclarations(t *testing.T) {
	ru := sample(t, "ru", "windows-1251")
	ru1251 := encode(t, page("", ru), "windows-1251")
	tests := []struct {
		name          string
		data          []byte
		contentType   string
		wantText      string
		wantCharset   string
		wantSource    string
		wantOverruled string
	}{
		{
			name:        "latin1 header on windows-1251 bytes",
			data:        ru1251,
			contentType: "text/html; charset=ISO-8859-1",
			wantText:    ru, wantCharset: "windows-1251", wantSource: SourceDetected,
			wantOverruled: "header:windows-1252",
		},
		{
			name:        "windows-1252 header on UTF-8 bytes",
			data:        []byte(page("", ru)),
			contentType: "text/html; charset=windows-1252",
			wantText:    ru, wantCharset: "utf-8", wantSource: SourceDetected,
			wantOverruled: "header:windows-1252",
		},
		{
			name:        "header beats a meta that disagrees",
			data:        encode(t, page(`<meta charset="utf-8">`, ru), "windows-1251"),
			contentType: "text/html; charset=windows-1251",
			wantText:    ru, wantCharset: "windows-1251", wantSource: SourceHeader,
		},
		{
			name:        "meta beats an implausible header",
			data:        encode(t, page(`<meta charset="windows-1251">`, ru), "windows-1251"),
			contentType: "text/html; charset=utf-8",
			wantText:    ru, wantCharset: "windows-1251", wantSource: SourceMeta,
			wantOverruled: "header:utf-8",
		},
		{
			name:     "utf-8 meta on windows-1251 bytes",
			data:     encode(t, page(`<meta charset="utf-8">`, ru), "windows-1251"),
			wantText: ru, wantCharset: "windows-1251", wantSource: SourceDetected,
			wantOverruled: "meta:utf-8",
		},
		{
			name:     "utf-8 meta with a broken byte stays utf-8",
			data:     []byte(page(`<meta charset="utf-8">`, ru+"\xff")),
			wantText: ru + "\uFFFD", wantCharset: "utf-8", wantSource: SourceMeta,
		},
		{
			name:     "meta after a long comment and script",
			data:     encode(t, page("<!-- <meta charset=utf-8> -->"+strings.Repeat(" ", 900)+`<meta content="text/html; charset=koi8-r" http-equiv=content-type>`, sample(t, "ru", "koi8-r")), "koi8-r"),
			wantText: sample(t, "ru", "koi8-r"), wantCharset: "koi8-r", wantSource: SourceMeta,
		},
		{
			name:     "xml declaration",
			data:     encode(t, `<?xml version="1.0" encoding="windows-1251"?><html><body><p>`+ru+`</p></body></html>`, "windows-1251"),
			wantText: ru, wantCharset: "windows-1251", wantSource: SourceMeta,
		},
		{
			name:     "ascii with a declaration",
			data:     []byte(page(`<meta charset="windows-1250">`, "plain words")),
			wantText: "plain words", wantCharset: "windows-1250", wantSource: SourceMeta,
		},
		{
			name:     "ascii without a declaration",
			data:     []byte(page("", "plain words")),
			wantText: "plain words", wantCharset: "utf-8", wantSource: SourceDefault,
		},
		{
			name:        "unknown label is ignored",
			data:        []byte(page("", ru)),
			contentType: "text/html; charset=x-no-such-charset",
			wantText:    ru, wantCharset: "utf-8", wantSource: SourceDetected,
		},
		{
			name:        "replacement label is refused",
			data:        []byte(page("", ru)),
			contentType: "text/html; charset=iso-2022-kr",
			wantText:    ru, wantCharset: "utf-8", wantSource: SourceDetected,
		},
		{
			name:     "iso-2022-jp without a declaration",
			data:     encode(t, page("", sample(t, "ja", "iso-2022-jp")), "iso-2022-jp"),
			wantText: sample(t, "ja", "iso-2022-jp"), wantCharset: "iso-2022-jp", wantSource: SourceDetected,
		},
		{
			name:     "utf-8 BOM",
			data:     append([]byte("\xef\xbb\xbf"), page("", ru)...),
			wantText: ru, wantCharset: "utf-8", wantSource: SourceBOM,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode(tt.data, Options{ContentType: tt.contentType})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(res.Text, []byte(tt.wantText)) {
				t.Errorf("text %.120q does not hold %.60q", body(res.Text), tt.wantText)
			}
			if res.Charset != tt.wantCharset || res.Source != tt.wantSource || res.Overruled != tt.wantOverruled {
				t.Errorf("got %s from %s (overruled %q), want %s from %s (overruled %q)",
					res.Charset, res.Source, res.Overruled, tt.wantCharset, tt.wantSource, tt.wantOverruled)
			}
			if bytes.HasPrefix(res.Text, bomUTF8) {
				t.Error("BOM not stripped")
			}
		})
	}
}

func utf16(t testing.TB, s string, e unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecodeHostile is the table of inputs that must give a clear error or
// a sane result, never a panic.
func TestDecodeHostile(t *testing.T) {
	html := []byte(page(`<meta charset="utf-8">`, "Hello, world. "+strings.Repeat("Some words of text. ", 100)))
	bigGzip := gz(t, bytes.Repeat([]byte("<p>zzzzzzzz</p>"), 1<<20)) // 15 MiB inflated
	deep := []byte(strings.Repeat("<div>", 10000) + "deep text" + strings.Repeat("</div>", 10000))
	big := make([]byte, 0, 50<<20)
	big = append(big, "<html><body>"...)
	for len(big) < 50<<20 {
		big = append(big, "<p>Ein Absatz mit Umlauten: ä ö ü ß.</p>\n"...)
	}
	tests := []struct {
		name     string
		data     []byte
		opts     Options
		wantErr  error
		wantText string // a part of the text, when no error
	}{
		{name: "nil", data: nil, wantErr: ErrEmpty},
		{name: "empty", data: []byte{}, wantErr: ErrEmpty},
		{name: "whitespace", data: []byte(" \n\t\r\n  "), wantErr: ErrEmpty},
		{name: "BOM only", data: []byte("\xef\xbb\xbf \n"), wantErr: ErrEmpty},
		{name: "UTF-16 spaces", data: utf16(t, "   ", unicode.LittleEndian, unicode.UseBOM), wantErr: ErrEmpty},
		{name: "gzipped whitespace", data: gz(t, []byte("   \n")), wantErr: ErrEmpty},
		{name: "NUL bytes", data: append([]byte("<html>"), make([]byte, 200)...), wantErr: ErrBinary},
		{name: "random bytes", data: pseudoRandom(4096), wantErr: ErrBinary},
		{name: "PNG", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: ErrBinary},
		{name: "JPEG", data: []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), wantErr: ErrBinary},
		{name: "PDF", data: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), wantErr: ErrBinary},
		{name: "ZIP", data: []byte("PK\x03\x04\x14\x00\x00\x00"), wantErr: ErrBinary},
		{name: "gzipped PNG", data: gz(t, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), wantErr: ErrBinary},
		{name: "gzip nested too deep", data: gz(t, gz(t, gz(t, gz(t, html)))), wantErr: ErrBinary},
		{name: "gzip with bad header", data: []byte("\x1f\x8b\x08\xff\xff\xff"), wantErr: ErrTruncatedGzip},
		{name: "gzip header only", data: gz(t, html)[:12], wantErr: ErrTruncatedGzip},
		{name: "gzip cut short early", data: gz(t, html)[:30], wantErr: ErrTruncatedGzip},
		{name: "gzip bomb over the cap", data: bigGzip, opts: Options{MaxBytes: 1 << 20}, wantErr: ErrTooLarge},
		{name: "plain input over the cap", data: html, opts: Options{MaxBytes: 100}, wantErr: ErrTooLarge},
		{name: "gzipped HTML", data: gz(t, html), wantText: "Hello, world."},
		{name: "gzipped twice", data: gz(t, gz(t, html)), wantText: "Hello, world."},
		{name: "gzip multi-member", data: append(gz(t, []byte("<p>first member</p>")), gz(t, []byte("<p>second member</p>"))...), wantText: "first member</p><p>second member"},
		{name: "gzip with trailing junk", data: append(gz(t, html), "junk after the stream"...), wantText: "Hello, world."},
		{name: "gzip bomb under the cap", data: bigGzip, wantText: "<p>zzzzzzzz</p>"},
		{name: "invalid UTF-8", data: []byte("<p>caf\xc3\xa9 and \xc3\xa9t\xc3\xa9 \xff\xfe end</p>"), wantText: "café and été \uFFFD"},
		{name: "truncated HTML", data: html[:len(html)/2], wantText: "Hello, world."},
		{name: "UTF-16LE with BOM", data: utf16(t, page("", "Привет, мир"), unicode.LittleEndian, unicode.UseBOM), wantText: "Привет, мир"},
		{name: "UTF-16BE with BOM", data: utf16(t, page("", "Привет, мир"), unicode.BigEndian, unicode.UseBOM), wantText: "Привет, мир"},
		{name: "UTF-16LE without BOM", data: utf16(t, page("", "Grüße"), unicode.LittleEndian, unicode.IgnoreBOM), wantText: "Grüße"},
		{name: "UTF-16 odd length", data: append(utf16(t, page("", "Grüße"), unicode.BigEndian, unicode.UseBOM), 'x'), wantText: "Grüße"},
		{name: "10000-deep nesting", data: deep, wantText: "deep text"},
		{name: "50 MB page", data: big, opts: Options{MaxBytes: 64 << 20}, wantText: "Ein Absatz mit Umlauten: ä ö ü ß."},
		{name: "lone high bytes", data: []byte("\x80\x81\xfe\xff"), wantText: ""},
		{name: "text that is not markup", data: []byte("Just a line of text.\nAnd another one."), wantText: "And another one."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode(tt.data, tt.opts)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if !utf8.Valid(res.Text) {
				t.Error("output is not valid UTF-8")
			}
			if !bytes.Contains(res.Text, []byte(tt.wantText)) {
				t.Errorf("text %.200q does not hold %q", res.Text, tt.wantText)
			}
		})
	}
}

// pseudoRandom returns n reproducible bytes that look like compressed data.
func pseudoRandom(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

func TestDecodeTruncatedGzipKeepsPrefix(t *testing.T) {
	html := []byte(page("", strings.Repeat("A sentence of the article, numbered differently each time. ", 400)))
	z := gz(t, html)
	res, err := Decode(z[:len(z)*3/4], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Truncated || !res.Gzipped {
		t.Errorf("Truncated=%v Gzipped=%v, want both", res.Truncated, res.Gzipped)
	}
	if len(res.Text) < minTruncatedPrefix || !bytes.HasPrefix(html, res.Text) {
		t.Errorf("got %d bytes, want a prefix of the page", len(res.Text))
	}
}

func TestDecodeBinaryErrorSaysWhat(t *testing.T) {
	_, err := Decode([]byte("%PDF-1.4\n"), Options{})
	var be *BinaryError
	if !errors.As(err, &be) || be.Kind != "PDF document" {
		t.Fatalf("err = %v, want a BinaryError for a PDF", err)
	}
	if !strings.Contains(err.Error(), "PDF") {
		t.Errorf("message %q does not name the kind", err)
	}
}

// TestDecodeDoesNotCopyUTF8 checks that valid UTF-8 comes back as the
// same memory.
func TestDecodeDoesNotCopyUTF8(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		ct   string
	}{
		{"no declaration", []byte(page("", "Grüße aus Köln")), ""},
		{"header", []byte(page("", "Grüße aus Köln")), "text/html; charset=UTF-8"},
		{"meta", []byte(page(`<meta charset="utf-8">`, "Grüße aus Köln")), ""},
		{"BOM", append([]byte("\xef\xbb\xbf"), page("", "Grüße")...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode(tt.data, Options{ContentType: tt.ct})
			if err != nil {
				t.Fatal(err)
			}
			if &res.Text[len(res.Text)-1] != &tt.data[len(tt.data)-1] {
				t.Error("Text is a copy, want the input's memory")
			}
		})
	}
}

func TestCharsetParam(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text/html; charset=utf-8", "utf-8"},
		{"text/html;charset=\"Windows-1251\"", "Windows-1251"},
		{"text/html; CHARSET = 'koi8-r' ; q=1", "koi8-r"},
		{"text/html", ""},
		{"", ""},
		{"charset=", ""},
	}
	for _, tt := range tests {
		if got := charsetParam(tt.in); got != tt.want {
			t.Errorf("charsetParam(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrescan(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"meta charset", `<html><head><meta charset="gbk">`, "gbk"},
		{"unquoted", `<META CHARSET=shift_jis>`, "shift_jis"},
		{"http-equiv", `<meta http-equiv="content-type" content="text/html; charset=big5">`, "big5"},
		{"content first", `<meta content='text/html;charset=euc-kr' http-equiv='Content-Type'>`, "euc-kr"},
		{"in a comment", `<!-- <meta charset="gbk"> --><meta charset="utf-8">`, "utf-8"},
		{"other meta", `<meta name="description" content="charset=gbk">`, ""},
		{"xml", `<?xml version="1.0" encoding="ISO-8859-2"?>`, "ISO-8859-2"},
		{"too late", strings.Repeat(" ", prescanLen) + `<meta charset="gbk">`, ""},
		{"unclosed comment", `<!-- <meta charset="gbk">`, ""},
		{"stray equals", `<meta = charset="gbk">`, "gbk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := prescan([]byte(tt.in)); got != tt.want {
				t.Errorf("prescan = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"doctype", "<!DOCTYPE html><title>x</title>", true},
		{"html tag", "  \n<html lang=en><body>hi</body></html>", true},
		{"comment first", "<!-- saved page --><html>", true},
		{"xml declaration", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, true},
		{"fragment", "<p>One paragraph.</p>", true},
		{"div first", "<div class=a>x</div>", true},
		{"BOM then markup", "\ufeff<html>", true},
		{"dense tags after text", "Saved from a site\n" + strings.Repeat("<p>para <b>bold</b> and <a href=x>link</a></p>\n", 20), true},
		{"plain text", "Title of the article\nFirst paragraph of the text.\nSecond paragraph.\n", false},
		{"comparison", "We know that a < b and b > c, so a < c.\nThe end.", false},
		{"heart", "I <3 this city.\n", false},
		{"angle quotes", "He said <<no>> twice.\n", false},
		{"one quoted tag", "To break a line in HTML write <br> in the source.\n" + strings.Repeat("More plain prose follows here. ", 50), false},
		{"unknown tags", "<Reuters> reported. <Ends>\n", false},
		{"email", "Write to <editor@example.com> for corrections.\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeHTML([]byte(tt.text)); got != tt.want {
				t.Errorf("LooksLikeHTML = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestAEBPages decodes every dataset page and checks LooksLikeHTML on both
// the page and its reference text, a flattened article.
func TestAEBPages(t *testing.T) {
	for _, p := range testpages.LoadTB(t) {
		res, err := Decode(p.HTML, Options{})
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
			continue
		}
		if res.Charset != "utf-8" {
			t.Errorf("%s: charset %s from %s, want utf-8", p.ID, res.Charset, res.Source)
		}
		if !LooksLikeHTML(res.Text) {
			t.Errorf("%s: page does not look like HTML", p.ID)
		}
		if p.Truth != "" && LooksLikeHTML([]byte(p.Truth)) {
			t.Errorf("%s: reference text looks like HTML", p.ID)
		}
	}
}

func TestDecodeUTF16BinaryIsBinary(t *testing.T) {
	data := make([]byte, 512)
	for i := 0; i < len(data); i += 2 {
		data[i] = byte(i/2%7 + 1) // 16-bit little-endian numbers 1..7
	}
	if _, err := Decode(data, Options{}); !errors.Is(err, ErrBinary) {
		t.Fatalf("err = %v, want ErrBinary", err)
	}
}

// TestGzipBombAllocation: a gzip bomb stops inflating as soon as it passes
// the cap, whatever its shape, so what it costs is bounded by the cap and
// not by what it would expand to.
func TestGzipBombAllocation(t *testing.T) {
	const max = 1 << 20
	const bound = 4 << 20 // generous: the cap plus the reader's buffers
	paras := bombtest.GzipBomb(t, "<p>a</p>", 100<<20)
	zeros := bombtest.GzipBomb(t, "\x00", 100<<20)
	lying := bytes.Clone(paras) // a trailer that claims 4 GB
	copy(lying[len(lying)-4:], []byte{0xff, 0xff, 0xff, 0xff})
	members := append(bytes.Clone(paras), paras...)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"paragraphs", paras},
		{"zeros", zeros},
		{"gzip in gzip", gz(t, paras)},
		{"lying size in the trailer", lying},
		{"two members", members},
	} {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Decode(c.data, Options{MaxBytes: max})
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("err = %v, want ErrTooLarge", err)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > bound {
				t.Errorf("allocated %d KB for a %d KB bomb; want under %d KB", n>>10, len(c.data)>>10, bound>>10)
			}
		})
	}
}
