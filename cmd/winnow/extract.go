package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/fetch"
	"github.com/winnow-go/winnow/render"
)

const extractUsage = `Usage: winnow extract [flags] [FILE|URL|-]...

Prints the article of each page. With no input, reads standard input.
Inputs are files (gzipped or not), http(s) URLs or - (standard input);
-i FILE adds one input a line (blank lines and # comments skipped) and
--input-dir DIR every file under DIR. Flags may come before or after the
inputs.

Output: one input prints in the chosen --format on standard output.
Several inputs print one JSON object per line (JSON lines, in input order,
each with "source": {"file": INPUT}); asking for another --format then
needs -o. With -o DIR each page is written to its own file in DIR, in the
chosen format: NAME.txt, .md, .html, .json or .jsonl, NAME being the
input's file name without its extensions (its path under --input-dir, kept
as folders), or a URL's host and path; "stdin" for -. Two inputs that
would get one name get NAME-2, NAME-3 (in input order); a file already in
DIR is replaced. A page without main content gets a file only in JSON.

Exit status: 0 main content was found, 1 none on the page (status empty,
blocked, needs_js or paywalled; with --articles-only also not_article or
too_short), 2 usage or I/O error; with several inputs, the worst of them.

Flags:
`

// extractConfig is the parsed command line of "winnow extract".
type extractConfig struct {
	format    render.Format
	render    render.Options
	opts      winnow.Options
	inputs    []string // named on the command line
	listFile  string   // -i: one input a line
	inputDir  string   // --input-dir
	outDir    string   // -o
	parallel  int
	userAgent string
	timeout   time.Duration
	explain   bool
	version   bool
	// targetLangs, from --target-language, keeps only pages in one of
	// these languages; the others are reported as filtered.
	targetLangs []string
	// formatSet says --format was given, so that several inputs do not
	// quietly print JSON lines instead of the format asked for.
	formatSet bool
}

// input is one page to read: path is a file, a URL or "-"; rel, for the
// files found under --input-dir, is the path under it, which names the
// output file.
type input struct {
	path, rel string
}

// extractEnv is what runExtract talks to, so tests can run it in-process.
type extractEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// fetch gets a URL; maxBytes caps its body once decompressed. nil
	// means winnow's fetcher, with the --user-agent and --timeout of the
	// command line.
	fetch   func(ctx context.Context, url string, maxBytes int64) (*fetch.Page, error)
	extract func(ctx context.Context, data []byte, opts winnow.Options) (*article.Article, error)
}

// runExtract is the "winnow extract" subcommand.
func runExtract(args []string) int {
	return extract(args, extractEnv{
		stdin:   os.Stdin,
		stdout:  os.Stdout,
		stderr:  os.Stderr,
		extract: winnow.ExtractContext,
	})
}

// fetchCapped fetches with opts and the cap of each call.
func fetchCapped(opts fetch.Options) func(ctx context.Context, url string, maxBytes int64) (*fetch.Page, error) {
	return func(ctx context.Context, url string, maxBytes int64) (*fetch.Page, error) {
		o := opts
		o.MaxBytes = maxBytes
		return fetch.New(o).Fetch(ctx, url)
	}
}

func extract(args []string, env extractEnv) int {
	cfg, code, ok := parseExtract(args, env.stderr)
	if !ok {
		return code
	}
	if cfg.version {
		fmt.Fprintln(env.stdout, versionLine())
		return exitOK
	}
	if env.fetch == nil {
		env.fetch = fetchCapped(fetch.Options{AllowPrivate: true, UserAgent: cfg.userAgent, Timeout: cfg.timeout})
	}
	inputs, err := gatherInputs(cfg)
	if err != nil {
		fmt.Fprintf(env.stderr, "winnow extract: %v\n", err)
		return exitUsage
	}
	ctx := context.Background()
	if cfg.outDir != "" {
		return extractToDir(ctx, cfg, inputs, env)
	}
	if len(inputs) == 1 && cfg.format != render.FormatJSONL {
		return extractOne(ctx, cfg, inputs[0].path, env)
	}
	if cfg.formatSet && cfg.format != render.FormatJSONL {
		fmt.Fprintf(env.stderr, "winnow extract: %d inputs print JSON lines on standard output: use -o DIR for one %s file per page, or --format jsonl\n", len(inputs), cfg.format)
		return exitUsage
	}
	return extractLines(ctx, cfg, inputs, env)
}

