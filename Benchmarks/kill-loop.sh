#!/usr/bin/env bash
# Reliability at scale (issue 4): `stemma index add` of DOCS documents killed with SIGKILL at
# KILLS random moments, then run to the end, must equal an uninterrupted run: PRAGMA
# integrity_check ok, the same document and version counts (none missing or doubled), the same
# families. The test suite does the same with three kills on 3,000 documents.
#
# Usage: Benchmarks/kill-loop.sh     Knobs: DOCS (100000), KILLS (20), COMMIT_EVERY (4096), SEED (42)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DOCS="${DOCS:-100000}"
KILLS="${KILLS:-20}"
COMMIT_EVERY="${COMMIT_EVERY:-4096}"
SEED="${SEED:-42}"

build_release stemma stemma-corpus
CORPUS="$DATA/corpus-$DOCS.jsonl"
[[ -s "$CORPUS" ]] || "$BIN/stemma-corpus" generate "$DOCS" "$CORPUS" --seed "$SEED"

state() {  # state DB -> "integrity documents versions families-checksum"
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("PRAGMA integrity_check").fetchone()[0],
      db.execute("SELECT count(*) FROM document").fetchone()[0],
      db.execute("SELECT count(*) FROM documentVersion").fetchone()[0])
PY
    "$BIN/stemma" families --db "$1" --format json | sha256sum | cut -c1-16
}

REFERENCE="$DATA/kill-reference.db"
KILLED="$DATA/kill-loop.db"
rm -f "$REFERENCE"* "$KILLED"*
started=$(date +%s.%N)
"$BIN/stemma" index add "$CORPUS" --db "$REFERENCE" --quiet --commit-every "$COMMIT_EVERY" > /dev/null
# Every run starts over from the first document (the ones already stored are unchanged), so kill k
# falls within k/KILLS of the uninterrupted time (plus a fifth): the kills reach further into the
# add one after another instead of all landing after it has finished.
elapsed=$(python3 -c "print($(date +%s.%N) - $started)")
expected="$(state "$REFERENCE" | tr '\n' ' ')"
echo "uninterrupted: $expected (${elapsed} s)"

for kill in $(seq 1 "$KILLS"); do
    "$BIN/stemma" index add "$CORPUS" --db "$KILLED" --quiet --commit-every "$COMMIT_EVERY" > /dev/null 2>&1 &
    pid=$!
    sleep "$(python3 -c "import random; print(round(random.uniform(0.1, max(0.3, 1.2 * $elapsed * $kill / $KILLS)), 2))")"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "kill $kill: $(state "$KILLED" | head -1)"
done
"$BIN/stemma" index add "$CORPUS" --db "$KILLED" --quiet --commit-every "$COMMIT_EVERY" > /dev/null
actual="$(state "$KILLED" | tr '\n' ' ')"
echo "after $KILLS kills: $actual"
if [[ "$actual" == "$expected" ]]; then echo "PASS: equal to the uninterrupted run"; else echo "FAIL" >&2; exit 1; fi
