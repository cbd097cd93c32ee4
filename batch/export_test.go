package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"testing"
	"testing/iotest"
)

// CheckStream fails t unless NewReader, over the bytes of the file at path
// given in pieces of several sizes, yields the records Open yields.
func CheckStream(t testing.TB, path string, opts ReaderOptions) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() {
		return
	}
	if kind, err := sniff(path); err != nil || kind != kindWARC && kind != kindJSONL {
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := Drain(t, r, 10000)
	readers := map[string]func() io.Reader{
		"whole":    func() io.Reader { return bytes.NewReader(data) },
		"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
		"half":     func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
		"data+err": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(data)) },
	}
	for name, newR := range readers {
		sr, err := NewReader(path, newR(), opts)
		if err != nil {
			t.Fatalf("NewReader (%s): %v", name, err)
		}
		got := Drain(t, sr, 10000)
		if len(got) != len(want) {
			t.Errorf("NewReader (%s): %d records, Open %d", name, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if g, w := recordString(got[i]), recordString(want[i]); g != w {
				t.Errorf("NewReader (%s) record %d:\n got %s\nwant %s", name, i, g, w)
			}
		}
	}
}

// Drain reads r to its end, closes it and returns its records, failing
// the test on a read error or past max records (a reader that never stops).
func Drain(t testing.TB, r Reader, max int) []*Record {
	t.Helper()
	defer r.Close()
	var recs []*Record
	for {
		rec, err := r.Next()
		if rec != nil {
			recs = append(recs, rec)
		}
		if errors.Is(err, io.EOF) {
			return recs
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) > max {
			t.Fatal("reader does not stop")
		}
	}
}

// recordString is every field of rec.
func recordString(rec *Record) string {
	e := ""
	if rec.Err != nil {
		e = rec.Err.Error()
	}
	return fmt.Sprintf("%s@%d/%d file=%q id=%q url=%q date=%q status=%d ct=%q text=%v skip=%q err=%q body=%q",
		rec.Input, rec.Offset, rec.InMember, rec.File, rec.ID, rec.URL, rec.Date, rec.HTTPStatus,
		rec.ContentType, rec.Text, rec.Skip, e, rec.Body)
}
