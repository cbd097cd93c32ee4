package batch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The WARC record syntax this reader knows (ISO 28500, WARC 1.0 and 1.1;
// it is read-only, and checks no digest):
//
//	record       = version-line *named-field CRLF block CRLF CRLF
//	version-line = "WARC/" 1*DIGIT "." 1*DIGIT CRLF
//	named-field  = field-name ":" [ field-value ] CRLF
//	               ; a line that starts with SP or HT continues the
//	               ; field before it
//	block        = Content-Length octets
//
// Lines end in CRLF; a header line that does not, or has no colon, is a
// syntax error. Field names are matched without regard to case, names
// and values have the white space (and stray CRs) around them trimmed, and a continuation line is
// joined to its field with one space.

// maxHeaderBytes caps a record's header (version line and named fields),
// so that bytes that are not a WARC header cannot fill memory.
const maxHeaderBytes = 1 << 20

// Field names the reader uses.
const (
	fieldType          = "WARC-Type"
	fieldRecordID      = "WARC-Record-ID"
	fieldDate          = "WARC-Date"
	fieldTargetURI     = "WARC-Target-URI"
	fieldContentType   = "Content-Type"
	fieldContentLength = "Content-Length"
)

// errWARCSyntax is the error of a header that breaks the syntax above.
var errWARCSyntax = errors.New("WARC syntax error")

// warcField is one named field of a record header.
type warcField struct {
	name, value string
}

// warcHeader is a record's version and named fields, in order.
type warcHeader struct {
	version string
	fields  []warcField
}

// get returns the value of the first field called name, or "".
func (h *warcHeader) get(name string) string {
	for _, f := range h.fields {
		if strings.EqualFold(f.name, name) {
			return f.value
		}
	}
	return ""
}

// count returns how many fields are called name.
func (h *warcHeader) count(name string) int {
	n := 0
	for _, f := range h.fields {
		if strings.EqualFold(f.name, name) {
			n++
		}
	}
	return n
}

// recordType is the WARC-Type, in lower case.
func (h *warcHeader) recordType() string {
	return strings.ToLower(h.get(fieldType))
}

// contentLength is the block's length from Content-Length: an error when
// the field is there but not a number of bytes, 0 when it is missing.
func (h *warcHeader) contentLength() (int64, error) {
	v := h.get(fieldContentLength)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: Content-Length %q", errWARCSyntax, v)
	}
	return n, nil
}

// readWARCHeader reads a record's header at br's position, the blank line
// that ends it included, leaving br at the first byte of the block. It
// returns io.EOF when br is at its end, and io.ErrUnexpectedEOF when the
// input ends inside the header; the fields read so far come back with that
// error, so a record cut short can still be named.
func readWARCHeader(br *bufio.Reader) (*warcHeader, error) {
	budget := maxHeaderBytes
	line, err := readLine(br, &budget)
	if err != nil {
		if errors.Is(err, io.EOF) && len(line) == 0 {
			return nil, io.EOF
		}
		return nil, eofUnexpected(err)
	}
	version, ok := strings.CutPrefix(string(trimSpace(line)), "WARC/")
	if !ok || !isVersion(version) {
		return nil, fmt.Errorf("%w: not a WARC version line: %.40q", errWARCSyntax, line)
	}
	h := &warcHeader{version: version}
	for {
		line, err := readLine(br, &budget)
		if err != nil {
			return h, eofUnexpected(err)
		}
		if len(line) == 0 {
			return h, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(h.fields) == 0 {
				return h, fmt.Errorf("%w: continuation line before any field", errWARCSyntax)
			}
			f := &h.fields[len(h.fields)-1]
			if v := trimSpace(line); len(v) > 0 {
				if f.value != "" {
					f.value += " "
				}
				f.value += string(v)
			}
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return h, fmt.Errorf("%w: header line without a colon: %.40q", errWARCSyntax, line)
		}
		name = trimSpace(name)
		if len(name) == 0 {
			return h, fmt.Errorf("%w: header field without a name", errWARCSyntax)
		}
		h.fields = append(h.fields, warcField{name: string(name), value: string(trimSpace(value))})
	}
}

// readLine reads one CRLF-ended line and returns it without the CRLF,
// taking its length from the budget of header bytes left.
func readLine(br *bufio.Reader, budget *int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		*budget -= len(chunk)
		if *budget < 0 {
			return nil, fmt.Errorf("%w: header longer than %d bytes", errWARCSyntax, maxHeaderBytes)
		}
		if line == nil && err == nil {
			line = chunk // the common case: no copy
		} else {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			return line, err
		}
		if len(line) < 2 || line[len(line)-2] != '\r' {
			return nil, fmt.Errorf("%w: header line does not end in CRLF", errWARCSyntax)
		}
		return line[:len(line)-2], nil
	}
}

// isVersion reports whether v is DIGITS "." DIGITS.
func isVersion(v string) bool {
	major, minor, ok := strings.Cut(v, ".")
	return ok && isDigits(major) && isDigits(minor)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// trimSpace trims white space, and the CRs of a line that ends in more
// than one, from both ends.
func trimSpace(b []byte) []byte {
	return bytes.Trim(b, " \t\r")
}

// eofUnexpected turns io.EOF into io.ErrUnexpectedEOF.
func eofUnexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
