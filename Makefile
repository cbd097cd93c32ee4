# The commands a newcomer needs; each target is one line so that it stays true.
.PHONY: test test-quick example

# The whole test suite, as CI runs it (installs chromium if missing).
test:
	./scripts/test.sh

# The library and CLI only: no Beam, no browser.
test-quick:
	./scripts/test.sh quick

# winnow's main job on a page shipped in the repo.
example:
	go run ./cmd/winnow extract testdata/pages/nav-header-footer-ads/input.html
