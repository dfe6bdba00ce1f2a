#!/usr/bin/env bash
# The index at scale: `stemma index add` rate on a generated corpus of DOCS documents (with and
# without texts) and database bytes per document; warm `match` latency on that index; and, in one
# run on the same PEER_DOCS documents, Stemma's match latency against datasketch's in-memory
# MinHashLSH (queries: QUERIES documents spread over the corpus; both sketch the query text).
#
# Usage: Benchmarks/index-bench.sh     Knobs: DOCS (1000000), PEER_DOCS (100000), QUERIES (1000), SEED (42)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
VENV="$HERE/.venv-dedup"
DOCS="${DOCS:-1000000}"
PEER_DOCS="${PEER_DOCS:-100000}"
QUERIES="${QUERIES:-1000}"
SEED="${SEED:-42}"

step "datasketch in $VENV (PyPI)"
python_venv "$VENV" datasketch
require_gnu_time

step "Release build"
build_release stemma stemma-corpus stemma-match-latency

CORPUS="$DATA/corpus-$DOCS.jsonl"
[[ -s "$CORPUS" ]] || "$BIN/stemma-corpus" generate "$DOCS" "$CORPUS" --seed "$SEED"
PEER_CORPUS="$DATA/corpus-$DOCS-head-$PEER_DOCS.jsonl"
head -n "$PEER_DOCS" "$CORPUS" > "$PEER_CORPUS"
QUERY_FILE="$DATA/queries-$PEER_DOCS.jsonl"
awk -v step=$((PEER_DOCS / QUERIES)) 'NR % step == 1' "$PEER_CORPUS" | head -n "$QUERIES" > "$QUERY_FILE"

# add NAME CORPUS FLAGS... : indexes into a new database, prints "NAME documents/s bytes/document"
add() {
    local name="$1" corpus="$2"; shift 2
    local db="$DATA/$name.db" count
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f "%e %M" -o "$DATA/$name.time" "$BIN/stemma" index add "$corpus" --db "$db" --quiet "$@" >"$DATA/$name.out"
    # A process that ends without closing the store leaves its last pages in the WAL: fold them in.
    python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)")' "$db"
    count=$(wc -l < "$corpus")
    awk -v name="$name" -v count="$count" -v bytes="$(stat -c %s "$db")" \
        '{ printf "%-22s %8.1f s  %8.0f docs/s  %6.0f bytes/doc  peak %.0f MB\n", name, $1, count / $1, bytes / count, $2 / 1024 }' "$DATA/$name.time"
}

step "index add: $DOCS documents"
add "index-$DOCS" "$CORPUS"
add "index-$DOCS-no-text" "$CORPUS" --no-text

step "match latency on the $DOCS-document index (warm, in process)"
awk -v step=$((DOCS / QUERIES)) 'NR % step == 1' "$CORPUS" | head -n "$QUERIES" > "$DATA/queries-$DOCS.jsonl"
"$BIN/stemma-match-latency" "$DATA/index-$DOCS.db" "$DATA/queries-$DOCS.jsonl" --limit "$QUERIES"

step "match latency, Stemma and datasketch MinHashLSH on the same $PEER_DOCS documents"
add "index-$PEER_DOCS" "$PEER_CORPUS"
"$BIN/stemma-match-latency" "$DATA/index-$PEER_DOCS.db" "$QUERY_FILE" --limit "$QUERIES"
"$PY" "$HERE/peers_match.py" "$PEER_CORPUS" "$QUERY_FILE" --docs "$PEER_DOCS" --queries-count "$QUERIES"
