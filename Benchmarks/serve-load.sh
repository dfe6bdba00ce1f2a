#!/usr/bin/env bash
# Load on `stemma serve`: wrk POSTs the texts of indexed documents to /api/match on loopback.
# Not a timed test: it prints requests/s, p99 and errors for the README.
#
#   Benchmarks/serve-load.sh                 # 100k documents, 60 s, 32 connections
#   DURATION=10s CONNECTIONS=64 Benchmarks/serve-load.sh
#
# Needs wrk (apt-get install wrk) and python3 (to cut request bodies from the corpus). The corpus
# and the index are kept in Benchmarks/data (git-ignored) and reused by later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

COUNT=${COUNT:-100000}
CORPUS=${CORPUS:-Benchmarks/data/corpus-100k.jsonl}
DB=${DB:-Benchmarks/data/serve-100k.db}
PORT=${PORT:-18080}
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
BODIES=Benchmarks/data/serve-load-bodies.jsonl

command -v wrk >/dev/null || { echo "error: wrk is missing (apt-get install wrk)" >&2; exit 1; }
mkdir -p Benchmarks/data

swift build -c release --product stemma
if [[ ! -f $CORPUS ]]; then
    swift build -c release --product stemma-corpus
    .build/release/stemma-corpus generate "$COUNT" "$CORPUS"
fi
if [[ ! -f $DB ]]; then
    echo "indexing $CORPUS into $DB"
    start=$(date +%s)
    .build/release/stemma index add "$CORPUS" --db "$DB"
    echo "index add: $(( $(date +%s) - start )) s"
fi

# 2,000 texts of the corpus, spread over it, as request bodies: each finds its own family.
python3 - "$CORPUS" "$BODIES" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").readlines()
step = max(1, len(lines) // 2000)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in lines[::step][:2000]:
        out.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
PY

.build/release/stemma serve --db "$DB" --port "$PORT" --log-level warning &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
    sleep 0.1
done
curl -sf "http://127.0.0.1:$PORT/health"; echo

echo "warm-up (5 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s Benchmarks/serve-load.lua "http://127.0.0.1:$PORT/api/match" -- "$BODIES" >/dev/null
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION POST /api/match ($(nproc) cores)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s Benchmarks/serve-load.lua "http://127.0.0.1:$PORT/api/match" -- "$BODIES"
