package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/klauspost/compress/gzip"
)

// dirSource yields the .html/.htm/.xhtml files (optionally .gz) under a
// folder, in lexical order of their paths. A record's Offset is the index
// of its file in that order.
type dirSource struct {
	root  string
	files []string
	next  int
	opts  ReaderOptions
}

func openDir(root string, start int64, opts ReaderOptions) (*dirSource, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && hasHTMLExt(d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return &dirSource{root: root, files: files, next: int(min(start, int64(len(files)))), opts: opts}, nil
}

// openFile reads a single page as a folder of that one file.
func openFile(path string, start int64, opts ReaderOptions) *dirSource {
	return &dirSource{root: path, files: []string{path}, next: int(min(start, 1)), opts: opts}
}

func (s *dirSource) Close() error { return nil }

func (s *dirSource) Next() (*Record, error) {
	if s.next >= len(s.files) {
		return nil, io.EOF
	}
	i := s.next
	s.next++
	rec := &Record{Input: s.root, Offset: int64(i), File: s.files[i]}
	f, err := os.Open(s.files[i])
	if err != nil {
		rec.Err = err
		return rec, nil
	}
	defer f.Close()
	cr := &countingReader{r: f, add: s.opts.Counter}
	// Gzipped files are passed on as they are: winnow's decoder unpacks
	// them, and a member cut short is reported by it.
	rec.Body, rec.Err = readCapped(cr, s.opts.maxBytes())
	if rec.Err != nil {
		rec.Body = nil
	}
	return rec, nil
}

// jsonlSource yields one record per line of {"url": ..., "html": ...}. A
// record's Offset is the byte offset of its line (in the uncompressed text
// for .gz input).
type jsonlSource struct {
	path string
	c    io.Closer // the file, or nil for a stream
	zr   *gzip.Reader
	br   *bufio.Reader
	pos  int64
	opts ReaderOptions
}

func openJSONL(path string, start int64, opts ReaderOptions) (*jsonlSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	s, err := newJSONL(path, f, f, start, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

// newJSONL reads JSONL from r, which c (if not nil) closes.
func newJSONL(path string, in io.Reader, c io.Closer, start int64, opts ReaderOptions) (*jsonlSource, error) {
	s := &jsonlSource{path: path, c: c, opts: opts}
	var r io.Reader = &countingReader{r: in, add: opts.Counter}
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		s.zr = zr
		br = bufio.NewReaderSize(s.zr, 64<<10)
	}
	s.br = br
	if start > 0 {
		n, err := io.CopyN(io.Discard, s.br, start)
		s.pos = n
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
	}
	return s, nil
}

func (s *jsonlSource) Close() error {
	if s.c == nil {
		return nil
	}
	return s.c.Close()
}

func (s *jsonlSource) Next() (*Record, error) {
	for {
		at := s.pos
		line, tooLong, err := s.readLine()
		if err != nil && len(line) == 0 && !tooLong {
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
			return &Record{Input: s.path, Offset: at, Err: err}, io.EOF
		}
		rec := &Record{Input: s.path, Offset: at}
		if tooLong {
			rec.Err = fmt.Errorf("%w: line longer than %d bytes", ErrRecordTooLarge, s.opts.maxBytes())
			return rec, nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var page struct {
			URL  string `json:"url"`
			HTML string `json:"html"`
		}
		if err := json.Unmarshal(line, &page); err != nil {
			rec.Err = fmt.Errorf("bad JSON line: %w", err)
			return rec, nil
		}
		rec.URL = page.URL
		rec.Body = []byte(page.HTML)
		return rec, nil
	}
}

// readLine reads one line, keeping at most the cap (plus JSON framing) of
// it; the rest of a longer line is read and dropped.
func (s *jsonlSource) readLine() (line []byte, tooLong bool, err error) {
	limit := int(s.opts.maxBytes()) + 4096
	for {
		chunk, err := s.br.ReadSlice('\n')
		s.pos += int64(len(chunk))
		if !tooLong {
			if len(line)+len(chunk) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, tooLong, err
	}
}
