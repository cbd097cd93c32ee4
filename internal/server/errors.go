package server

import (
	"encoding/json"
	"net/http"
)

// apiError is the body of every error response.
type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError writes {"error":{"code","message"}} with status.
func writeError(w http.ResponseWriter, status int, code, message string) {
	noteError(w, code)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Del("Content-Length")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(apiError{Error: errorBody{Code: code, Message: message}})
}

// httpError is an error on its way to becoming an error response.
type httpError struct {
	status  int
	code    string
	message string // sent to the client
	detail  string // logged, never sent: addresses, resolver errors, internals
	retry   bool   // answer with Retry-After
}

func (e *httpError) Error() string { return e.code + ": " + e.message }

func errorf(status int, code, message string) *httpError {
	return &httpError{status: status, code: code, message: message}
}