func parseExtract(args []string, stderr io.Writer) (cfg extractConfig, code int, ok bool) {
	fs := flag.NewFlagSet("winnow extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, extractUsage)
		fs.PrintDefaults()
	}
	format := fs.String("format", "text", "output `format`: text, markdown, html, json or jsonl (several inputs without -o: jsonl)")
	fs.StringVar(&cfg.opts.URL, "url", "", "the page's `URL`, to resolve links and images (fetched pages use their own)")
	fs.BoolVar(&cfg.explain, "explain", false, "list what was removed and why (in JSON, or on standard error)")
	precision := fs.Bool("precision", false, "drop doubtful blocks: less chrome, perhaps less body")
	recall := fs.Bool("recall", false, "keep doubtful blocks: all of the body, perhaps some chrome")
	fs.BoolVar(&cfg.opts.KeepLinks, "links", false, "keep the links of each block")
	noImages := fs.Bool("no-images", false, "leave figures out")
	fs.BoolVar(&cfg.opts.ArticlesOnly, "articles-only", false, "refuse pages that are not articles: listings get status not_article, short pages too_short")
	input := fs.String("input", "auto", "read inputs as `kind`: auto, html or text (a flattened page dump)")
	fs.StringVar(&cfg.opts.ContentType, "content-type", "", "the HTTP Content-Type of the inputs, for its `charset`")
	maxBytes := byteSize(winnow.DefaultMaxBytes)
	fs.Var(&maxBytes, "max-bytes", "cap on each input's `size`, compressed and once gunzipped or fetched (bytes; KB/MB/GB suffixes allowed)")
	maxElements := elementBudget(winnow.DefaultMaxElements)
	fs.Var(&maxElements, "max-elements", maxElementsUsage)
	fs.StringVar(&cfg.listFile, "i", "", "read inputs from `FILE`, one path or URL a line (# starts a comment)")
	fs.StringVar(&cfg.listFile, "input-file", "", "same as -i `FILE`")
	fs.StringVar(&cfg.inputDir, "input-dir", "", "read every file under `DIR` (hidden files skipped)")
	fs.StringVar(&cfg.outDir, "o", "", "write each page to its own file in `DIR`, in the chosen format")
	fs.StringVar(&cfg.outDir, "output-dir", "", "same as -o `DIR`")
	fs.IntVar(&cfg.parallel, "parallel", runtime.GOMAXPROCS(0), "pages read at once, with several inputs (output stays in input order)")
	fs.BoolVar(&cfg.render.WithMetadata, "with-metadata", false, "text and markdown: start with a YAML front matter block (title, authors, date, url, site, page_type)")
	fs.BoolVar(&cfg.render.NoTables, "no-tables", false, "leave tables out")
	fs.BoolVar(&cfg.opts.Formatting, "formatting", false, "markdown and html: keep bold, italic, inline code and code-block languages (json: a block's marks and lang)")
	fs.BoolVar(&cfg.opts.Comments, "comments", false, "keep the page's comments, after the body under a \"Comments\" heading (json: the comments field)")
	fs.StringVar(&cfg.userAgent, "user-agent", fetch.DefaultUserAgent, "the User-Agent `string` sent with fetches")
	fs.DurationVar(&cfg.timeout, "timeout", fetch.DefaultTimeout, "give up a fetch after this `duration` (whole request, body included)")
	fs.BoolVar(&cfg.version, "version", false, "print winnow's version and exit")
	targetLang := fs.String("target-language", "", "keep only pages in these `languages` (comma-separated ISO 639-1 codes), as read from the text when it is clearly not the declared one; others get status filtered")

	inputs, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return cfg, exitOK, false
	}
	if err != nil {
		return cfg, exitUsage, false
	}
	fail := func(format string, a ...any) (extractConfig, int, bool) {
		fmt.Fprintf(stderr, "winnow extract: "+format+"\n", a...)
		return cfg, exitUsage, false
	}
	if cfg.format, err = render.ParseFormat(*format); err != nil {
		return fail("%v", err)
	}
	fs.Visit(func(f *flag.Flag) { cfg.formatSet = cfg.formatSet || f.Name == "format" })
	if cfg.parallel < 1 {
		return fail("--parallel must be 1 or more")
	}
	if cfg.timeout <= 0 {
		return fail("--timeout must be more than zero")
	}
	switch {
	case *precision && *recall:
		return fail("--precision and --recall cannot be used together")
	case *precision:
		cfg.opts.Focus = winnow.Precision
	case *recall:
		cfg.opts.Focus = winnow.Recall
	}
	switch *input {
	case "auto":
		cfg.opts.Input = winnow.InputAuto
	case "html":
		cfg.opts.Input = winnow.InputHTML
	case "text":
		cfg.opts.Input = winnow.InputText
	default:
		return fail("unknown --input %q (want auto, html or text; -i FILE reads a list of inputs)", *input)
	}
	if cfg.targetLangs, err = winnow.ParseLanguages(*targetLang); err != nil {
		return fail("--target-language: %v", err)
	}
	cfg.opts.DropImages = *noImages
	cfg.opts.MaxBytes = int64(maxBytes)
	cfg.opts.MaxElements = int(maxElements)
	cfg.opts.Explain = cfg.explain
	cfg.inputs = inputs
	return cfg, exitOK, true
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments; everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos, tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return append(pos, tail...), nil
}

