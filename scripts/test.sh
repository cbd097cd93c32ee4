#!/usr/bin/env bash
# The whole test suite, as CI runs it. It installs what the tests need
# (staticcheck with go install; Debian's chromium for the browser test)
# when the machine lacks it. Each phase prints its elapsed time.
#
#   ./scripts/test.sh          everything
#   ./scripts/test.sh quick    the library and CLI only (no Beam, no browser)
set -euo pipefail
cd "$(dirname "$0")/.."

# staticcheck's module version (staticcheck 2026.2.2, which supports Go 1.26).
STATICCHECK_VERSION=v0.8.2

# Each phase ends with one line "== <phase>: <seconds> s", also when it fails.
phase="" phase_start=0
now_ms() { echo $(($(date +%s%N) / 1000000)); }
end_phase() {
  if [ -n "$phase" ]; then
    local ms=$(($(now_ms) - phase_start))
    printf '== %s: %d.%d s%s\n' "$phase" $((ms / 1000)) $((ms % 1000 / 100)) "${1:-}"
  fi
  phase=""
}
step() {
  end_phase
  phase="$*" phase_start=$(now_ms)
  printf '\n== %s\n' "$*"
}
trap 'rc=$?; [ "$rc" = 0 ] && end_phase || end_phase " (failed)"' EXIT

# staticcheck prints the path of a staticcheck binary of STATICCHECK_VERSION,
# installing it into the first GOPATH's bin when it is not there.
staticcheck() {
  local gopath bin
  gopath=$(go env GOPATH)
  bin="${gopath%%:*}/bin/staticcheck"
  if ! "$bin" -version 2>/dev/null | grep -qF "(${STATICCHECK_VERSION#v})"; then
    echo "installing staticcheck $STATICCHECK_VERSION" >&2
    GOBIN="${gopath%%:*}/bin" go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
  fi
  "$bin" "$@"
}

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

step "go vet ./..."
go vet ./...

step "staticcheck ./... (installs it if missing)"
staticcheck ./...

step "go test ./... (library, CLI, server, batch; includes the quality ratchets on aeb, wcxb-dev and the held-out sets)"
go test -count=1 ./...

# The packages that run work concurrently, by name so that the list survives
# a move (internal/batch is becoming internal/runner; fetch left internal/):
# the root package, the batch reader, the batch runner, the server, eval and
# fetch. -short skips the quality ratchets (already run above) and the
# SIGKILL test, whose kill timings do not hold under the race detector's
# slowdown.
# The race detector needs cgo, so a C compiler (Debian's gcc if missing).
race_pkgs=$(go list ./... | grep -E '^github.com/winnow-go/winnow(/batch|/fetch|/internal/(batch|runner|server|eval|fetch))?$')
step "go test -race -short" $(echo "$race_pkgs" | sed 's#^github.com/winnow-go/winnow#.#')
if ! command -v "$(go env CC)" >/dev/null; then
  echo "installing gcc for the race detector" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gcc >/dev/null
fi
CGO_ENABLED=1 go test -race -short -count=1 $race_pkgs

if [ "${1:-}" = quick ]; then
  exit 0
fi

# Each fuzz target of the main module fuzzes for FUZZTIME (default 10s),
# found by name so that a new target is fuzzed too. -fuzzminimizetime
# bounds the minimising of each input that finds new code: unbounded (60s
# an input) it took all the fuzzer's time. A failing input is written to
# the package's testdata/fuzz, and go test prints how to rerun it.
FUZZTIME=${FUZZTIME:-10s}
fuzz_targets=$(git grep -n '^func Fuzz[A-Za-z0-9_]*(' -- '*_test.go' ':!beam' ':!bench' 2>/dev/null ||
  grep -rn --include='*_test.go' --exclude-dir=beam --exclude-dir=bench '^func Fuzz[A-Za-z0-9_]*(' .)
step "fuzz each target for $FUZZTIME:" $(echo "$fuzz_targets" | sed -E 's/.*func (Fuzz[A-Za-z0-9_]*).*/\1/')
fuzz_log=$(mktemp)
while IFS=: read -r file _ decl; do
  name=$(echo "$decl" | sed -E 's/^func (Fuzz[A-Za-z0-9_]*).*/\1/')
  dir=$(dirname "${file#./}")
  [ "$dir" = . ] || dir=./$dir
  if go test -run '^$' -fuzz "^$name\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 200x "$dir" >"$fuzz_log" 2>&1; then
    echo "$name ($dir): $(grep -o 'execs: [0-9]*' "$fuzz_log" | tail -1) in $FUZZTIME"
  elif grep -q '^    context deadline exceeded$' "$fuzz_log" && ! grep -q 'Failing input written' "$fuzz_log"; then
    # Go's fuzzing engine sometimes reports its own -fuzztime running out
    # as a failure, with no failing input (golang/go#75804, a race in the
    # coordinator): that is not a finding.
    echo "$name ($dir): $(grep -o 'execs: [0-9]*' "$fuzz_log" | tail -1) in $FUZZTIME (the engine's deadline note ignored: no failing input)"
  else
    cat "$fuzz_log"
    rm -f "$fuzz_log"
    exit 1
  fi
done <<<"$fuzz_targets"
rm -f "$fuzz_log"

step "bench module builds (peers live only there)"
(cd bench && go vet ./... && staticcheck ./... && go test -count=1 ./...)

step "beam module: pipeline on Beam's local runner"
(cd beam && go vet ./... && go test -count=1 ./...)

step "browser test of the web page (installs chromium if missing)"
./scripts/e2e.sh
