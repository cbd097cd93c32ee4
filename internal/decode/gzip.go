package decode

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

const (
	// maxGzipDepth is how many gzip layers are unwrapped; a page gzipped
	// twice happens (a gzipped file served with Content-Encoding: gzip),
	// more is an attack or a mistake, and is reported as binary.
	maxGzipDepth = 3
	// minTruncatedPrefix is how much of a truncated or corrupt gzip stream
	// must have been read for Decode to go on with that prefix rather than
	// return ErrTruncatedGzip. Truncated HTML still extracts, and a page cut
	// after 512 bytes has at least its head.
	minTruncatedPrefix = 512
	// maxDeflateRatio is the most deflate can expand its input; a size hint
	// above it is a lie.
	maxDeflateRatio = 1032
)

// isGzip reports whether data starts with the gzip magic and method byte.
func isGzip(data []byte) bool {
	return len(data) >= 3 && data[0] == 0x1f && data[1] == 0x8b && data[2] == 8
}

// gunzip unwraps up to maxGzipDepth gzip layers. It never holds more than
// max+1 decompressed bytes of one layer (max 0 means no cap). truncated is
// true when a stream broke off and out is the prefix that was read.
func gunzip(data []byte, max int64) (out []byte, truncated bool, err error) {
	for depth := 0; isGzip(data); depth++ {
		if depth == maxGzipDepth {
			return nil, false, &BinaryError{Kind: fmt.Sprintf("gzip nested more than %d deep", maxGzipDepth)}
		}
		var t bool
		data, t, err = gunzipOnce(data, max)
		if err != nil {
			return nil, false, err
		}
		truncated = truncated || t
	}
	return data, truncated, nil
}

// gunzipOnce decompresses one gzip layer (all its members).
func gunzipOnce(data []byte, max int64) ([]byte, bool, error) {
	zr, err := newGzipReader(data)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, false, fmt.Errorf("%w: stream ends inside the gzip header", ErrTruncatedGzip)
		}
		return nil, false, &BinaryError{Kind: "corrupt gzip data"}
	}
	defer gzipReaders.Put(zr)
	buf := make([]byte, 0, sizeHint(data, max))
	for {
		if len(buf) == cap(buf) {
			next := 2 * cap(buf)
			if max > 0 && int64(next) > max+1 {
				next = int(max + 1)
			}
			if next <= cap(buf) {
				return nil, false, fmt.Errorf("%w: gzip expands past the cap of %d bytes", ErrTooLarge, max)
			}
			grown := make([]byte, len(buf), next)
			copy(grown, buf)
			buf = grown
		}
		n, err := zr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if max > 0 && int64(len(buf)) > max {
			return nil, false, fmt.Errorf("%w: gzip expands past the cap of %d bytes", ErrTooLarge, max)
		}
		switch {
		case err == nil:
			continue
		case err == io.EOF:
			return buf, false, nil
		case errors.Is(err, gzip.ErrHeader) && len(buf) > 0:
			// Bytes after a complete member that are not another member
			// (padding, junk): the page is whole, keep it.
			return buf, false, nil
		case errors.Is(err, gzip.ErrChecksum):
			// Every byte was inflated; only the trailer disagrees. The text
			// is the best there is.
			return buf, false, nil
		}
		var corrupt flate.CorruptInputError
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &corrupt) {
			if len(buf) >= minTruncatedPrefix {
				return buf, true, nil
			}
			what := "ends early"
			if errors.As(err, &corrupt) {
				what = "is corrupt"
			}
			return nil, false, fmt.Errorf("%w: stream %s after %d bytes", ErrTruncatedGzip, what, len(buf))
		}
		return nil, false, fmt.Errorf("gunzip: %w", err)
	}
}

// gzipReaders keeps gzip readers for reuse: each holds a 32 KiB window
// and Huffman tables that would otherwise be allocated per page.
var gzipReaders sync.Pool

// newGzipReader returns a pooled gzip reader reset to read data.
func newGzipReader(data []byte) (*gzip.Reader, error) {
	if zr, ok := gzipReaders.Get().(*gzip.Reader); ok {
		if err := zr.Reset(bytes.NewReader(data)); err != nil {
			gzipReaders.Put(zr)
			return nil, err
		}
		return zr, nil
	}
	return gzip.NewReader(bytes.NewReader(data))
}

// sizeHint guesses the decompressed size from the gzip trailer (the size of
// the last member, modulo 2^32), bounded by the cap and by what deflate can
// produce.
func sizeHint(data []byte, max int64) int {
	limit := int64(len(data)) * maxDeflateRatio
	if max > 0 && max+1 < limit {
		limit = max + 1
	}
	guess := 4 * int64(len(data))
	if len(data) >= 18 {
		if isize := int64(binary.LittleEndian.Uint32(data[len(data)-4:])); isize >= int64(len(data))/2 {
			guess = isize + 512 // room to read EOF without growing
		}
	}
	if guess < 512 {
		guess = 512
	}
	if guess > limit {
		guess = limit
	}
	return int(guess)
}
