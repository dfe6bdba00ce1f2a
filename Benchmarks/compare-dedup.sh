#!/usr/bin/env bash
# Compares `stemma dedup` with datasketch, rensa (bulk and streaming) and text-dedup on one generated corpus, in one run:
# end-to-end time (read JSONL -> verified pairs/families), peak memory, and pair precision and
# recall against exact Jaccard; then Stemma's per-core sketching throughput and its cost per
# document from 10k to DOCS (and 1M with SCALE_1M=1).
#
# Usage: Benchmarks/compare-dedup.sh     Knobs: DOCS (100000), SEED (42), SCALE_1M (0), REUSE (0: measure again)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VENV="$HERE/.venv-dedup"
DOCS="${DOCS:-100000}"
SEED="${SEED:-42}"
SCALE_1M="${SCALE_1M:-0}"

step "Peers in $VENV (datasketch, rensa, text-dedup from PyPI)"
python_venv "$VENV" datasketch rensa text-dedup
require_gnu_time

step "Release build (plain: the AVX2 kernel is chosen at run time)"
build_release stemma stemma-corpus stemma-diff-bench

corpus() {  # corpus COUNT -> path
    local path="$DATA/corpus-$1.jsonl"
    [[ -s "$path" ]] || "$BIN/stemma-corpus" generate "$1" "$path" --seed "$SEED"
    echo "$path"
}

# measure NAME COMMAND... : runs under GNU time, prints "NAME seconds rssMB"
measure() {
    local name="$1"; shift
    /usr/bin/time -f "%e %M" -o "$DATA/$name.time" "$@" >"$DATA/$name.out" 2>"$DATA/$name.err" || {
        status=$?; [[ $status -eq 1 && "$1" == "$BIN/stemma" ]] || { tail -5 "$DATA/$name.err" >&2; echo "$name failed ($status)" >&2; return 1; }
    }
    awk -v name="$name" '{ printf "%s %.2f %.1f\n", name, $1, $2 / 1024 }' "$DATA/$name.time"
}

# "precision recall" of a pairs file against exact Jaccard.
accuracy_of() {
    "$BIN/stemma-corpus" evaluate "$CORPUS" "$1" | "$PY" -c '
import json, sys
result = json.load(sys.stdin)
print("%.4f    %.4f" % (result["precision"], result["recall"]))'
}

CORPUS="$(corpus "$DOCS")"
step "Corpus: $CORPUS ($(du -m "$CORPUS" | cut -f1) MB, $DOCS documents)"
RESULTS="$DATA/dedup-results.txt"
if [[ "${REUSE:-0}" == 1 && -s "$RESULTS" ]]; then
    echo "(REUSE=1: reporting the measurements already in $RESULTS)"
else
: >"$RESULTS"
for verify in auto estimate exact; do
    measure "stemma-$verify" "$BIN/stemma" dedup "$CORPUS" --verify "$verify" --format jsonl --quiet >>"$RESULTS"
    cp "$DATA/stemma-$verify.out" "$DATA/stemma-$verify.pairs"
done
measure rensa "$PY" "$HERE/peers_dedup.py" rensa "$CORPUS" "$DATA/rensa.pairs" >>"$RESULTS"
measure rensa-stream "$PY" "$HERE/peers_dedup.py" rensa-stream "$CORPUS" "$DATA/rensa-stream.pairs" >>"$RESULTS"
measure datasketch "$PY" "$HERE/peers_dedup.py" datasketch "$CORPUS" "$DATA/datasketch.pairs" >>"$RESULTS"
if measure text-dedup env HF_DATASETS_OFFLINE=1 "$PY" -m text_dedup.minhash --path json --data_files "$CORPUS" --split train \
    --cache_dir "$DATA/hf-cache" --output "$DATA/text-dedup-out" --column text --ngram 5 --num_perm 128 --threshold 0.5 \
    --num_proc 2 >>"$RESULTS"; then :; else echo "text-dedup failed; see $DATA/text-dedup.err" >&2; fi
fi

step "End to end on $DOCS documents (ratio = time / stemma's default (auto) time); accuracy against exact Jaccard"
printf '%-18s %9s %9s %8s %10s %8s\n' tool seconds "RSS MB" ratio precision recall
base="$(awk '$1 == "stemma-auto" { print $2 }' "$RESULTS")"
while read -r name seconds rss; do
    accuracy="-        -"
    if [[ -s "$DATA/$name.pairs" ]]; then
        accuracy="$(accuracy_of "$DATA/$name.pairs")"
    fi
    printf '%-18s %9s %9s %7.1fx   %s\n' "$name" "$seconds" "$rss" "$(awk -v a="$seconds" -v b="$base" 'BEGIN { print a / b }')" "$accuracy"
done <"$RESULTS"

step "Sketching throughput, one core (shingles + MinHash-128, 5 KB documents)"
"$BIN/stemma-diff-bench" --sketch "$CORPUS" 1

step "Cost per document as the corpus grows (stemma dedup, default auto verification)"
sizes=(10000 30000 "$DOCS")
[[ "$SCALE_1M" == 1 ]] && sizes+=(1000000)
for count in "${sizes[@]}"; do
    path="$(corpus "$count")"
    line="$(measure "scale-$count" "$BIN/stemma" dedup "$path" --format text --quiet)"  # default: auto
    set -- $line
    printf '%8d documents: %7.2f s, %7.1f MB peak, %6.2f µs per document\n' "$count" "$2" "$3" "$(awk -v s="$2" -v n="$count" 'BEGIN { print s * 1000000 / n }')"
done
