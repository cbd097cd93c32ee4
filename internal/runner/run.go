package runner

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/render"
)

// Config is one batch run. Inputs and Output are required.
type Config struct {
	Inputs []string
	// Output is the JSONL path; a .gz or .zst suffix compresses it. "-"
	// writes plain JSON lines to Stdout, with no checkpoint: an
	// interrupted run cannot be resumed, and running it again starts over.
	Output string
	// Stdout receives the lines when Output is "-"; nil means os.Stdout.
	Stdout io.Writer
	// Workers is the number of extraction goroutines; zero means all cores.
	Workers int
	// Process tunes the extraction and the --lang and --min-words filters.
	Process batch.ProcessOptions
	// MaxRecordBytes caps one record; zero means batch.DefaultMaxRecordBytes.
	MaxRecordBytes int64
	// Dedupe drops articles whose text was already written.
	Dedupe bool
	// KeepFiltered writes filtered articles with status "filtered" instead
	// of leaving them out.
	KeepFiltered bool
	// Fresh ignores an existing checkpoint and starts over.
	Fresh bool
	// Log receives progress; nil is silent. Terminal picks a progress bar
	// over plain lines logged every LogEvery (default 5s).
	Log      io.Writer
	Terminal bool
	LogEvery time.Duration
	// CommitEvery and CommitLines bound how much work a kill can lose:
	// a chunk is committed after this long or this many records, whichever
	// comes first. Zero means 2s and 500.
	CommitEvery time.Duration
	CommitLines int

	// wrapOutput, when set, stands between the run and its output file
	// (for tests).
	wrapOutput func(outFile) outFile
}

// Summary is the outcome of a run, counted over every run of the same
// checkpoint.
type Summary struct {
	// Counts maps an outcome to its number of records: "ok" and the
	// no-article statuses, "error", "skipped_<reason>", "filtered_<filter>".
	Counts map[string]int64
	// Resumed is true when the run went on from a checkpoint;
	// AlreadyComplete when that checkpoint was of a finished run (one
	// killed before it could remove its checkpoint), which is then removed.
	Resumed, AlreadyComplete bool
	// Records and Bytes are what this run itself read; Elapsed its time.
	Records int64
	Bytes   int64
	Elapsed time.Duration
	// keptFiltered says the filtered records have lines (--keep-filtered).
	keptFiltered bool
}

// Lines is the number of lines in the output: every count but the
// skipped records, and but the filtered ones unless they were kept.
func (s *Summary) Lines() int64 {
	var n int64
	for k, v := range s.Counts {
		if !strings.HasPrefix(k, "skipped_") && (s.keptFiltered || !strings.HasPrefix(k, "filtered_")) {
			n += v
		}
	}
	return n
}

// Format writes the counters, one per line, sorted.
func (s *Summary) Format(w io.Writer) {
	names := make([]string, 0, len(s.Counts))
	for k := range s.Counts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(w, "  %-24s %d\n", k, s.Counts[k])
	}
}

// job is one record on its way to a worker.
type job struct {
	seq uint64
	key key
	rec *batch.Record
}

// result is one processed record on its way to the committer.
type result struct {
	seq     uint64
	key     key
	line    render.Record
	skip    string
	encoded []byte
	hash    [16]byte
}