// extractOne handles a single input: the article in the chosen format on
// standard output, problems on standard error.
func extractOne(ctx context.Context, cfg extractConfig, in string, env extractEnv) int {
	a, err := extractInput(ctx, cfg, in, env)
	if a == nil {
		fmt.Fprintf(env.stderr, "winnow: %s: %s\n", displayName(in), errText(err))
		return exitUsage
	}
	code := exitOK
	var na *winnow.NoArticleError
	if errors.As(err, &na) {
		what := "main content"
		if a.Status == article.StatusNotArticle || a.Status == article.StatusTooShort {
			what = "article"
		}
		if na.Status == batch.StatusFiltered {
			fmt.Fprintf(env.stderr, "winnow: %s: filtered: %s\n", displayName(in), na.Detail)
		} else {
			fmt.Fprintf(env.stderr, "winnow: %s: no %s on the page (status %s)%s\n", displayName(in), what, a.Status, detailText(na.Detail))
		}
		code = exitNoArticle
		// JSON callers get the metadata and the status; the other formats
		// have no article to show.
		if cfg.format != render.FormatJSON {
			writeExplain(env.stderr, cfg, a)
			return code
		}
	} else if err != nil {
		fmt.Fprintf(env.stderr, "winnow: %s: %s\n", displayName(in), errText(err))
		return exitUsage
	}
	if err := render.WriteWith(env.stdout, a, cfg.format, cfg.render); err != nil {
		fmt.Fprintf(env.stderr, "winnow: write: %v\n", err)
		return exitUsage
	}
	if cfg.format != render.FormatJSON {
		writeExplain(env.stderr, cfg, a)
	}
	return code
}

// extractLines handles several inputs: one JSON object a line, in input
// order, --parallel pages at a time.
func extractLines(ctx context.Context, cfg extractConfig, inputs []input, env extractEnv) int {
	env.stderr = &lockedWriter{w: env.stderr}
	worst := exitOK
	failed := false
	forEachOrdered(len(inputs), cfg.parallel, func(i int) lineResult {
		return extractLine(ctx, cfg, inputs[i].path, env)
	}, func(_ int, r lineResult) {
		worst = max(worst, r.code)
		if failed {
			return
		}
		if err := render.WriteRecord(env.stdout, r.rec); err != nil {
			fmt.Fprintf(env.stderr, "winnow: write: %v\n", err)
			worst, failed = exitUsage, true
		}
	})
	return worst
}

// lineResult is one input's JSON line and exit code.
type lineResult struct {
	rec  render.Record
	code int
}

// extractLine reads one of several inputs into its JSON line.
func extractLine(ctx context.Context, cfg extractConfig, in string, env extractEnv) lineResult {
	a, err := extractInput(ctx, cfg, in, env)
	if a != nil && cfg.render.NoTables {
		a = render.WithoutTables(a)
	}
	rec := render.Record{Source: render.Source{File: in}, Article: a}
	code := exitOK
	var na *winnow.NoArticleError
	switch {
	case a == nil:
		code = exitUsage
		rec.Status = render.StatusError
	case errors.As(err, &na):
		code = exitNoArticle
		if na.Status == batch.StatusFiltered {
			rec.Status, rec.Filter = batch.StatusFiltered, batch.FilterLang
		}
	case err != nil:
		code = exitUsage
	}
	if err != nil {
		rec.Error = errText(err)
		fmt.Fprintf(env.stderr, "winnow: %s: %s\n", displayName(in), rec.Error)
	}
	return lineResult{rec, code}
}

