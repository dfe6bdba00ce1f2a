#!/usr/bin/env bash
# The per-core cost of reading and sketching a corpus (issue 15 §5): `stemma dedup --verify estimate`
# end to end on the generated 100k news-like corpus, as wall time, user+sys CPU, MB/s per core
# (input bytes / CPU seconds) and peak memory, against the streaming rensa pipeline
# (`peers_dedup.py rensa-stream`) in the same run.
#
# Usage: Benchmarks/sketch-speed.sh
# Knobs: DOCS (100000), SEED (42), RUNS (3), BEFORE (a second stemma binary, measured alternately
# with this build's), PEER_RUNS (1; 0 skips rensa), BIN (binaries built already), VENV.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DOCS="${DOCS:-100000}"
SEED="${SEED:-42}"
RUNS="${RUNS:-3}"
PEER_RUNS="${PEER_RUNS:-1}"
VENV="${VENV:-$HERE/.venv-dedup}"
require_gnu_time

step "Release build"
build_release stemma stemma-corpus
CORPUS="$DATA/corpus-$DOCS.jsonl"
[[ -s "$CORPUS" ]] || "$BIN/stemma-corpus" generate "$DOCS" "$CORPUS" --seed "$SEED"
BYTES="$(stat -L -c %s "$CORPUS")"
step "Corpus: $CORPUS ($BYTES bytes, $DOCS documents)"

# run NAME COMMAND... : one run under GNU time; prints "NAME wall cpu MB/s-per-core rssMB"
run() {
    local name="$1"; shift
    /usr/bin/time -f "%e %U %S %M" -o "$DATA/$name.time" "$@" >"$DATA/$name.out" 2>"$DATA/$name.err" || {
        tail -5 "$DATA/$name.err" >&2; echo "$name failed" >&2; return 1; }
    awk -v name="$name" -v bytes="$BYTES" '{ cpu = $2 + $3; printf "%-14s %7.2f %7.2f %9.1f %8.1f\n", name, $1, cpu, bytes / 1e6 / cpu, $4 / 1024 }' "$DATA/$name.time"
}

RESULTS="$DATA/sketch-speed.txt"
: >"$RESULTS"
printf '%-14s %7s %7s %9s %8s\n' run wall cpu "MB/s/core" "RSS MB"
for i in $(seq "$RUNS"); do
    if [[ -n "${BEFORE:-}" ]]; then
        run before "$BEFORE" dedup "$CORPUS" --verify estimate -q -o /dev/null | tee -a "$RESULTS"
    fi
    run stemma "$BIN/stemma" dedup "$CORPUS" --verify estimate -q -o /dev/null | tee -a "$RESULTS"
done

if [[ "$PEER_RUNS" -gt 0 ]]; then
    python_venv "$VENV" datasketch rensa
    for i in $(seq "$PEER_RUNS"); do
        run rensa-stream "$PY" "$HERE/peers_dedup.py" rensa-stream "$CORPUS" "$DATA/rensa-stream.pairs" | tee -a "$RESULTS"
        run stemma "$BIN/stemma" dedup "$CORPUS" --verify estimate -q -o /dev/null | tee -a "$RESULTS"
    done
fi

step "Medians over the runs above"
awk '{ wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " $3; rss[$1] = rss[$1] " " $5 }
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        for (name in wall) printf "%-14s wall %6.2f s  cpu %6.2f s  %6.1f MB/s per core  %7.1f MB\n", name, median(wall[name]), median(cpu[name]), '"$BYTES"' / 1e6 / median(cpu[name]), median(rss[name])
        if ("rensa-stream" in wall) printf "rensa-stream / stemma: %.1fx wall, %.1fx cpu\n", median(wall["rensa-stream"]) / median(wall["stemma"]), median(cpu["rensa-stream"]) / median(cpu["stemma"])
    }' "$RESULTS"
