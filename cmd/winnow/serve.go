package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/fetch"
	"github.com/winnow-go/winnow/internal/server"
)

// serveEnv lists the environment variables "winnow serve" reads, each the
// default of the flag of the same name. A flag given on the command line
// wins over its variable.
var serveEnv = map[string]string{
	"addr":            "WINNOW_ADDR",
	"max-body":        "WINNOW_MAX_BODY",
	"timeout":         "WINNOW_TIMEOUT",
	"body-timeout":    "WINNOW_BODY_TIMEOUT",
	"concurrency":     "WINNOW_CONCURRENCY",
	"queue":           "WINNOW_QUEUE",
	"fetches":         "WINNOW_FETCHES",
	"allow-private":   "WINNOW_ALLOW_PRIVATE",
	"fetch-timeout":   "WINNOW_FETCH_TIMEOUT",
	"fetch-max-bytes": "WINNOW_FETCH_MAX_BYTES",
	"redirects":       "WINNOW_REDIRECTS",
	"grace":           "WINNOW_GRACE",
	"log-level":       "WINNOW_LOG_LEVEL",
	"access-log":      "WINNOW_ACCESS_LOG",
	"max-elements":    "WINNOW_MAX_ELEMENTS",
}

// runServe is the "winnow serve" subcommand: the HTTP API and web page.
func runServe(args []string) int {
	return serve(context.Background(), args, os.Getenv, os.Stderr)
}

// serveSettings is what the flags and environment of "winnow serve" say.
type serveSettings struct {
	addr   string
	grace  time.Duration
	level  slog.Level
	access bool // log a line per request
	config server.Config
}

// errHelp is returned by parseServe after printing the help.
var errHelp = flag.ErrHelp

// parseServe reads flags over environment variables. getenv is os.Getenv
// outside tests. Errors have been printed to stderr.
func parseServe(args []string, getenv func(string) string, stderr io.Writer) (serveSettings, error) {
	fs := flag.NewFlagSet("winnow serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		addr          = fs.String("addr", "127.0.0.1:8080", "listen address (host:port)")
		maxBody       = fs.String("max-body", "10MB", "cap on a request body and the page in it, on the wire and once gunzipped (bytes; KB/MB suffixes allowed)")
		timeout       = fs.Duration("timeout", server.DefaultTimeout, "deadline of one extraction, once the page is in hand (the body read, or the page fetched)")
		bodyTimeout   = fs.Duration("body-timeout", server.DefaultBodyTimeout, "how long a client may take to send its request body (408 past it); read before the request takes a slot")
		concurrency   = fs.Int("concurrency", 0, "extractions at once (0 = number of CPUs)")
		queue         = fs.Int("queue", 0, "requests that may wait for a slot before 503 (0 = 4 x concurrency, -1 = none)")
		fetches       = fs.Int("fetches", 0, "fetches at once, apart from the extraction slots (0 = 2 x (concurrency + queue))")
		allowPrivate  = fs.Bool("allow-private", false, "let fetches (GET /v1/extract, GET /{url}) reach loopback, private and link-local addresses (tests, intranets)")
		fetchTimeout  = fs.Duration("fetch-timeout", fetch.DefaultTimeout, "deadline of one fetch")
		fetchMaxBytes = fs.String("fetch-max-bytes", "10MB", "cap on a fetched page, after decompression")
		redirects     = fs.Int("redirects", fetch.DefaultMaxRedirects, "redirects a fetch follows (0 = none)")
		grace         = fs.Duration("grace", 30*time.Second, "how long shutdown waits for requests in flight")
		logLevel      = fs.String("log-level", "info", "log level: debug, info, warn or error")
		accessLog     = fs.Bool("access-log", true, "log a line per request to stderr (method, path without query, status, duration, bytes, page status), whatever -log-level says")
		maxElements   = elementBudget(winnow.DefaultMaxElements)
	)
	fs.Var(&maxElements, "max-elements", "cap on the start tags of an HTML page; a page over it gets 422 too_complex, before it is parsed (`N`; -1 = no cap)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: winnow serve [flags]\n\nRuns the HTTP API (POST/GET /v1/extract, GET /{url} Reader-style, /healthz, /metrics, /openapi.json)\nand the web page at /.\nEach flag's default comes from its environment variable when set; a flag on the command line wins.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nEnvironment:\n")
		fs.VisitAll(func(f *flag.Flag) { fmt.Fprintf(stderr, "  %-24s -%s\n", serveEnv[f.Name], f.Name) })
	}
	// Environment first, as defaults; Parse then overrides them with flags.
	for name, env := range serveEnv {
		if v := getenv(env); v != "" {
			if err := fs.Set(name, v); err != nil {
				err = fmt.Errorf("%s=%q: %v", env, v, err)
				fmt.Fprintf(stderr, "winnow serve: %v\n", err)
				return serveSettings{}, err
			}
		}
	}
	if err := fs.Parse(args); err != nil {
		return serveSettings{}, err
	}
	fail := func(format string, a ...any) (serveSettings, error) {
		err := fmt.Errorf(format, a...)
		fmt.Fprintf(stderr, "winnow serve: %v\n", err)
		return serveSettings{}, err
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q", fs.Arg(0))
	}
	body, err := parseSize(*maxBody)
	if err != nil {
		return fail("-max-body: %v", err)
	}
	fetchMax, err := parseSize(*fetchMaxBytes)
	if err != nil {
		return fail("-fetch-max-bytes: %v", err)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fail("-log-level: %v", err)
	}
	if *timeout <= 0 || *bodyTimeout <= 0 || *fetchTimeout <= 0 || *grace < 0 {
		return fail("timeouts must be positive")
	}
	if *redirects == 0 {
		*redirects = -1 // fetch.Options reads 0 as the default
	}
	return serveSettings{
		addr:   *addr,
		grace:  *grace,
		level:  level,
		access: *accessLog,
		config: server.Config{
			MaxBody:     body,
			Timeout:     *timeout,
			BodyTimeout: *bodyTimeout,
			Concurrency: *concurrency,
			Queue:       *queue,
			Fetches:     *fetches,
			MaxElements: int(maxElements),
			Fetch: fetch.Options{
				MaxBytes:     fetchMax,
				Timeout:      *fetchTimeout,
				MaxRedirects: *redirects,
				AllowPrivate: *allowPrivate,
			},
		},
	}, nil
}

// serve runs the server until SIGINT or SIGTERM (or ctx ends), then
// drains requests in flight.
func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) int {
	st, err := parseServe(args, getenv, stderr)
	if errors.Is(err, errHelp) {
		return exitOK
	} else if err != nil {
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: st.level}))
	st.config.Logger = log
	if st.access {
		// Its own logger: -log-level warn quiets the server's notes, not this.
		st.config.AccessLog = slog.New(slog.NewTextHandler(stderr, nil))
	}
	srv := server.New(st.config)
	ln, err := net.Listen("tcp", st.addr)
	if err != nil {
		fmt.Fprintf(stderr, "winnow serve: %v\n", err)
		return exitUsage
	}
	if st.config.Fetch.AllowPrivate {
		log.Warn("fetches may reach private and loopback addresses (-allow-private)")
	}
	log.Info("listening", "addr", "http://"+ln.Addr().String()+"/")
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx, ln, st.grace); err != nil {
		log.Error("shutdown", "err", err)
		return exitUsage
	}
	log.Info("stopped")
	return exitOK
}

// parseSize reads a byte count such as 1048576, 512KB or 10MB.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q (want a positive number of bytes, or KB/MB/GB)", s)
	}
	return n * mult, nil
}
