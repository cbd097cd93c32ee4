package runner

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// outFile is what output needs of its file; tests put a file that fails
// in its place.
type outFile interface {
	io.Writer
	io.Seeker
	Sync() error
	Truncate(size int64) error
	Close() error
}

// StdoutName is the Output that writes to standard output.
const StdoutName = "-"

// streamFile is an output that can only be written: standard output.
// Nothing is synced, and it cannot be cut back after a failed write.
type streamFile struct{ w io.Writer }

func (s streamFile) Write(p []byte) (int, error)  { return s.w.Write(p) }
func (streamFile) Seek(int64, int) (int64, error) { return 0, nil }
func (streamFile) Sync() error                    { return nil }
func (streamFile) Truncate(int64) error           { return errors.New("standard output cannot be cut back") }
func (streamFile) Close() error                   { return nil }

// output is the JSONL file, written in chunks that are each complete on
// their own: plain text, one gzip member, or one zstd frame.
type output struct {
	f    outFile
	size int64
	gz   bool
	zenc *zstd.Encoder
	buf  bytes.Buffer
	zbuf []byte
}

// openOutput opens path for appending after its first keep bytes,
// dropping anything past them (a chunk written after the last commit).
// wrap, when not nil, stands between the output and its file.
func openOutput(path string, keep int64, wrap func(outFile) outFile) (*output, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && fi.Size() < keep {
		err = fmt.Errorf("%s is %d bytes, shorter than the %d its checkpoint records", path, fi.Size(), keep)
	}
	if err == nil {
		err = f.Truncate(keep)
	}
	if err == nil {
		_, err = f.Seek(keep, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	o := &output{f: f, size: keep}
	if wrap != nil {
		o.f = wrap(f)
	}
	switch {
	case strings.HasSuffix(path, ".gz"):
		o.gz = true
	case strings.HasSuffix(path, ".zst"):
		if o.zenc, err = zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1)); err != nil {
			f.Close()
			return nil, err
		}
	}
	return o, nil
}

// write appends one chunk of lines and fsyncs, returning the new size.
// When that fails (a full disk, say) the file is cut back to its size
// before the chunk, so that it never ends in a torn line.
func (o *output) write(lines []byte) (int64, error) {
	if len(lines) == 0 {
		return o.size, nil
	}
	data := lines
	switch {
	case o.gz:
		o.buf.Reset()
		zw, _ := gzip.NewWriterLevel(&o.buf, gzip.DefaultCompression)
		if _, err := zw.Write(lines); err != nil {
			return o.size, err
		}
		if err := zw.Close(); err != nil {
			return o.size, err
		}
		data = o.buf.Bytes()
	case o.zenc != nil:
		o.zbuf = o.zenc.EncodeAll(lines, o.zbuf[:0])
		data = o.zbuf
	}
	n, err := o.f.Write(data)
	if err == nil {
		err = o.f.Sync()
	}
	if err != nil {
		return o.size, o.cut(o.size, err)
	}
	o.size += int64(n)
	return o.size, nil
}

// cut truncates the file to size, its length at an earlier commit, after
// the error err, which it returns (with cut's own error, if any).
func (o *output) cut(size int64, err error) error {
	terr := o.f.Truncate(size)
	if terr == nil {
		_, terr = o.f.Seek(size, io.SeekStart)
	}
	if terr == nil {
		terr = o.f.Sync()
	}
	o.size = size
	if terr != nil {
		return fmt.Errorf("%w; then cutting the file back to its last commit: %v", err, terr)
	}
	return err
}

func (o *output) Close() error {
	if o.zenc != nil {
		o.zenc.Close()
	}
	return o.f.Close()
}