// Run processes the inputs into the output, resuming from the checkpoint
// when there is one. It returns ctx's error when cancelled, after committing
// the work done, so the same Config can resume it.
func Run(ctx context.Context, cfg Config) (*Summary, error) {
	started := time.Now()
	if len(cfg.Inputs) == 0 || cfg.Output == "" {
		return nil, errors.New("need at least one input and an output")
	}
	var total int64
	for _, in := range cfg.Inputs {
		n, err := inputSize(in)
		if err != nil {
			return nil, err
		}
		total += n
	}
	hdr := journalHeader{Version: 1, Inputs: cfg.Inputs, Options: fingerprint(cfg)}
	ckpt := cfg.Output + ".ckpt"
	var (
		st  *resumeState
		jr  *journal
		out *output
		err error
	)
	if cfg.Output == StdoutName {
		// No checkpoint: standard output cannot be cut back to a commit.
		st = newResumeState()
		w := cfg.Stdout
		if w == nil {
			w = os.Stdout
		}
		out = &output{f: streamFile{w}}
	} else {
		st, jr, err = startJournal(ckpt, hdr, cfg.Fresh)
		if err != nil {
			return nil, err
		}
		defer jr.Close()
		if st.complete {
			// Killed after its last commit, before removing the checkpoint.
			sum := &Summary{Counts: st.counts, Resumed: true, AlreadyComplete: true, keptFiltered: cfg.KeepFiltered}
			jr.Close()
			return sum, os.Remove(ckpt)
		}
		out, err = openOutput(cfg.Output, st.outLen, cfg.wrapOutput)
		if err != nil {
			return nil, err
		}
	}
	defer out.Close()
	sum := &Summary{Counts: st.counts, Resumed: st.commits > 0, keptFiltered: cfg.KeepFiltered}

	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var bytesRead, records, errs atomic.Int64
	bytesRead.Store(doneBytes(cfg.Inputs, st.wm))
	startBytes := bytesRead.Load()
	ropts := batch.ReaderOptions{MaxRecordBytes: cfg.MaxRecordBytes, Counter: func(n int64) { bytesRead.Add(n) }}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	win := newWindow(st.wm)
	jobs := make(chan job, 2*workers)
	results := make(chan result, 2*workers)
	readErr := make(chan error, 1)
	go func() { readErr <- readInputs(ctx, cfg.Inputs, st, win, ropts, jobs) }()
	// Workers finish the records in flight even after a cancel, so those
	// get their real lines rather than a "context canceled" error.
	wctx := context.WithoutCancel(ctx)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				results <- work(wctx, j, cfg)
			}
		})
	}
	go func() { wg.Wait(); close(results) }()

	c := &committer{cfg: cfg, st: st, out: out, jr: jr, win: win, counts: st.counts, committed: maps.Clone(st.counts)}
	prog := newProgress(cfg, total, startBytes, &bytesRead, &records, &errs)
	every := cfg.CommitEvery
	if every <= 0 {
		every = 2 * time.Second
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	ptick := time.NewTicker(250 * time.Millisecond)
	defer ptick.Stop()
	var cerr error
loop:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break loop
			}
			records.Add(1)
			if r.line.Status == batch.StatusError {
				errs.Add(1)
			}
			if cerr == nil {
				cerr = c.add(r)
			}
			if cerr != nil {
				cancel() // stop reading; drain what is in flight
			}
		case <-tick.C:
			if cerr == nil {
				cerr = c.commit(false)
			}
		case <-ptick.C:
			prog.update(false)
		}
	}
	rerr := <-readErr
	if cerr == nil {
		cerr = c.commit(false)
	}
	prog.update(true)
	// The counts of what OUT holds: those of the last commit.
	sum.Counts = c.committed
	sum.Records, sum.Bytes, sum.Elapsed = records.Load(), bytesRead.Load()-startBytes, time.Since(started)
	switch {
	case cerr != nil:
		return sum, cerr
	case rerr != nil:
		return sum, rerr
	case ctx.Err() != nil:
		return sum, ctx.Err()
	}
	if err := c.commit(true); err != nil || jr == nil {
		return sum, err
	}
	// The run is complete: its checkpoint has nothing left to say.
	jr.Close()
	return sum, os.Remove(ckpt)
}

// startJournal opens the checkpoint to resume from, or starts a new one.
func startJournal(path string, hdr journalHeader, fresh bool) (*resumeState, *journal, error) {
	if !fresh {
		jr, st, err := openJournal(path, hdr)
		if err == nil {
			return st, jr, nil
		}
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errNoHeader) {
			return nil, nil, fmt.Errorf("%w; use --fresh to start over", err)
		}
	}
	jr, err := createJournal(path, hdr)
	if err != nil {
		return nil, nil, err
	}
	return newResumeState(), jr, nil
}

