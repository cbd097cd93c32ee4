package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
)

// Errors a fetch may return. Test for them with errors.Is.
var (
	// ErrForbiddenAddress is matched by every *ForbiddenAddressError: the
	// URL or a redirect led to a loopback, private, link-local or otherwise
	// non-public address.
	ErrForbiddenAddress = errors.New("forbidden address")
	// ErrTooLarge means the body, or its decompressed form, passed MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrTooManyRedirects means the chain of redirects passed MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrScheme means the URL or a redirect used a scheme other than http
	// or https.
	ErrScheme = errors.New("scheme not allowed")
	// ErrBadURL means the URL could not be read.
	ErrBadURL = errors.New("bad URL")
	// ErrTimeout means the whole fetch took longer than Timeout.
	ErrTimeout = errors.New("fetch timed out")
	// ErrStatus is matched by every *StatusError.
	ErrStatus = errors.New("HTTP error status")
	// ErrEncoding means the server sent a Content-Encoding we did not ask
	// for, or a gzip body that is not valid.
	ErrEncoding = errors.New("bad content encoding")
	// ErrTruncated means the far server ended the body before its end:
	// the connection closed short of the Content-Length or inside a
	// chunk.
	ErrTruncated = errors.New("response body cut short")
)

// ForbiddenAddressError reports an address that a fetch refused to reach,
// and which class of address it is ("loopback", "private", "link-local",
// "multicast", ...).
type ForbiddenAddressError struct {
	Addr  netip.Addr
	Class string
}

func (e *ForbiddenAddressError) Error() string {
	return fmt.Sprintf("forbidden address %s (%s)", e.Addr, e.Class)
}

// Is makes errors.Is(err, ErrForbiddenAddress) true.
func (e *ForbiddenAddressError) Is(target error) bool { return target == ErrForbiddenAddress }

// StatusError reports a response whose status code was not 2xx.
type StatusError struct {
	URL        string
	StatusCode int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP status %d", e.URL, e.StatusCode)
}

// Is makes errors.Is(err, ErrStatus) true.
func (e *StatusError) Is(target error) bool { return target == ErrStatus }

// Kind names the class of a fetch error in a few lowercase words, for
// metrics and logs: "forbidden_address", "too_large", "too_many_redirects",
// "scheme", "bad_url", "timeout", "status", "encoding", "truncated", "dns",
// "canceled" or "network".
func Kind(err error) string {
	var dnsErr *net.DNSError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrForbiddenAddress):
		return "forbidden_address"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrTooManyRedirects):
		return "too_many_redirects"
	case errors.Is(err, ErrScheme):
		return "scheme"
	case errors.Is(err, ErrBadURL):
		return "bad_url"
	case errors.Is(err, ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, ErrStatus):
		return "status"
	case errors.Is(err, ErrEncoding):
		return "encoding"
	case errors.Is(err, ErrTruncated):
		return "truncated"
	case errors.As(err, &dnsErr):
		return "dns"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return "network"
}
