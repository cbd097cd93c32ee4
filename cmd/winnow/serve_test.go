package main

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParseServe(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		wantErr bool
		check   func(t *testing.T, st serveSettings)
	}{
		{name: "defaults", check: func(t *testing.T, st serveSettings) {
			if st.addr != "127.0.0.1:8080" || st.config.MaxBody != 10<<20 || st.config.Fetch.AllowPrivate || !st.access {
				t.Errorf("defaults = %+v", st)
			}
		}},
		{name: "env sets", env: map[string]string{
			"WINNOW_ADDR": "127.0.0.1:9999", "WINNOW_MAX_BODY": "512KB", "WINNOW_TIMEOUT": "3s",
			"WINNOW_CONCURRENCY": "7", "WINNOW_QUEUE": "-1", "WINNOW_ALLOW_PRIVATE": "true",
			"WINNOW_FETCH_MAX_BYTES": "2MB", "WINNOW_REDIRECTS": "0",
			"WINNOW_BODY_TIMEOUT": "4s", "WINNOW_FETCHES": "9",
		}, check: func(t *testing.T, st serveSettings) {
			c := st.config
			if st.addr != "127.0.0.1:9999" || c.MaxBody != 512<<10 || c.Timeout != 3*time.Second ||
				c.BodyTimeout != 4*time.Second || c.Fetches != 9 ||
				c.Concurrency != 7 || c.Queue != -1 || !c.Fetch.AllowPrivate || c.Fetch.MaxBytes != 2<<20 ||
				c.Fetch.MaxRedirects != -1 {
				t.Errorf("from env = %+v", st)
			}
		}},
		{name: "flags win over env",
			args: []string{"-addr", "127.0.0.1:7000", "-concurrency=2", "-allow-private=false", "-max-body", "1000"},
			env:  map[string]string{"WINNOW_ADDR": "127.0.0.1:9999", "WINNOW_CONCURRENCY": "7", "WINNOW_ALLOW_PRIVATE": "1", "WINNOW_MAX_BODY": "5MB"},
			check: func(t *testing.T, st serveSettings) {
				if st.addr != "127.0.0.1:7000" || st.config.Concurrency != 2 || st.config.Fetch.AllowPrivate || st.config.MaxBody != 1000 {
					t.Errorf("flags over env = %+v", st)
				}
			}},
		{name: "access log off", args: []string{"-access-log=false"}, check: func(t *testing.T, st serveSettings) {
			if st.access {
				t.Error("-access-log=false left the access log on")
			}
		}},
		{name: "access log off by env", env: map[string]string{"WINNOW_ACCESS_LOG": "false"}, check: func(t *testing.T, st serveSettings) {
			if st.access {
				t.Error("WINNOW_ACCESS_LOG=false left the access log on")
			}
		}},
		{name: "bad env", env: map[string]string{"WINNOW_CONCURRENCY": "many"}, wantErr: true},
		{name: "bad env bool", env: map[string]string{"WINNOW_ALLOW_PRIVATE": "perhaps"}, wantErr: true},
		{name: "bad size", args: []string{"-max-body", "lots"}, wantErr: true},
		{name: "negative size", args: []string{"-max-body", "-5"}, wantErr: true},
		{name: "bad log level", args: []string{"-log-level", "loud"}, wantErr: true},
		{name: "zero timeout", args: []string{"-timeout", "0s"}, wantErr: true},
		{name: "zero body timeout", args: []string{"-body-timeout", "0s"}, wantErr: true},
		{name: "unknown flag", args: []string{"-nope"}, wantErr: true},
		{name: "stray argument", args: []string{"extra"}, wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			st, err := parseServe(c.args, func(k string) string { return c.env[k] }, &stderr)
			if c.wantErr {
				if err == nil {
					t.Fatalf("parseServe = %+v, want an error", st)
				}
				if stderr.Len() == 0 {
					t.Error("error not reported on stderr")
				}
				return
			}
			if err != nil {
				t.Fatalf("parseServe: %v (%s)", err, stderr.String())
			}
			c.check(t, st)
		})
	}
}

func TestServeExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"-h"}, exitOK},
		{[]string{"-bogus"}, exitUsage},
		{[]string{"-addr", "not-an-address"}, exitUsage},
	}
	for _, c := range cases {
		var stderr bytes.Buffer
		if got := serve(t.Context(), c.args, func(string) string { return "" }, &stderr); got != c.want {
			t.Errorf("serve %v = %d, want %d (%s)", c.args, got, c.want, stderr.String())
		}
	}
}

func TestParseSize(t *testing.T) {
	cases := []struct {
		in   string
		want int64
	}{
		{"1", 1}, {"1048576", 1 << 20}, {"10MB", 10 << 20}, {"10mb", 10 << 20}, {"512KB", 512 << 10},
		{"1GB", 1 << 30}, {"100B", 100}, {" 2 MB ", 2 << 20}, {"0", -1}, {"", -1}, {"MB", -1}, {"1.5MB", -1},
	}
	for _, c := range cases {
		got, err := parseSize(c.in)
		if c.want < 0 {
			if err == nil {
				t.Errorf("parseSize(%q) = %d, want an error", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeAccessLog: "winnow serve" logs a line per request to stderr
// by default, and none with -access-log=false.
func TestServeAccessLog(t *testing.T) {
	listening := regexp.MustCompile(`msg=listening addr=(http://\S+/)`)
	for _, on := range []bool{true, false} {
		var stderr lockedBuffer
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan int)
		args := []string{"-addr", "127.0.0.1:0", "-access-log=" + strconv.FormatBool(on)}
		go func() { done <- serve(ctx, args, func(string) string { return "" }, &stderr) }()
		var base string
		for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if m := listening.FindStringSubmatch(stderr.String()); m != nil {
				base = m[1]
			}
		}
		if base == "" {
			cancel()
			t.Fatalf("serve did not start: %s", stderr.String())
		}
		resp, err := http.Get(base + "healthz?token=SECRET")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		cancel()
		<-done
		logged := strings.Contains(stderr.String(), "msg=request method=GET path=/healthz status=200")
		if logged != on {
			t.Errorf("-access-log=%v: stderr %q", on, stderr.String())
		}
		if strings.Contains(stderr.String(), "SECRET") {
			t.Errorf("the query string was logged: %q", stderr.String())
		}
	}
}
