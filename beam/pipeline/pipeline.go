// Package pipeline is winnow's Apache Beam pipeline: a manifest of WARC
// paths in, one gzipped JSONL file of articles out per WARC. Each WARC is
// read and extracted by the same code as "winnow batch" (package
// github.com/winnow-go/winnow/batch), so the lines are the same.
package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"path"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/klauspost/compress/gzip"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/batch"
)

func init() {
	register.DoFn3x1[context.Context, string, func(string), error](&WARCFn{})
	register.Emitter1[string]()
}

// DefaultTimeout is the time limit for one page when Options.Timeout is
// zero, as in "winnow batch".
const DefaultTimeout = 60 * time.Second

// Options configure the pipeline.
type Options struct {
	// Manifest is a text file of WARC paths, one a line (local paths, or
	// any scheme Beam's filesystem knows, such as gs:// or s3://).
	Manifest string
	// Prefix is put before every manifest line that has no scheme, as for
	// Common Crawl's warc.paths, whose lines are relative to the bucket.
	Prefix string
	// Output is the folder the output files go to, one per WARC (see
	// OutputName).
	Output string
	// Langs and MinWords filter articles as in "winnow batch"; filtered
	// articles are left out unless KeepFiltered.
	Langs        []string
	MinWords     int
	KeepFiltered bool
	// Timeout bounds the extraction of one page; a page over it gets an
	// error line. Zero means DefaultTimeout; negative, no limit.
	Timeout time.Duration
	// MaxRecordBytes caps one record, as "winnow batch --max-record-mb";
	// zero means batch.DefaultMaxRecordBytes.
	MaxRecordBytes int64
	// Links, NoImages and ArticlesOnly are "winnow batch"'s --links,
	// --no-images and --articles-only.
	Links, NoImages, ArticlesOnly bool
	// SkipExisting leaves out the WARCs whose output file exists, so a
	// job run again after a failure does only what is left.
	SkipExisting bool
	// StreamLocal reads local WARCs through the stream too, as remote ones
	// are read, instead of opening them in place (for tests).
	StreamLocal bool
}

// Build adds the pipeline to s and returns the names of the files written,
// one per WARC.
func Build(s beam.Scope, o Options) beam.PCollection {
	s = s.Scope("winnow")
	paths := textio.Read(s, o.Manifest)
	// One WARC per element. The manifest is small and read as one piece:
	// Reshuffle (a shuffle of the paths only) spreads its lines over the
	// workers.
	paths = beam.Reshuffle(s, paths)
	return beam.ParDo(s, &WARCFn{Options: o}, paths)
}

// WARCFn reads one WARC, extracts its pages and writes their lines to the
// WARC's output file. There is no shuffle of the lines: each WARC's output
// is written where it is read.
type WARCFn struct {
	Options Options
}

// OutputName is the output file of the WARC at warc: the WARC's file name
// without its extensions, a hash of the whole path (two WARCs of the same
// name in different folders do not collide), and .jsonl.gz.
func OutputName(output, warc string) string {
	base := path.Base(warc)
	for _, ext := range []string{".gz", ".warc", ".wet", ".arc", ".jsonl"} {
		base = strings.TrimSuffix(base, ext)
	}
	h := fnv.New32a()
	h.Write([]byte(warc))
	return fmt.Sprintf("%s/%s-%08x.jsonl.gz", strings.TrimSuffix(output, "/"), base, h.Sum32())
}

// ProcessElement does one WARC and emits the name of its output file.
//
// The file is written under a temporary name and renamed when whole, so a
// retried bundle (or a run started again) never leaves a partial output
// under the final name; a leftover temporary file (NAME.tmp-*) is from an
// attempt that died and can be removed.
func (f *WARCFn) ProcessElement(ctx context.Context, warc string, emit func(string)) error {
	o := f.Options
	warc = strings.TrimSpace(warc)
	if warc == "" || strings.HasPrefix(warc, "#") {
		return nil
	}
	if o.Prefix != "" && !strings.Contains(warc, "://") {
		warc = o.Prefix + warc
	}
	name := OutputName(o.Output, warc)
	out, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer out.Close()
	if o.SkipExisting {
		if _, err := out.Size(ctx, name); err == nil {
			beam.NewCounter("winnow", "warcs_skipped_existing").Inc(ctx, 1)
			emit(name)
			return nil
		}
	}
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return err
	}
	tmp := name + ".tmp-" + hex.EncodeToString(rnd[:])
	w, err := out.OpenWrite(ctx, tmp)
	if err != nil {
		return err
	}
	err = f.write(ctx, warc, w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = filesystem.Rename(ctx, out, tmp, name)
	}
	if err != nil {
		if rm, ok := out.(filesystem.Remover); ok {
			_ = rm.Remove(ctx, tmp)
		}
		return fmt.Errorf("%s: %w", warc, err)
	}
	beam.NewCounter("winnow", "warcs_done").Inc(ctx, 1)
	emit(name)
	return nil
}

// write extracts the pages of warc into w, gzipped.
func (f *WARCFn) write(ctx context.Context, warc string, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	zw, err := gzip.NewWriterLevel(bw, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	popts, ropts := f.Options.process()
	err = f.records(ctx, warc, ropts, func(rec *batch.Record) error {
		if rec.Skip != "" {
			beam.NewCounter("winnow", "skipped_"+rec.Skip).Inc(ctx, 1)
			return nil
		}
		line := batch.Process(ctx, rec, popts)
		if err := ctx.Err(); err != nil {
			// The bundle is cancelled, not the page over its time: the
			// runner retries the WARC.
			return err
		}
		beam.NewCounter("winnow", "pages_"+line.Status).Inc(ctx, 1)
		if line.Status == batch.StatusFiltered && !f.Options.KeepFiltered {
			return nil
		}
		b, err := line.Bytes()
		if err != nil {
			return err
		}
		_, err = zw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// records calls fn for each record of warc: a local file is opened in
// place, any other is read as a stream with batch.NewReader, which gives
// the same records with the same offsets.
func (f *WARCFn) records(ctx context.Context, warc string, opts batch.ReaderOptions, fn func(*batch.Record) error) error {
	var r batch.Reader
	if !strings.Contains(warc, "://") && !f.Options.StreamLocal {
		var err error
		if r, err = batch.Open(warc, opts); err != nil {
			return err
		}
	} else {
		in, err := filesystem.New(ctx, warc)
		if err != nil {
			return err
		}
		defer in.Close()
		rc, err := in.OpenRead(ctx, warc)
		if err != nil {
			return err
		}
		defer rc.Close()
		if r, err = batch.NewReader(warc, bufio.NewReaderSize(rc, 1<<20), opts); err != nil {
			return err
		}
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if rec != nil {
			if err := fn(rec); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// process is the options of batch.Process and batch.Open, with the
// defaults of "winnow batch".
func (o Options) process() (batch.ProcessOptions, batch.ReaderOptions) {
	max := o.MaxRecordBytes
	if max <= 0 {
		max = batch.DefaultMaxRecordBytes
	}
	timeout := o.Timeout
	switch {
	case timeout == 0:
		timeout = DefaultTimeout
	case timeout < 0:
		timeout = 0
	}
	return batch.ProcessOptions{
		// The record cap also caps the page once gunzipped.
		Extract:  winnow.Options{KeepLinks: o.Links, DropImages: o.NoImages, ArticlesOnly: o.ArticlesOnly, MaxBytes: max},
		Langs:    o.Langs,
		MinWords: o.MinWords,
		Timeout:  timeout,
	}, batch.ReaderOptions{MaxRecordBytes: max}
}
