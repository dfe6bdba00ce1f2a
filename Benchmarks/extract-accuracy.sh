#!/usr/bin/env bash
# Scores `stemma extract` and three peers (trafilatura, readability-lxml, resiliparse) on the 130
# Readability test pages: word 4-gram precision, recall and F1 of the body against expected.html,
# and exact titles against expected-metadata.json (see extract/score.py), in one table.
#
# Usage: Benchmarks/extract-accuracy.sh     Knobs: CORPUS (../shared/corpora/readability-test-pages),
#        STEMMA (1; 0 leaves stemma out), WORST (0: also list the N pages of lowest F1 per tool), BIN
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VENV="$HERE/.venv-extract"
CORPUS="$(cd "${CORPUS:-$ROOT/../shared/corpora/readability-test-pages}" && pwd)"
PEERS=(trafilatura trafilatura-fast readability-lxml resiliparse)

step "Peers in $VENV (trafilatura, readability-lxml, resiliparse from PyPI)"
# Debian's venv brings pip 23, whose resolver trips over lxml[html_clean] wanted twice: update it first.
[[ -x "$VENV/bin/python" ]] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check --upgrade pip; }
python_venv "$VENV" trafilatura readability-lxml resiliparse lxml lxml_html_clean

STEMMA_OUT="$DATA/extract-stemma.jsonl"
rm -f "$STEMMA_OUT"
if [[ "${STEMMA:-1}" == 1 ]]; then
    step "Release build, and stemma extract over $CORPUS"
    if build_release stemma; then
        status=0
        "$BIN/stemma" extract --format jsonl "$CORPUS"/*/source.html >"$STEMMA_OUT" 2>"$DATA/extract-stemma.err" || status=$?
        if (( status > 1 )); then
            tail -5 "$DATA/extract-stemma.err" >&2
            echo "stemma extract failed ($status): its row shows —" >&2
            rm -f "$STEMMA_OUT"
        fi
    else
        echo "no stemma build: its row shows —" >&2
    fi
fi

step "Peers over the same pages"
for peer in "${PEERS[@]}"; do
    "$PY" "$HERE/extract/peers_extract.py" "$peer" --corpus "$CORPUS" --output "$DATA/extract-$peer.jsonl" 2>"$DATA/extract-$peer.err" ||
        echo "$peer: some pages failed (see $DATA/extract-$peer.err); they score 0" >&2
done

step "Accuracy on $(find "$CORPUS" -mindepth 2 -name source.html | wc -l) pages (per-page figures: $DATA/extract-pages.tsv)"
arguments=("stemma=$STEMMA_OUT")
for peer in "${PEERS[@]}"; do arguments+=("$peer=$DATA/extract-$peer.jsonl"); done
"$PY" "$HERE/extract/score.py" --corpus "$CORPUS" --tsv "$DATA/extract-pages.tsv" "${arguments[@]}"
if (( ${WORST:-0} > 0 )); then
    for tool in stemma "${PEERS[@]}"; do
        [[ -s "$DATA/extract-$tool.jsonl" ]] || continue
        "$PY" "$HERE/extract/score.py" --corpus "$CORPUS" --worst "$WORST" --tool "$tool" "$tool=$DATA/extract-$tool.jsonl" | sed -n '/^Lowest/,$p'
    done
fi
