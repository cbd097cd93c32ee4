package winnow_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/winnow-go/winnow"
)

const prose = `<p>The council voted on Tuesday to close two branch libraries next spring, after a debate that ran past midnight and drew more than a hundred residents to the chamber.</p>
<p>Supporters of the plan said the savings would keep the central library open on Sundays, while opponents warned that older residents would lose the only service within walking distance.</p>`

func page(body string) string {
	return "<!doctype html><html><head><title>Libraries</title></head><body><article>" + body + "</article></body></html>"
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// TestHostileInput feeds the whole pipeline input that breaks naive
// extractors. Each case must give an article or a clear error, never a
// panic or a silent empty success.
func TestHostileInput(t *testing.T) {
	deep := strings.Repeat("<div>", 10000) + prose + strings.Repeat("</div>", 10000)
	big := page(strings.Repeat(prose, 12<<20/len(prose)))
	// 20 MB once gunzipped, 60 KB on disk: over DefaultMaxBytes.
	overDefault := gz([]byte(page(strings.Repeat(prose, 20<<20/len(prose)))))
	cyrillic, _ := charmap.Windows1251.NewEncoder().String(page("<p>Городской совет во вторник проголосовал за закрытие двух районных библиотек следующей весной после долгих споров жителей.</p><p>Сторонники плана заявили, что экономия позволит центральной библиотеке работать по воскресеньям, а противники предупредили о последствиях.</p>"))
	full := []byte(page(prose))
	tests := []struct {
		name    string
		in      []byte
		wantErr error  // nil: an article is expected
		want    string // a phrase the article must hold
	}{
		{"empty", nil, winnow.ErrEmpty, ""},
		{"whitespace", []byte(" \n\t "), winnow.ErrEmpty, ""},
		{"binary", []byte{0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00, 0x7f, 0x00}, winnow.ErrBinary, ""},
		{"png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...), winnow.ErrBinary, ""},
		{"gzipped html", gz(full), nil, "branch libraries"},
		{"gzip cut short", gz(full)[:20], winnow.ErrTruncatedGzip, ""},
		{"truncated html", full[:len(full)/2+120], nil, "branch libraries"},
		{"invalid utf-8", []byte(page(prose + "<p>bad \xff\xfe bytes</p>")), nil, "branch libraries"},
		{"wrong charset declared", []byte(strings.Replace(page(prose), "<head>", `<head><meta charset="iso-8859-1">`, 1) + "é"), nil, "branch libraries"},
		{"windows-1251 undeclared", []byte(cyrillic), nil, "библиотек"},
		{"10000-deep nesting", []byte(page(deep)), nil, "branch libraries"},
		{"12 MB page", []byte(big), nil, "branch libraries"},
		{"gzipped page over the default cap", overDefault, winnow.ErrTooLarge, ""},
		{"too large", bytes.Repeat([]byte("a"), 2048), winnow.ErrTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := winnow.Options{}
			if tt.name == "too large" {
				opts.MaxBytes = 1024
			}
			a, err := winnow.Extract(tt.in, opts)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if a != nil {
					t.Errorf("got an article beside error %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if !utf8.ValidString(a.Text) {
				t.Error("text is not valid UTF-8")
			}
			if !strings.Contains(a.Text, tt.want) {
				t.Errorf("text lacks %q: %.300q", tt.want, a.Text)
			}
		})
	}
}

// TestReaderShapeInvariance checks that how the bytes arrive does not
// change the result.
func TestReaderShapeInvariance(t *testing.T) {
	in := []byte(page("<h2>Why</h2>" + prose + "<ul><li>One item of the list here.</li><li>Another item of the list.</li></ul>"))
	want, err := winnow.Extract(in, winnow.Options{})
	if err != nil {
		t.Fatal(err)
	}
	readers := map[string]func() *bytes.Reader{"whole": func() *bytes.Reader { return bytes.NewReader(in) }}
	for name, wrap := range map[string]func(r *bytes.Reader) interface{ Read([]byte) (int, error) }{
		"one byte": func(r *bytes.Reader) interface{ Read([]byte) (int, error) } { return iotest.OneByteReader(r) },
		"half":     func(r *bytes.Reader) interface{ Read([]byte) (int, error) } { return iotest.HalfReader(r) },
		"whole":    func(r *bytes.Reader) interface{ Read([]byte) (int, error) } { return r },
	} {
		t.Run(name, func(t *testing.T) {
			got, err := winnow.ExtractReader(context.Background(), wrap(readers["whole"]()), winnow.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != want.Text || len(got.Blocks) != len(want.Blocks) {
				t.Errorf("text differs:\n got %q\nwant %q", got.Text, want.Text)
			}
		})
	}
}

// TestContextCancelled checks that a dead context stops the work.
func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := winnow.ExtractContext(ctx, []byte(page(prose)), winnow.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestLoggerHearsDecisions checks that a Logger, when given, is told how
// the page was decoded and what came of it.
func TestLoggerHearsDecisions(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if _, err := winnow.Extract([]byte(page(prose)), winnow.Options{Logger: logger}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"charset=utf-8", "status=ok"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, buf.String())
		}
	}
}
