#!/usr/bin/env bash
# Extraction throughput, two cores: `stemma extract --format jsonl -j 2` over COPIES copies of the 130
# Readability test pages (~25 MB each, so ~150 MB), against each peer's --speed mode with 2 worker
# processes over the same pages repeated as often.
#
# Not the same work: stemma's figure includes reading the files and writing JSONL; the peers' counts
# only parsing and extraction of pages already in memory (extract/peers_extract.py --speed), so any
# difference in I/O falls against stemma.
#
# Usage: Benchmarks/extract-speed.sh     Knobs: COPIES (6), CORPUS, STEMMA (1; 0 leaves stemma out),
#        PEERS ("trafilatura trafilatura-fast readability-lxml resiliparse"), BIN
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VENV="$HERE/.venv-extract"
CORPUS="$(cd "${CORPUS:-$ROOT/../shared/corpora/readability-test-pages}" && pwd)"
COPIES="${COPIES:-6}"
read -r -a PEERS <<<"${PEERS:-trafilatura trafilatura-fast readability-lxml resiliparse}"
PROCESSES=2

step "Peers in $VENV (trafilatura, readability-lxml, resiliparse from PyPI)"
[[ -x "$VENV/bin/python" ]] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check --upgrade pip; }
python_venv "$VENV" trafilatura readability-lxml resiliparse lxml lxml_html_clean
require_gnu_time

PAGES="$DATA/extract-copies-$COPIES"
if [[ ! -e "$PAGES/.complete" ]]; then
    step "Copies: $COPIES × the source.html files in $PAGES (once)"
    rm -rf "$PAGES"
    for ((copy = 1; copy <= COPIES; copy++)); do
        folder="$PAGES/$(printf 'copy%02d' "$copy")"
        mkdir -p "$folder"
        for source in "$CORPUS"/*/source.html; do
            page="$(basename "$(dirname "$source")")"
            cp "$source" "$folder/$page.html"
        done
    done
    touch "$PAGES/.complete"
fi
BYTES="$(find "$PAGES" -name '*.html' -printf '%s\n' | awk '{ total += $1 } END { print total }')"
FILES="$(find "$PAGES" -name '*.html' | wc -l)"
MB="$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')"

RESULTS="$DATA/extract-speed.txt"  # lines: tool seconds rssMB
: >"$RESULTS"
if [[ "${STEMMA:-1}" == 1 ]]; then
    step "Release build, and stemma extract -j $PROCESSES over $FILES files ($MB MB)"
    if build_release stemma; then
        status=0
        /usr/bin/time -f "%e %M" -o "$DATA/extract-speed-stemma.time" \
            "$BIN/stemma" extract --format jsonl -j "$PROCESSES" "$PAGES" >"$DATA/extract-speed-stemma.jsonl" 2>"$DATA/extract-speed-stemma.err" || status=$?
        if (( status <= 1 )) && [[ -s "$DATA/extract-speed-stemma.jsonl" ]]; then
            awk '{ printf "stemma %s %.1f\n", $1, $2 / 1024 }' "$DATA/extract-speed-stemma.time" >>"$RESULTS"
        else
            tail -5 "$DATA/extract-speed-stemma.err" >&2
            echo "stemma extract failed ($status): its row shows —" >&2
        fi
    else
        echo "no stemma build: its row shows —" >&2
    fi
fi

step "Peers: the same $(( FILES / COPIES )) pages × $COPIES in memory, $PROCESSES worker processes"
for peer in "${PEERS[@]}"; do
    if /usr/bin/time -f "%M" -o "$DATA/extract-speed-$peer.time" "$PY" "$HERE/extract/peers_extract.py" "$peer" --speed \
        --corpus "$CORPUS" --repeat "$COPIES" --processes "$PROCESSES" >"$DATA/extract-speed-$peer.json" 2>"$DATA/extract-speed-$peer.err"; then
        "$PY" -c 'import json, sys; r = json.load(open(sys.argv[1])); print(sys.argv[2], r["seconds"], "%.1f" % (int(open(sys.argv[3]).read().split()[-1]) / 1024))' \
            "$DATA/extract-speed-$peer.json" "$peer" "$DATA/extract-speed-$peer.time" >>"$RESULTS"
    else
        tail -5 "$DATA/extract-speed-$peer.err" >&2
        echo "$peer failed" >&2
    fi
done

step "Throughput on $MB MB of HTML, $PROCESSES cores (ratio = stemma's MB/s ÷ the tool's: how many times slower than stemma)"
echo "stemma: read files + parse + extract + write JSONL; peers: parse + extract of pages in memory (no I/O)."
echo "RSS: peak of the largest process (a peer's parent and workers each hold the pages)."
printf '%-18s %9s %9s %14s %9s %8s\n' tool seconds "MB/s" "MB/s per core" "RSS MB" ratio
base="$(awk '$1 == "stemma" { print $2 }' "$RESULTS")"
grep -q '^stemma ' "$RESULTS" || printf '%-18s %11s %11s %16s %11s %10s\n' stemma — — — — —  # — is 3 bytes wide
while read -r name seconds rss; do
    awk -v name="$name" -v s="$seconds" -v rss="$rss" -v mb="$MB" -v k="$PROCESSES" -v base="$base" 'BEGIN {
        ratio = base == "" ? sprintf("%10s", "—") : sprintf(s / base < 1 ? "%8.2fx" : "%8.1fx", s / base)
        printf "%-18s %9.2f %9.2f %14.2f %9s %s\n", name, s, mb / s, mb / s / k, rss, ratio }'
done <"$RESULTS"
