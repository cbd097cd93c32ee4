#!/usr/bin/env bash
# Runs the browser test of the web page (module e2e/) in headless Chromium.
# Installs Debian's chromium if it is missing. Screenshots go to
# $WINNOW_SCREENSHOT_DIR (default: a temp dir, printed by the test).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${WINNOW_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "e2e: installing chromium" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

export WINNOW_CHROMIUM="$CHROMIUM"
export WINNOW_E2E_REQUIRE=1
cd e2e
go test -count=1 -v ./... "$@"
