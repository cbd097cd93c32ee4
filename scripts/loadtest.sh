#!/usr/bin/env bash
# Load test of "winnow serve" on loopback: builds winnow, starts the server
# on 127.0.0.1, POSTs AEB pages to /v1/extract with wrk for a bounded time,
# and prints requests/s, latency percentiles, errors, and the server's RSS
# at the start, middle and end. Traffic never leaves this machine.
#
#   scripts/loadtest.sh [DURATION_SECONDS] [CONNECTIONS]
#
# Env: PAGES (how many AEB pages to rotate over, default 8), THREADS (wrk
# threads, default 2), CONCURRENCY (server extraction slots, default 2),
# PORT (default 18080).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-30}"
CONNS="${2:-8}"
THREADS="${THREADS:-2}"
PAGES="${PAGES:-8}"
CONCURRENCY="${CONCURRENCY:-2}"
PORT="${PORT:-18080}"
DATA="${AEB_HTML:-../shared/datasets/aeb/html}"

if ! command -v wrk >/dev/null; then
  echo "loadtest: installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
[ -d "$DATA" ] || { echo "loadtest: no pages at $DATA" >&2; exit 2; }

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

go build -o "$WORK/winnow" ./cmd/winnow

mkdir -p "$WORK/pages"
files=()
for gz in $(ls "$DATA"/*.html.gz | sort | head -n "$PAGES"); do
  out="$WORK/pages/$(basename "$gz" .gz)"
  gunzip -c "$gz" >"$out"
  files+=("$out")
done
total=$(cat "${files[@]}" | wc -c)
echo "pages           ${#files[@]} AEB pages, $((total / ${#files[@]} / 1024)) KB on average"

"$WORK/winnow" serve --addr "127.0.0.1:$PORT" --concurrency "$CONCURRENCY" --log-level warn 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null

rss() { awk '/^VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$SERVER_PID/status"; }
hwm() { awk '/^VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$SERVER_PID/status"; }

echo "machine         $(nproc) cores; wrk $THREADS threads, $CONNS connections, ${DURATION}s; server concurrency $CONCURRENCY"
RSS_START="$(rss)"
( sleep "$((DURATION / 2))"; rss >"$WORK/rss_mid" ) &
MID_PID=$!
wrk -t "$THREADS" -c "$CONNS" -d "${DURATION}s" --timeout 30s -s scripts/loadtest.lua \
  "http://127.0.0.1:$PORT/" -- "${files[@]}"
wait "$MID_PID" || true
echo "server RSS      start $RSS_START, middle $(cat "$WORK/rss_mid"), end $(rss) (peak $(hwm))"
curl -fsS "http://127.0.0.1:$PORT/metrics" | grep -E '^winnow_(pages_total|http_requests_total\{code="(5..|4..)")' || true