// readInputs streams the records to the workers, skipping those already
// committed, and closes jobs at the end.
func readInputs(ctx context.Context, inputs []string, st *resumeState, win *window, ropts batch.ReaderOptions, jobs chan<- job) error {
	defer close(jobs)
	var seq uint64
	for i, in := range inputs {
		if i < st.wm.In {
			continue
		}
		var start batch.Position
		if i == st.wm.In {
			start = batch.Position{Offset: st.wm.Off, InMember: st.wm.Sub}
		}
		src, err := batch.OpenPosition(in, start, ropts)
		if err != nil {
			return err
		}
		for {
			rec, err := src.Next()
			if rec != nil {
				k := key{i, rec.Offset, rec.InMember}
				if st.done[k] {
					win.advance(k.after())
				} else {
					seq++
					win.dispatch(seq, k)
					select {
					case jobs <- job{seq: seq, key: k, rec: rec}:
					case <-ctx.Done():
						src.Close()
						return nil
					}
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				src.Close()
				return fmt.Errorf("%s: %w", in, err)
			}
		}
		src.Close()
		win.advance(key{i + 1, 0, 0})
	}
	return nil
}

// work processes one record and encodes its line.
func work(ctx context.Context, j job, cfg Config) result {
	r := result{seq: j.seq, key: j.key, skip: j.rec.Skip}
	if r.skip != "" {
		return r
	}
	r.line = batch.Process(ctx, j.rec, cfg.Process)
	if cfg.Dedupe {
		r.hash = batch.BodyHash(&r.line)
	}
	r.encoded = encode(&r.line)
	return r
}

// encode renders a line; a line that cannot be encoded becomes an error line.
func encode(l *render.Record) []byte {
	b, err := l.Bytes()
	if err == nil {
		return b
	}
	e := render.Record{URL: l.URL, Status: batch.StatusError, Source: l.Source, WARCDate: l.WARCDate,
		Error: "encoding the line: " + err.Error()}
	b, _ = e.Bytes()
	return b
}

// committer gathers results into chunks and commits them.
type committer struct {
	cfg    Config
	st     *resumeState
	out    *output
	jr     *journal
	win    *window
	counts map[string]int64
	// committed is counts as of the last commit: what OUT holds.
	committed map[string]int64

	buf    []byte
	seqs   []uint64
	keys   []key
	hashes []string
}

// add takes one result: counts it, applies --dedupe, and buffers its line.
func (c *committer) add(r result) error {
	c.seqs = append(c.seqs, r.seq)
	c.keys = append(c.keys, r.key)
	switch {
	case r.skip != "":
		c.counts["skipped_"+r.skip]++
	default:
		line := r.encoded
		if c.cfg.Dedupe && r.hash != ([16]byte{}) && r.line.Status == "ok" {
			if c.st.hashes[r.hash] {
				r.line.Status, r.line.Filter = batch.StatusFiltered, batch.FilterDuplicate
				line = encode(&r.line)
			} else {
				c.st.hashes[r.hash] = true
				c.hashes = append(c.hashes, hex.EncodeToString(r.hash[:]))
			}
		}
		if r.line.Status == batch.StatusFiltered {
			c.counts["filtered_"+r.line.Filter]++
			if !c.cfg.KeepFiltered {
				break
			}
		} else {
			c.counts[r.line.Status]++
		}
		c.buf = append(c.buf, line...)
	}
	n := c.cfg.CommitLines
	if n <= 0 {
		n = 500
	}
	if len(c.seqs) >= n || len(c.buf) >= 8<<20 {
		return c.commit(false)
	}
	return nil
}

// commit writes the buffered chunk, then its journal line.
func (c *committer) commit(complete bool) error {
	if len(c.seqs) == 0 && !complete {
		return nil
	}
	before := c.out.size
	size, err := c.out.write(c.buf)
	if err != nil {
		return fmt.Errorf("writing %s: %w (it ends at its last commit; the same command resumes from there)", c.cfg.Output, err)
	}
	wm := c.win.finish(c.seqs)
	cl := commitLine{Len: size, WM: wm.ints(), Hashes: c.hashes, Counts: c.counts, Complete: complete}
	for _, k := range c.keys {
		if !k.less(wm) {
			cl.Done = append(cl.Done, k.ints())
		}
	}
	if c.jr == nil {
		// Standard output: nothing to journal.
	} else if err := c.jr.appendLine(cl); err != nil {
		// The chunk is not committed: OUT goes back to its last commit.
		return fmt.Errorf("writing checkpoint: %w (%s ends at its last commit; the same command resumes from there)",
			c.out.cut(before, err), c.cfg.Output)
	}
	c.committed = maps.Clone(c.counts)
	c.buf, c.seqs, c.keys, c.hashes = c.buf[:0], c.seqs[:0], c.keys[:0], nil
	return nil
}

// fingerprint names the options that shape the output, so a checkpoint is
// only resumed by the same command.
func fingerprint(cfg Config) string {
	p := cfg.Process
	opts := map[string]any{
		"langs": p.Langs, "min_words": p.MinWords, "dedupe": cfg.Dedupe, "keep_filtered": cfg.KeepFiltered,
		"max_record": cfg.MaxRecordBytes, "focus": p.Extract.Focus, "links": p.Extract.KeepLinks,
		"no_images": p.Extract.DropImages, "explain": p.Extract.Explain,
		"articles_only": p.Extract.ArticlesOnly, "output": filepath.Base(cfg.Output),
	}
	if p.Format != "" && p.Format != render.FormatText {
		// Only when set, so the checkpoints of earlier runs still match.
		opts["format"] = p.Format
	}
	if p.Extract.Formatting {
		opts["formatting"] = true
	}
	if p.Extract.Comments {
		opts["comments"] = true
	}
	if m := p.Extract.MaxElements; m != 0 && m != winnow.DefaultMaxElements {
		// Pages over the budget are error lines, under it extracted.
		opts["max_elements"] = m
	}
	b, _ := json.Marshal(opts)
	return string(b)
}

// inputSize is the number of bytes an input will be read for.
func inputSize(path string) (int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	if !fi.IsDir() {
		return fi.Size(), nil
	}
	var n int64
	err = filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, e := d.Info(); e == nil {
				n += info.Size()
			}
		}
		return err
	})
	return n, err
}

// doneBytes estimates the input bytes before a watermark, for progress.
func doneBytes(inputs []string, wm key) int64 {
	var n int64
	for i := 0; i < wm.In && i < len(inputs); i++ {
		s, _ := inputSize(inputs[i])
		n += s
	}
	if wm.In < len(inputs) {
		if fi, err := os.Stat(inputs[wm.In]); err == nil && !fi.IsDir() {
			n += wm.Off
		}
	}
	return n
}
