package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// that several servers (as in tests) never collide.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	bytesIn     *prometheus.CounterVec
	pageBytes   prometheus.Histogram
	pages       *prometheus.CounterVec
	fetchErrors *prometheus.CounterVec
	inflight    prometheus.Gauge
	fetching    prometheus.Gauge
	rejected    *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_http_requests_total",
			Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "winnow_http_request_duration_seconds",
			Help:    "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		bytesIn: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_input_bytes_total",
			Help: "Bytes of page input, by source (body = sent by the client, fetch = fetched).",
		}, []string{"source"}),
		pageBytes: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "winnow_page_bytes",
			Help:    "Size of each page extracted.",
			Buckets: prometheus.ExponentialBuckets(1024, 4, 9),
		}),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_pages_total",
			Help: "Pages by outcome (article, no_article, error) and status (the article status, or the error code).",
		}, []string{"outcome", "status"}),
		fetchErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_fetch_errors_total",
			Help: "Failed fetches by kind.",
		}, []string{"kind"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "winnow_extractions_in_flight",
			Help: "Extraction requests holding a slot.",
		}),
		fetching: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "winnow_fetches_in_flight",
			Help: "Fetches holding a place in the fetch pool.",
		}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "winnow_overload_rejections_total",
			Help: "Requests answered 503 because a pool was full, by pool: extract (every slot and the queue), fetch (the fetch pool), body (the bytes of request bodies held).",
		}, []string{"pool"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.bytesIn, m.pageBytes, m.pages, m.fetchErrors, m.inflight, m.fetching, m.rejected,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (s *Server) handleMetrics() http.HandlerFunc {
	h := promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
	return func(w http.ResponseWriter, r *http.Request) {
		if !allow(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		h.ServeHTTP(w, r)
	}
}
