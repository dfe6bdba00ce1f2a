#!/usr/bin/env bash
# Measures `stemma reuse`: all pairs of the ATS corpus (8 OCR'd books, 3 MB), then generated
# corpora with planted passages (stemma-corpus plant) at several sizes, with wall time, peak memory,
# and recall, boundary error and false passages against the planted truth.
#
# Then newspaper-like corpora (stemma-corpus plant --newspaper: short notices reprinted across
# issues, notices on shared templates) at three levels of OCR noise, at the defaults and at the
# earlier defaults (--min-words 40 --min-matches 5), for recall by length band and formula cases.
#
# Usage: Benchmarks/reuse-bench.sh     Knobs: SIZES ("10000 30000 100000"), SEED (42), RUNS (3),
#        NEWSPAPER ("10000": the newspaper corpus sizes; empty skips them), NOISES ("today double heavy"),
#        BIN (a folder of release binaries built already, instead of building them)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SIZES="${SIZES:-10000 30000 100000}"
SEED="${SEED:-42}"
RUNS="${RUNS:-3}"
NEWSPAPER="${NEWSPAPER-10000}"
NOISES="${NOISES:-today double heavy}"
ATS="$ROOT/../shared/corpora/ats-tracts/docs.jsonl"
require_gnu_time

step "Release build"
build_release stemma stemma-corpus

# measure NAME OUTPUT COMMAND... : best wall time of RUNS runs and the peak RSS of the last
measure() {
    local name="$1" out="$2"; shift 2
    local best="" rss=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" >"$out"
        read -r seconds kb <"$DATA/time.txt"
        if [[ -z "$best" ]] || awk "BEGIN{exit !($seconds < $best)}"; then best="$seconds"; fi
        rss=$((kb / 1024))
    done
    printf '%-28s %8s s %8s MB\n' "$name" "$best" "$rss"
}

step "ATS tracts: all pairs of 8 books (3 MB), at the settings for books"
measure "stemma reuse (ATS)" "$DATA/ats-reuse.jsonl" "$BIN/stemma" reuse "$ATS" --format jsonl --no-alignment --min-words 40 --min-matches 5
echo "shared words by pair (shorter side), passages and the longest:"
python3 - "$DATA/ats-reuse.jsonl" <<'PY'
import json, sys, collections
pairs = collections.defaultdict(lambda: [0, 0, 0])
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["type"] != "passage": continue
    key = tuple(sorted((r["a"]["id"], r["b"]["id"])))
    words = min(r["a"]["words"], r["b"]["words"])
    pairs[key][0] += words; pairs[key][1] += 1; pairs[key][2] = max(pairs[key][2], words)
for (a, b), (words, count, longest) in sorted(pairs.items()):
    print(f"  {a} ~ {b}: {words} words in {count} passages (longest {longest})")
print(f"  {len(pairs)} of 28 pairs share a passage")
PY

step "Planted reuse: time, memory and accuracy by corpus size"
for size in $SIZES; do
    corpus="$DATA/reuse-$size.jsonl"
    [[ -s "$corpus" ]] || "$BIN/stemma-corpus" plant "$size" "$corpus" --seed "$SEED"
    bytes=$(stat -c %s "$corpus")
    printf '%s documents, %s MB\n' "$size" $((bytes / 1048576))
    RUNS=1 measure "stemma reuse ($size)" "$DATA/reuse-$size-report.jsonl" "$BIN/stemma" reuse "$corpus" --format jsonl --no-alignment
    "$BIN/stemma-corpus" evaluate-reuse "$size" "$DATA/reuse-$size-report.jsonl" --seed "$SEED"
done

step "Newspapers: short notices and formulas by OCR noise"
for size in $NEWSPAPER; do
    for noise in $NOISES; do
        corpus="$DATA/newspaper-$size-$noise.jsonl"
        [[ -s "$corpus" ]] || "$BIN/stemma-corpus" plant "$size" "$corpus" --seed "$SEED" --newspaper --noise "$noise"
        for settings in "defaults" "--min-words 40 --min-matches 5"; do
            flags=(); [[ "$settings" == defaults ]] || read -r -a flags <<<"$settings"
            printf '%s documents, %s noise, %s\n' "$size" "$noise" "$settings"
            RUNS=1 measure "stemma reuse" "$DATA/newspaper-report.jsonl" "$BIN/stemma" reuse "$corpus" --format jsonl --no-alignment ${flags[@]+"${flags[@]}"}
            "$BIN/stemma-corpus" evaluate-reuse "$size" "$DATA/newspaper-report.jsonl" --seed "$SEED" --newspaper --noise "$noise"
        done
    done
done
