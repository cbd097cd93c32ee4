#!/bin/sh
# ab.sh compares winnow's speed at two commits on this machine.
#
#   bench/ab.sh OLD NEW [runs] [rounds]
#
# Each commit's library is exported with git archive into a temporary
# folder, with the current bench/ module copied beside it, so the harness is
# the same on both sides and only the library differs. The two binaries
# then run winnow alone in alternation, runs times each (default 3), with
# rounds rounds per run (default 3), at Go's default GOGC, and each run
# prints its winnow row (with the spread of its rounds). Compare the CPU
# pages/s column; it is the steadiest on a shared machine.
# Run it from anywhere inside the repository; the pages are the AEB set
# beside it. The harness imports the library's internal/eval and
# internal/dataset, so both commits must have them, with dataset.FindAEB.
set -eu
if [ $# -lt 2 ]; then
	echo "usage: bench/ab.sh OLD NEW [runs] [rounds]" >&2
	exit 2
fi
top=$(git rev-parse --show-toplevel)
old=$(git -C "$top" rev-parse --short "$1")
new=$(git -C "$top" rev-parse --short "$2")
runs=${3:-3} rounds=${4:-3}
pages="$top/../shared/datasets/aeb/html"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for side in old new; do
	eval commit=\$$side
	if ! git -C "$top" grep -q "func FindAEB" "$commit" -- internal/dataset/dataset.go 2>/dev/null; then
		echo "ab.sh: $commit has no dataset.FindAEB, which the harness needs" >&2
		exit 2
	fi
	mkdir -p "$tmp/$side"
	git -C "$top" archive "$commit" | tar -x -C "$tmp/$side"
	rm -rf "$tmp/$side/bench"
	cp -r "$top/bench" "$tmp/$side/bench"
	(cd "$tmp/$side/bench" && go build -o "$tmp/$side.bin" ./cmd/winnow-bench)
done
# Run outside any checkout (each side's exported bench/ folder, where the
# harness builds its child from that side's library), so the harness does
# not name the working tree's commit as winnow's version.
i=0
while [ "$i" -lt "$runs" ]; do
	for side in old new; do
		eval commit=\$$side
		out=$(cd "$tmp/$side/bench" && "$tmp/$side.bin" -pages "$pages" -only winnow -gogc 100 -rounds "$rounds")
		if [ "$i" -eq 0 ] && [ "$side" = old ]; then
			echo "$out" | grep '^| contender ' | sed 's/^| contender/| side | contender/'
		fi
		echo "$out" | grep '^| winnow ' | sed "s/^| winnow | working tree/| $side | winnow | $commit/"
	done
	i=$((i + 1))
done
