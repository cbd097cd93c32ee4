package winnow_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
)

// The tree is parsed from the caller's page without a copy, so every
// string Extract returns must be its own: the caller may reuse the page.
// Every string of the result is checked (by reflection, so a field added
// later is checked too), then the page is overwritten and the result
// must read the same. The tree's memory is reused by the next page,
// which must not change the result either.
func TestResultOwnsItsStrings(t *testing.T) {
	var files []string
	for _, glob := range []string{"testdata/pages/*/input.html", "testdata/heldout*/html/*.html*"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 100 {
		t.Fatalf("found %d test pages, want at least 100", len(files))
	}
	variants := []winnow.Options{
		{},
		{Explain: true, Comments: true, Formatting: true, KeepLinks: true},
		{ArticlesOnly: true, Focus: winnow.Recall},
	}
	// The tree's nodes are reused by the next page: the last result must
	// read the same after the next extraction.
	var last *article.Article
	var lastJSON []byte
	for _, f := range files {
		page := readPage(t, f)
		for _, opts := range variants {
			opts.URL = "https://example.com/a/b.html"
			buf := bytes.Clone(page)
			a, err := winnow.Extract(buf, opts)
			if a == nil {
				continue
			}
			lo := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
			hi := lo + uintptr(len(buf))
			var nae *winnow.NoArticleError
			if errors.As(err, &nae) {
				checkStrings(t, f+": error", reflect.ValueOf(nae).Elem(), lo, hi)
			}
			checkStrings(t, f, reflect.ValueOf(a).Elem(), lo, hi)
			if opts.Explain {
				flat := bytes.Clone(page)
				out, err := winnow.Flatten(flat, opts)
				if err == nil {
					want := string(out)
					for i := range flat {
						flat[i] = 'Z'
					}
					if string(out) != want {
						t.Errorf("%s: Flatten's text changed when the page was overwritten", f)
					}
				}
			}
			if last != nil {
				if now, _ := json.Marshal(last); !bytes.Equal(now, lastJSON) {
					t.Errorf("%s: the result of the page before changed when this page was extracted", f)
				}
			}
			before, _ := json.Marshal(a)
			last, lastJSON = a, before
			for i := range buf {
				buf[i] = 'Z'
			}
			if after, _ := json.Marshal(a); !bytes.Equal(before, after) {
				t.Errorf("%s: the result changed when the page was overwritten", f)
			}
		}
	}
}

// checkStrings fails for each string under v whose bytes lie in [lo, hi).
func checkStrings(t *testing.T, path string, v reflect.Value, lo, hi uintptr) {
	t.Helper()
	winnow.EachString(path, v, func(path, s string) {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); len(s) > 0 && p >= lo && p < hi {
			t.Errorf("%s = %.40q points into the page", path, s)
		}
	})
}

// readPage reads a test page, gunzipping a .gz.
func readPage(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return b
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	b, err = io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
