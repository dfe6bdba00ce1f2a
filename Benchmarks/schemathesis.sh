#!/usr/bin/env bash
# Schemathesis against `stemma serve`: every operation of Sources/StemmaServer/openapi.yaml with all
# checks (server errors, status codes, content types, response schemas, negative data rejected,
# 405 and Allow for other methods, auth), once without the bearer token and once with it. The
# index is the bundled Examples/; the server listens on loopback only. A check, not a timing.
#
# Usage: Benchmarks/schemathesis.sh            (BIN=DIR to use stemma built already, e.g. a debug build)
# Knobs: PORT (18181), MAX_EXAMPLES (50 per operation), SEED (1), MAX_TIME (300 s per run)
# Needs python3 with venv; schemathesis comes from PyPI into Benchmarks/data (git-ignored).
# Exit status: 0 when both runs report nothing and the server neither crashed nor hung on SIGTERM.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PORT="${PORT:-18181}"
MAX_EXAMPLES="${MAX_EXAMPLES:-50}"
SEED="${SEED:-1}"
MAX_TIME="${MAX_TIME:-300}"
TOKEN="schemathesis-$RANDOM$RANDOM"
URL="http://127.0.0.1:$PORT"

step "Release build"
build_release stemma

step "schemathesis"
python_venv "$DATA/venv-schemathesis" schemathesis
ST="$DATA/venv-schemathesis/bin/schemathesis"
"$ST" --version

DB="$DATA/schemathesis.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
step "Index Examples/"
"$BIN/stemma" index add "$ROOT/Examples" --db "$DB"

step "stemma serve on $URL (bearer token set)"
LOG="$DATA/schemathesis-serve.log"
STEMMA_TOKEN="$TOKEN" "$BIN/stemma" serve --db "$DB" --host 127.0.0.1 --port "$PORT" --log-level info 2>"$LOG" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -sf "$URL/health" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$LOG"; echo "error: stemma serve exited" >&2; exit 1; }
    sleep 0.1
done
curl -sf "$URL/health"; echo

status=0
run() {
    "$ST" run "$ROOT/Sources/StemmaServer/openapi.yaml" --url "$URL" --checks all \
        --max-examples "$MAX_EXAMPLES" --seed "$SEED" --max-time "$MAX_TIME" --no-color \
        --report junit --report-dir "$DATA/schemathesis-report" "$@" || status=1
}
step "schemathesis run, without the token"
run
step "schemathesis run, with the token"
run -H "Authorization: Bearer $TOKEN"

step "Server"
if ! kill -0 "$server" 2>/dev/null; then
    echo "error: stemma serve died during the runs; its log: $LOG" >&2
    tail -n 20 "$LOG"
    exit 1
fi
start=$(date +%s.%N)
kill -TERM "$server"
for _ in $(seq 1 150); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server" 2>/dev/null; then
    echo "error: stemma serve still runs 15 s after SIGTERM" >&2
    exit 1
fi
wait "$server" || true
trap - EXIT
printf 'stopped %.1f s after SIGTERM\n' "$(echo "$(date +%s.%N) - $start" | bc)"
grep -c 'request' "$LOG" >/dev/null || true
if grep -E '"500"|status: 500|Unrecognised Error' "$LOG"; then
    echo "error: the server logged 500s (see $LOG)" >&2
    status=1
fi
exit "$status"
