#!/usr/bin/env bash
# The whole test suite, as CI runs it. It installs what the tests need
# (Debian's chromium for the browser test) when the machine lacks it.
#
#   ./scripts/test.sh          everything
#   ./scripts/test.sh quick    the library and CLI only (no Beam, no browser)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

step "go vet ./..."
go vet ./...

step "go test ./... (library, CLI, server, batch; includes the AEB quality ratchet)"
go test -count=1 ./...

if [ "${1:-}" = quick ]; then
  exit 0
fi

step "bench module builds (peers live only there)"
(cd bench && go vet ./... && go test -count=1 ./...)

step "beam module: pipeline on Beam's local runner"
(cd beam && go vet ./... && go test -count=1 ./...)

step "browser test of the web page (installs chromium if missing)"
./scripts/e2e.sh
