#!/usr/bin/env bash
# Near-duplicate web pages in a crawl, read straight from a gzip WARC: `stemma dedup FILE.warc.gz`
# against the floors of reading the file (gzip -dc; FastWARC reading every payload) and the Python
# pipeline a data engineer writes today (warcio → trafilatura → datasketch MinHash → MinHashLSH at
# 0.8, extraction and hashing over 2 processes). One run each, on one generated WARC
# (warc/make_warc.py: the 130 Readability test pages, recaptured, copied to other hosts and crawled
# again under other URLs, SCALE rounds of ~55 MB); clusters are scored against its ground truth.
#
# Usage: Benchmarks/warc-dedup.sh     Knobs: SCALE (8 rounds, ~440 MB uncompressed), SEED (42),
#        STEMMA (1; 0 leaves stemma out), REUSE (0: measure again), CORPUS, BIN
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VENV="$HERE/.venv-warc"
SCALE="${SCALE:-8}"
SEED="${SEED:-42}"
CORPUS="$(cd "${CORPUS:-$ROOT/../shared/corpora/readability-test-pages}" && pwd)"
THREADS=2

step "Peers in $VENV (warcio, fastwarc, trafilatura, datasketch from PyPI)"
# Debian's venv brings pip 23, whose resolver trips over lxml[html_clean] wanted twice: update it first.
[[ -x "$VENV/bin/python" ]] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check --upgrade pip; }
python_venv "$VENV" warcio fastwarc trafilatura datasketch lxml_html_clean
require_gnu_time

WARC="$DATA/crawl-$SCALE-$SEED.warc.gz"
TRUTH="$DATA/crawl-$SCALE-$SEED.truth.jsonl"
if [[ ! -s "$WARC.stats.json" ]]; then
    step "WARC: $SCALE rounds of the $(find "$CORPUS" -mindepth 2 -name source.html | wc -l) pages (once)"
    "$PY" "$HERE/warc/make_warc.py" "$WARC" "$TRUTH" --corpus "$CORPUS" --scale "$SCALE" --seed "$SEED" >/dev/null
fi
read -r RESPONSES RECORDS MB GZMB < <("$PY" -c 'import json, sys; s = json.load(open(sys.argv[1]))
print(s["responses"], s["records"], "%.1f" % (s["uncompressedBytes"] / 1e6), "%.1f" % (s["bytes"] / 1e6))' "$WARC.stats.json")
step "WARC: $WARC ($GZMB MB gzip, $MB MB uncompressed, $RECORDS records of which $RESPONSES responses)"

# measure NAME COMMAND... : runs under GNU time, prints "NAME seconds rssMB"
measure() {
    local name="$1" status=0; shift
    /usr/bin/time -f "%e %M" -o "$DATA/warc-$name.time" "$@" >"$DATA/warc-$name.out" 2>"$DATA/warc-$name.err" || status=$?
    if (( status > 1 )) || { (( status == 1 )) && [[ "$1" != "${BIN:-}/stemma" ]]; }; then
        tail -5 "$DATA/warc-$name.err" >&2; echo "$name failed ($status)" >&2; return 1
    fi
    awk -v name="$name" '{ printf "%s %.2f %.1f\n", name, $1, $2 / 1024 }' "$DATA/warc-$name.time"
}

RESULTS="$DATA/warc-results-$SCALE-$SEED.txt"  # lines: tool seconds rssMB
if [[ "${REUSE:-0}" == 1 && -s "$RESULTS" ]]; then
    echo "(REUSE=1: reporting the measurements already in $RESULTS)"
else
    : >"$RESULTS"
    if [[ "${STEMMA:-1}" == 1 ]]; then
        step "Release build, and stemma dedup -j $THREADS --threshold 0.8"
        if build_release stemma; then
            measure stemma "$BIN/stemma" dedup "$WARC" -j "$THREADS" --threshold 0.8 --format json --quiet >>"$RESULTS" ||
                echo "stemma dedup failed: its row shows —" >&2
        else
            echo "no stemma build: its row shows —" >&2
        fi
    fi
    step "gzip -dc, FastWARC, and the Python pipeline ($THREADS processes)"
    measure gzip sh -c 'gzip -dc "$1" >/dev/null' gzip "$WARC" >>"$RESULTS"
    measure fastwarc "$PY" "$HERE/warc/peers_warc_dedup.py" fastwarc "$WARC" >>"$RESULTS"
    measure python-pipeline "$PY" "$HERE/warc/peers_warc_dedup.py" pipeline "$WARC" --processes "$THREADS" \
        --threshold 0.8 --output "$DATA/warc-python-pipeline.clusters" >>"$RESULTS"
fi

accuracy_of() {  # accuracy_of RESULT -> "clusters pairs precision recall familyRecall"
    "$PY" "$HERE/warc/peers_warc_dedup.py" evaluate "$TRUTH" "$1" | "$PY" -c 'import json, sys
r = json.load(sys.stdin); f = lambda v: "—" if v is None else "%.3f" % v
print(r["clusters"], r["pairs"], f(r["precision"]), f(r["recall"]), f(r["familyRecall"]))'
}
truth="$("$PY" "$HERE/warc/peers_warc_dedup.py" evaluate "$TRUTH" /dev/null | "$PY" -c 'import json, sys
r = json.load(sys.stdin); print(r["truthFamilies"], r["truthPairs"])')"

step "$RESPONSES pages ($MB MB uncompressed WARC) on $THREADS cores; ratio = time ÷ stemma's time; RSS: the largest process"
echo "truth: ${truth% *} families of near duplicates, ${truth#* } pairs (families of articles under 30 words not scored);"
echo "pairs = every pair inside a reported cluster; family R = mean share of each family's pairs found"
printf '%-16s %8s %10s %8s %8s %7s %9s %8s %7s %7s %9s\n' tool seconds pages/s MB/s "RSS MB" ratio clusters pairs P R "family R"
base="$(awk '$1 == "stemma" { print $2 }' "$RESULTS")"
grep -q '^stemma ' "$RESULTS" || printf '%-16s %10s %12s %10s %10s %9s %11s %10s %9s %9s %11s\n' stemma — — — — — — — — — —
while read -r name seconds rss; do
    accuracy="— — — — —"
    case "$name" in
        stemma) accuracy="$(accuracy_of "$DATA/warc-stemma.out")" || accuracy="— — — — —" ;;
        python-pipeline) accuracy="$(accuracy_of "$DATA/warc-python-pipeline.clusters")" || accuracy="— — — — —" ;;
    esac
    [[ -n "$accuracy" ]] || accuracy="— — — — —"
    read -r clusters pairs precision recall family <<<"$accuracy"
    awk -v name="$name" -v s="$seconds" -v rss="$rss" -v n="$RESPONSES" -v mb="$MB" -v base="$base" \
        -v c="$clusters" -v p="$pairs" -v P="$precision" -v R="$recall" -v F="$family" 'BEGIN {
        ratio = base == "" ? sprintf("%7s", "—") : sprintf(s / base < 1 ? "%6.2fx" : "%6.1fx", s / base)
        printf "%-16s %8.2f %10.0f %8.1f %8s %s %9s %8s %7s %7s %9s\n", name, s, n / s, mb / s, rss, ratio,
            c, p, P, R, F }' | sed 's/ —/   —/g'  # — is 3 bytes: widen its cells by the 2 that printf counted
done <"$RESULTS"