// extractInput reads one input (a file, "-" or an http(s) URL) and
// extracts its article. A nil Article means the input could not be read.
func extractInput(ctx context.Context, cfg extractConfig, in string, env extractEnv) (a *article.Article, err error) {
	// A bug in the engine must not take the whole command down with a
	// stack trace: report it like any other bad input.
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	opts := cfg.opts
	var data []byte
	switch {
	case in == "-":
		data, err = readCapped(env.stdin, opts)
	case isURL(in):
		var page *fetch.Page
		page, err = env.fetch(ctx, in, opts.MaxBytes)
		if err == nil {
			data = page.Body
			if opts.URL == "" {
				opts.URL = page.URL
			}
			if opts.ContentType == "" {
				opts.ContentType = page.ContentType
			}
		}
	default:
		var f *os.File
		if f, err = os.Open(in); err == nil {
			data, err = readCapped(f, opts)
			f.Close()
		}
	}
	if err != nil {
		return nil, err
	}
	a, err = env.extract(ctx, data, opts)
	if a == nil && err == nil {
		err = errors.New("no result")
	}
	if err == nil && len(cfg.targetLangs) > 0 && !slices.Contains(cfg.targetLangs, a.Language) {
		filtered := *a
		filtered.Status = article.Status(batch.StatusFiltered)
		lang := a.Language
		if lang == "" {
			lang = "unknown"
		}
		return &filtered, &winnow.NoArticleError{Status: filtered.Status,
			Detail: fmt.Sprintf("language %s, not %s (--target-language)", lang, strings.Join(cfg.targetLangs, ", "))}
	}
	return a, err
}

// readCapped reads r up to the extraction size cap, so a huge input is
// refused early instead of filling memory. Gzip is read as is: the library
// gunzips under the same cap and stops as soon as it is passed.
func readCapped(r io.Reader, opts winnow.Options) ([]byte, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = winnow.DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", winnow.ErrTooLarge, limit)
	}
	return data, nil
}

// detailText is a NoArticleError's detail as a suffix of the message.
func detailText(detail string) string {
	if detail == "" {
		return ""
	}
	return ": " + detail
}

// errText is err's message without the library's "winnow: " prefix, which
// the command prints itself.
func errText(err error) string {
	return strings.TrimPrefix(err.Error(), "winnow: ")
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func displayName(in string) string {
	if in == "-" {
		return "standard input"
	}
	return in
}

// writeExplain lists where the metadata fields were read (one "source
// field: source" a line), then the removed pieces, one "reason: excerpt" a line,
// when --explain was given and the output format has no room for them.
func writeExplain(w io.Writer, cfg extractConfig, a *article.Article) {
	if !cfg.explain {
		return
	}
	for _, f := range []string{"title", "authors", "published", "modified"} {
		if src := a.Sources[f]; src != "" {
			fmt.Fprintf(w, "source  %-16s %s\n", f+":", src)
		}
	}
	for _, r := range a.Removed {
		fmt.Fprintf(w, "removed %-16s %s\n", string(r.Reason)+":", excerpt(r.Text, 100))
	}
}

// excerpt is s on one line, cut to at most n runes.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// byteSize is a flag holding a byte count, given as 1048576, 512KB or 16MB.
type byteSize int64

func (b *byteSize) String() string {
	switch n := int64(*b); {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKB", n>>10)
	default:
		return fmt.Sprint(n)
	}
}

func (b *byteSize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

// elementBudget is the value of --max-elements: a positive number of start
// tags, or -1 for no cap (winnow.Options.MaxElements).
type elementBudget int

// maxElementsUsage is the help of --max-elements.
const maxElementsUsage = "cap on the start tags of an HTML page; a page over it is refused as too complex, before it is parsed (`N`; -1 = no cap)"

func (e *elementBudget) String() string { return strconv.Itoa(int(*e)) }

func (e *elementBudget) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n == 0 || n < -1 {
		return fmt.Errorf("want a positive number of elements, or -1 for no cap")
	}
	*e = elementBudget(n)
	return nil
}
