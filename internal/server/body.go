package server

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// readCapped reads a request body sent with the Content-Encoding enc
// (empty, identity, gzip or x-gzip) and returns it decoded, with the bytes
// it took from the body budget (see readAll). max caps the decoded body as
// well as the bytes on the wire (r is an http.MaxBytesReader): a gzipped
// body is inflated as it is read, and reading stops as soon as it passes
// the cap, so a small gzip bomb costs no more than max bytes.
func (s *Server) readCapped(r io.Reader, enc string, max int64) (body []byte, held int64, err error) {
	gzipped := false
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, 0, s.bodyError(err, true, max)
		}
		defer zr.Close()
		r, gzipped = zr, true
	default:
		return nil, 0, errorf(http.StatusUnsupportedMediaType, "bad_encoding", fmt.Sprintf("Content-Encoding %q is not supported; send the body plain or gzipped", enc))
	}
	body, held, err = s.readAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, held, s.bodyError(err, gzipped, max)
	}
	if int64(len(body)) > max {
		return nil, held, errorf(http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over the cap of %d bytes once decompressed", max))
	}
	return body, held, nil
}

// bodyError maps an error reading the request body to a response.
func (s *Server) bodyError(err error, gzipped bool, max int64) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, errBodyBudget):
		return s.overload("body", "too many request bodies in progress; retry shortly")
	case errors.As(err, &mbe):
		return errorf(http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over the cap of %d bytes", max))
	case errors.Is(err, os.ErrDeadlineExceeded):
		return errorf(http.StatusRequestTimeout, "body_timeout", fmt.Sprintf("the request body took longer than %s to arrive", s.cfg.BodyTimeout))
	case gzipped:
		return &httpError{status: http.StatusBadRequest, code: "bad_body", message: "could not inflate the gzipped request body", detail: err.Error()}
	}
	return &httpError{status: http.StatusBadRequest, code: "bad_body", message: "could not read the request body", detail: err.Error()}
}
