package server

import (
	"encoding/json"
	"net/http"

	"github.com/winnow-go/winnow/article"
)

// reasonsJSON is the body of GET /v1/reasons: every removal reason with
// its one-line explanation (article.Reason.Explanation), in a fixed
// order. The web page labels its cuts with it.
var reasonsJSON = func() []byte {
	type entry struct {
		Reason      article.Reason `json:"reason"`
		Explanation string         `json:"explanation"`
	}
	var body struct {
		Reasons []entry `json:"reasons"`
	}
	for _, r := range article.Reasons() {
		body.Reasons = append(body.Reasons, entry{r, r.Explanation()})
	}
	b, err := json.Marshal(body)
	if err != nil {
		panic(err) // fixed data
	}
	return append(b, '\n')
}()

func (s *Server) handleReasons(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(reasonsJSON)
}
