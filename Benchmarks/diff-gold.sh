#!/usr/bin/env bash
# Scores `stemma diff` (VersionDiff) against the hand-checked gold pairs of Benchmarks/diff-gold/
# (see its README): one row per pair and a total (operations exact, tag precision and recall), then
# the misses, each gold operation with what the diff gave instead.
#
# Usage: Benchmarks/diff-gold.sh [DIR] [--no-misses]     (from any directory)
# Knobs: BIN=DIR uses a stemma-diff-gold built already.
# A debug build in the default .build: quality, not speed, is measured, and the test build there
# already holds most of what it needs.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -z "${BIN:-}" ]]; then
    step "Debug build of stemma-diff-gold"
    log="$DATA/build-stemma-diff-gold.log"
    if ! (cd "$ROOT" && swift build --product stemma-diff-gold) >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "error: build of stemma-diff-gold failed (full log: $log)" >&2
        exit 1
    fi
    BIN="$(cd "$ROOT" && swift build --show-bin-path)"
fi

dir="$HERE/diff-gold"
if [[ $# -gt 0 && "$1" != --* ]]; then
    dir="$(cd "$1" && pwd)"
    shift
fi
step "Gold pairs in $dir"
"$BIN/stemma-diff-gold" "$dir" "$@"
