package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/batchtest"
)

// mislabelled is a page that declares German and is written in English,
// as some sites' templates do. (No "article" in it: the fake engine
// of these tests would answer instead of winnow.)
func mislabelled() string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="de"><head><title>Sea wall</title></head><body><main><h1>Harbour town votes to rebuild its sea wall</h1>`)
	for _, line := range strings.Split(strings.TrimSpace(wetEnglish), "\n")[1:] {
		b.WriteString("<p>" + line + "</p>\n")
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}

// TestExtractTargetLanguage: --target-language is decided by the text
// when the page declares another language; other pages are filtered (exit
// 1, nothing printed in text, status "filtered" and filter "lang" in JSON
// lines); unknown codes are a usage error naming the accepted ones.
func TestExtractTargetLanguage(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	if err := os.WriteFile(page, []byte(mislabelled()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("the text's language passes", func(t *testing.T) {
		r := runCLI(t, []string{"--target-language", "en", page}, "", nil)
		if r.code != exitOK || !strings.Contains(r.stdout, "sea wall") {
			t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("upper case and lists", func(t *testing.T) {
		r := runCLI(t, []string{"--target-language", "FR, EN", page}, "", nil)
		if r.code != exitOK {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	})
	t.Run("the declared language is filtered", func(t *testing.T) {
		r := runCLI(t, []string{"--target-language", "de", page}, "", nil)
		if r.code != exitNoArticle || r.stdout != "" || !strings.Contains(r.stderr, "filtered: language en, not de") {
			t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("JSON lines say filtered", func(t *testing.T) {
		r := runCLI(t, []string{"--target-language", "de", page, page}, "", nil)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if r.code != exitNoArticle || len(lines) != 2 {
			t.Fatalf("exit %d, %d lines, stderr %q", r.code, len(lines), r.stderr)
		}
		var l struct {
			Status, Filter, Language string
			DeclaredLanguage         string `json:"declared_language"`
		}
		if err := json.Unmarshal([]byte(lines[0]), &l); err != nil {
			t.Fatal(err)
		}
		if l.Status != "filtered" || l.Filter != "lang" || l.Language != "en" || l.DeclaredLanguage != "de" {
			t.Errorf("line = %+v", l)
		}
	})
	for _, bad := range []string{"xx", "english", "en-US", "en,zz"} {
		t.Run("unknown "+bad, func(t *testing.T) {
			r := runCLI(t, []string{"--target-language", bad, page}, "", nil)
			if r.code != exitUsage || !strings.Contains(r.stderr, "unknown language") || !strings.Contains(r.stderr, " sw ") {
				t.Errorf("exit %d, stderr %q", r.code, r.stderr)
			}
		})
	}
}

// TestBatchLangDecidedByText: batch --lang reads the same language, and
// refuses unknown codes.
func TestBatchLangDecidedByText(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc.gz")
	err := batchtest.WriteWARC(in, true, []batchtest.Page{{URL: "https://a.test/wall", Body: []byte(mislabelled())}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang string
		kept bool
	}{{"en", true}, {"de", false}} {
		out := filepath.Join(dir, tt.lang+".jsonl")
		var stderr bytes.Buffer
		if code := batchMain([]string{"-q", "--lang", tt.lang, "-o", out, in}, &stderr); code != exitOK {
			t.Fatalf("--lang %s: exit %d: %s", tt.lang, code, stderr.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if kept := strings.Contains(string(data), `"status":"ok"`); kept != tt.kept {
			t.Errorf("--lang %s: kept %v, want %v: %s", tt.lang, kept, tt.kept, data)
		}
	}
	var stderr bytes.Buffer
	if code := batchMain([]string{"-q", "--lang", "en,xx", "-o", filepath.Join(dir, "x.jsonl"), in}, &stderr); code != exitUsage || !strings.Contains(stderr.String(), `unknown language "xx"`) {
		t.Errorf("--lang en,xx: exit %d, stderr %q", code, stderr.String())
	}
}
