package server

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// readCapped reads a request body sent with the Content-Encoding enc
// (empty, identity, gzip or x-gzip) and returns it decoded. max caps the
// decoded body as well as the bytes on the wire (r is an
// http.MaxBytesReader): a gzipped body is inflated as it is read, and
// reading stops as soon as it passes the cap, so a small gzip bomb costs no
// more than max bytes.
func readCapped(r io.Reader, enc string, max int64) ([]byte, error) {
	gzipped := false
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, bodyError(err, true, max)
		}
		defer zr.Close()
		r, gzipped = zr, true
	default:
		return nil, errorf(http.StatusUnsupportedMediaType, "bad_encoding", fmt.Sprintf("Content-Encoding %q is not supported; send the body plain or gzipped", enc))
	}
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, bodyError(err, gzipped, max)
	}
	if int64(len(body)) > max {
		return nil, errorf(http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over the cap of %d bytes once decompressed", max))
	}
	return body, nil
}

// bodyError maps an error reading the request body to a response.
func bodyError(err error, gzipped bool, max int64) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errorf(http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over the cap of %d bytes", max))
	}
	if gzipped {
		return errorf(http.StatusBadRequest, "bad_body", "could not inflate the gzipped request body: "+err.Error())
	}
	return errorf(http.StatusBadRequest, "bad_body", "could not read the request body: "+err.Error())
}
