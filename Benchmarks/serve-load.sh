#!/usr/bin/env bash
# Load on `stemma serve`: wrk POSTs the texts of indexed documents to /api/match on loopback and
# prints requests/s, latency percentiles and errors. A script, not a timed test.
#
# Usage: Benchmarks/serve-load.sh
# Knobs: DOCS (100000), SEED (42), DURATION (60s), CONNECTIONS (32), THREADS (1), PORT (18080)
# Needs wrk (apt-get install wrk), curl and python3 (to cut request bodies from the corpus). The
# corpus and the index stay in Benchmarks/data (git-ignored) for later runs.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DOCS="${DOCS:-100000}"
SEED="${SEED:-42}"
DURATION="${DURATION:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-1}"
PORT="${PORT:-18080}"
command -v wrk >/dev/null || { echo "error: wrk is missing: apt-get install -y wrk" >&2; exit 1; }

step "Release build"
build_release stemma stemma-corpus

CORPUS="$DATA/corpus-$DOCS.jsonl"
DB="$DATA/serve-$DOCS.db"
BODIES="$DATA/serve-load-bodies-$DOCS.jsonl"
[[ -s "$CORPUS" ]] || "$BIN/stemma-corpus" generate "$DOCS" "$CORPUS" --seed "$SEED"
if [[ ! -f "$DB" ]]; then
    step "Index $CORPUS"
    start=$(date +%s)
    "$BIN/stemma" index add "$CORPUS" --db "$DB" --quiet
    echo "index add: $(( $(date +%s) - start )) s"
fi

# 2,000 texts spread over the corpus, as request bodies: each finds its own family.
python3 - "$CORPUS" "$BODIES" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").readlines()
step = max(1, len(lines) // 2000)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in lines[::step][:2000]:
        out.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
PY

step "stemma serve on port $PORT"
"$BIN/stemma" serve --db "$DB" --port "$PORT" --log-level warning &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
    sleep 0.1
done
curl -sf "http://127.0.0.1:$PORT/health"; echo

step "wrk -t$THREADS -c$CONNECTIONS -d$DURATION POST /api/match ($(nproc) cores; 5 s warm-up first)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$HERE/serve-load.lua" "http://127.0.0.1:$PORT/api/match" -- "$BODIES" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$HERE/serve-load.lua" "http://127.0.0.1:$PORT/api/match" -- "$BODIES"
