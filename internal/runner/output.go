package runner

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// output is the JSONL file, written in chunks that are each complete on
// their own: plain text, one gzip member, or one zstd frame.
type output struct {
	f    *os.File
	size int64
	gz   bool
	zenc *zstd.Encoder
	buf  bytes.Buffer
	zbuf []byte
}

// openOutput opens path for appending after its first keep bytes,
// dropping anything past them (a chunk written after the last commit).
func openOutput(path string, keep int64) (*output, error) {
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
	o.size += int64(n)
	if err != nil {
		return o.size, err
	}
	return o.size, o.f.Sync()
}

func (o *output) Close() error {
	if o.zenc != nil {
		o.zenc.Close()
	}
	return o.f.Close()
}
