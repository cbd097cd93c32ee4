// Package pipeline is winnow's Apache Beam pipeline: a manifest of WARC
// paths in, the articles out as sharded JSONL. Each WARC is read and
// extracted by the same code as "winnow batch" (package
// github.com/winnow-go/winnow/batch), so the lines are the same.
package pipeline

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/winnow-go/winnow/batch"
)

func init() {
	register.DoFn3x1[context.Context, string, func(string), error](&ExtractFn{})
	register.Emitter1[string]()
	register.DoFn2x0[string, func(int, string)](&ShardFn{})
	register.Emitter2[int, string]()
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&WriteShardFn{})
	register.Iter1[string]()
}

// Options configure the pipeline.
type Options struct {
	// Manifest is a text file of WARC paths, one a line (local paths, or
	// any scheme Beam's filesystem knows, such as gs:// or s3://).
	Manifest string
	// Prefix is put before every manifest line that has no scheme, as for
	// Common Crawl's warc.paths, whose lines are relative to the bucket.
	Prefix string
	// Output is the prefix of the shard files:
	// <Output>-00000-of-00004.jsonl and so on.
	Output string
	// Shards is the number of output files; zero means 4.
	Shards int
	// Langs and MinWords filter articles as in "winnow batch"; filtered
	// articles are left out unless KeepFiltered.
	Langs        []string
	MinWords     int
	KeepFiltered bool
}

// Build adds the pipeline to s.
func Build(s beam.Scope, o Options) {
	s = s.Scope("winnow")
	paths := textio.Read(s, o.Manifest)
	// One WARC per element: Reshuffle spreads them over the workers.
	paths = beam.Reshuffle(s, paths)
	lines := beam.ParDo(s, &ExtractFn{Prefix: o.Prefix, Langs: o.Langs, MinWords: o.MinWords, KeepFiltered: o.KeepFiltered}, paths)
	shards := o.Shards
	if shards <= 0 {
		shards = 4
	}
	keyed := beam.ParDo(s, &ShardFn{Shards: shards}, lines)
	grouped := beam.GroupByKey(s, keyed)
	beam.ParDo0(s, &WriteShardFn{Output: o.Output, Shards: shards}, grouped)
}

// ExtractFn reads one WARC and emits one JSON line per page.
type ExtractFn struct {
	Prefix       string
	Langs        []string
	MinWords     int
	KeepFiltered bool
}

// ProcessElement extracts the WARC at path. A WARC that is not on the
// local disk is first copied to a temporary file, since the reader seeks.
func (f *ExtractFn) ProcessElement(ctx context.Context, path string, emit func(string)) error {
	path = strings.TrimSpace(path)
	if path == "" || strings.HasPrefix(path, "#") {
		return nil
	}
	if f.Prefix != "" && !strings.Contains(path, "://") {
		path = f.Prefix + path
	}
	local, cleanup, err := localCopy(ctx, path)
	if err != nil {
		return err
	}
	defer cleanup()
	r, err := batch.Open(local, batch.ReaderOptions{})
	if err != nil {
		return err
	}
	defer r.Close()
	opts := batch.ProcessOptions{Langs: f.Langs, MinWords: f.MinWords}
	for {
		rec, err := r.Next()
		if rec != nil {
			rec.Input = path
			if rec.Skip != "" {
				beam.NewCounter("winnow", "skipped_"+rec.Skip).Inc(ctx, 1)
			} else {
				line := batch.Process(ctx, rec, opts)
				beam.NewCounter("winnow", line.Status).Inc(ctx, 1)
				if line.Status != batch.StatusFiltered || f.KeepFiltered {
					b, err := line.Bytes()
					if err != nil {
						return err
					}
					emit(strings.TrimSuffix(string(b), "\n"))
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
}

// localCopy returns a local path for path, copying remote files.
func localCopy(ctx context.Context, path string) (string, func(), error) {
	if !strings.Contains(path, "://") {
		return path, func() {}, nil
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return "", nil, err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return "", nil, err
	}
	defer rc.Close()
	tmp, err := os.CreateTemp("", "winnow-*"+filepath.Ext(path))
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, rc); err != nil {
		tmp.Close()
		cleanup()
		return "", nil, err
	}
	if err := tmp.Close(); err != nil {
		cleanup()
		return "", nil, err
	}
	return tmp.Name(), cleanup, nil
}

// ShardFn keys each line by the shard it goes to, by a hash of the line.
type ShardFn struct{ Shards int }

// ProcessElement keys one line.
func (f *ShardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	h.Write([]byte(line))
	emit(int(h.Sum32()%uint32(f.Shards)), line)
}

// WriteShardFn writes the lines of one shard to its file.
type WriteShardFn struct {
	Output string
	Shards int
}

// ShardName is the file name of shard i of n.
func ShardName(output string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", output, i, n)
}

// ProcessElement writes one shard.
func (f *WriteShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := ShardName(f.Output, shard, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	var line string
	for lines(&line) {
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			w.Close()
			return err
		}
	}
	return w.Close()
}
