#!/usr/bin/env bash
# Compares Stemma's diff (text analysis + sentence alignment + word diff + tags) with two peers:
#   difflib           NewsEdits-style sentence alignment and word diff (Python standard library)
#   diff-match-patch  character diff with semantic clean-up over the whole texts
# on (a) the Washington Times seed pair, (b) generated news-like pairs, and then times
# (c) `stemma diff` on two ~10 MB documents that differ in about 1% of sentences.
#
# Usage: Benchmarks/compare-diff.sh          (from any directory)
# Knobs: SEED_REPEAT (200), PEER_SEED_REPEAT (same), PAIR_COUNT (1000), LARGE_MB (10), LINE_MB (100), SEED (42)
# All timings are in-process except (c), which is the release CLI under /usr/bin/time.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SEEDS="$ROOT/../shared/seeds"
VENV="$HERE/.venv"
SEED_REPEAT="${SEED_REPEAT:-200}"
PEER_SEED_REPEAT="${PEER_SEED_REPEAT:-$SEED_REPEAT}"
PAIR_COUNT="${PAIR_COUNT:-1000}"
LARGE_MB="${LARGE_MB:-10}"
LINE_MB="${LINE_MB:-100}"
SEED="${SEED:-42}"

step "Python peers ($VENV)"
python_venv "$VENV" diff-match-patch
"$PY" -c 'import diff_match_patch, sys; print("python", sys.version.split()[0], "| diff-match-patch ready")'

step "Release build of stemma-diff-bench (--scratch-path .build-bench)"
build_release stemma-diff-bench stemma
echo "$BIN/stemma-diff-bench"

step "Data in $DATA"
for seed_file in washington-times-2022-03-02.txt republished-copy.txt; do
    [[ -f "$SEEDS/$seed_file" ]] || { echo "error: missing seed $SEEDS/$seed_file" >&2; exit 1; }
done
"$PY" - "$SEEDS" "$DATA/seed.jsonl" <<'EOF'
import json, sys
seeds, out = sys.argv[1:]
read = lambda name: open(f"{seeds}/{name}", encoding="utf-8").read()
pair = {"id": "washington-times-2022-03-02", "old": read("washington-times-2022-03-02.txt"),
        "new": read("republished-copy.txt")}
open(out, "w", encoding="utf-8").write(json.dumps(pair, ensure_ascii=False) + "\n")
EOF
"$PY" "$HERE/generate_pairs.py" --count "$PAIR_COUNT" --seed "$SEED" --out "$DATA/pairs.jsonl"
ls -l "$DATA/seed.jsonl" "$DATA/pairs.jsonl"

RESULTS="$DATA/results.jsonl"
: >"$RESULTS"
# Each tool prints one JSON line; the workload and tool names are added here for the table.
record() {
    local workload="$1" tool="$2" line
    while IFS= read -r line; do
        [[ -n "$line" ]] || continue
        echo "$line"
        "$PY" -c 'import json, sys
row = json.loads(sys.argv[3]); row.setdefault("tool", sys.argv[2]); row["workload"] = sys.argv[1]
print(json.dumps(row))' "$workload" "$tool" "$line" >>"$RESULTS"
    done
}

step "(a) seed pair: Stemma x$SEED_REPEAT, peers x$PEER_SEED_REPEAT"
"$BIN/stemma-diff-bench" "$DATA/seed.jsonl" "$SEED_REPEAT" | record "seed pair" stemma
"$PY" "$HERE/peers_diff.py" "$DATA/seed.jsonl" --repeat "$PEER_SEED_REPEAT" | record "seed pair" peer

step "(b) $PAIR_COUNT generated pairs (seed $SEED)"
"$BIN/stemma-diff-bench" "$DATA/pairs.jsonl" 1 | record "$PAIR_COUNT pairs" stemma
"$PY" "$HERE/peers_diff.py" "$DATA/pairs.jsonl" | record "$PAIR_COUNT pairs" peer

step "Per-pair time (µs, lower is better); ratio = peer / Stemma"
"$PY" - "$RESULTS" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print(f"{'workload':<14} {'tool':<18} {'repeats':>7} {'µs/pair':>12} {'ratio':>8}")
for workload in dict.fromkeys(row["workload"] for row in rows):
    group = [row for row in rows if row["workload"] == workload]
    stemma = next(row["microsecondsPerPair"] for row in group if row["tool"] == "stemma")
    for row in group:
        us = row["microsecondsPerPair"]
        print(f"{workload:<14} {row['tool']:<18} {row['repeats']:>7} {us:>12.1f} {us / stemma:>7.1f}x")
EOF

step "(c) ${LARGE_MB} MB documents differing in ~1% of sentences: stemma diff --format json"
require_gnu_time
STEMMA="$BIN/stemma"
# A subshell, so that a crash of an older CLI does not make bash report the signal.
if ! ( "$STEMMA" diff --help ) >/dev/null 2>&1; then
    echo "SKIPPED (c): $STEMMA has no 'diff' command yet (stemma diff --help failed)." >&2
    exit 3
fi
"$PY" "$HERE/generate_pairs.py" --large-mb "$LARGE_MB" --seed "$SEED" \
    --old "$DATA/large-old.txt" --new "$DATA/large-new.txt"
ls -l "$DATA/large-old.txt" "$DATA/large-new.txt"

# Runs `stemma diff` under GNU time and prints wall time and peak memory. stemma diff exits 1 when
# the texts differ, as diff(1) does; only other statuses are failures.
timed_diff() {
    local name="$1" old="$2" new="$3"; shift 3
    local status=0
    /usr/bin/time -v -o "$DATA/$name-time.txt" "$STEMMA" diff "$old" "$new" "$@" \
        >/dev/null 2>"$DATA/$name-stderr.txt" || status=$?
    if [[ $status -gt 1 ]]; then
        tail -n 20 "$DATA/$name-stderr.txt" "$DATA/$name-time.txt" >&2
        echo "error: stemma diff exited with status $status" >&2
        exit 1
    fi
    awk -F': ' -v status="$status" '
        /Elapsed \(wall clock\) time/ { n = split($2, part, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + part[i] }
        /Maximum resident set size/ { rss = $2 / 1024 }
        /User time/ { user = $2 }
        END { printf "stemma diff: wall %.2f s, user %.2f s, max RSS %.1f MB, exit status %d (1 = texts differ)\n", wall, user, rss, status }
    ' "$DATA/$name-time.txt"
}

timed_diff large "$DATA/large-old.txt" "$DATA/large-new.txt" --format json

step "(d) a ${LINE_MB} MB single line (no line breaks) with 100 word edits: stemma diff --only-changes"
"$PY" - "$DATA/large-old.txt" "$DATA/line-old.txt" "$DATA/line-new.txt" "$LINE_MB" "$SEED" <<'EOF'
import random, sys
source, old_path, new_path, megabytes, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
text = " ".join(open(source, encoding="utf-8").read().split())
line = ((text + " ") * (megabytes * 1_000_000 // (len(text) + 1) + 1))[: megabytes * 1_000_000]
words = line.split(" ")
rng = random.Random(seed)
for index in rng.sample(range(len(words)), 100):
    words[index] = "EDITED"
open(old_path, "w", encoding="utf-8").write(line)
open(new_path, "w", encoding="utf-8").write(" ".join(words))
EOF
ls -l "$DATA/line-old.txt" "$DATA/line-new.txt"
timed_diff line "$DATA/line-old.txt" "$DATA/line-new.txt" --only-changes
