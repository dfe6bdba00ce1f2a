#!/usr/bin/env bash
# `stemma history` on one family of VERSIONS (default 200) versions of the Washington Times seed,
# each editing one more sentence: the time to order the family and find each version's parent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
VERSIONS="${VERSIONS:-200}"
require_gnu_time
build_release stemma
step "family of $VERSIONS versions"
python3 "$HERE/generate_family.py" "$ROOT/../shared/seeds/washington-times-2022-03-02.txt" "$VERSIONS" "$DATA/family-$VERSIONS.jsonl"
rm -f "$DATA/family-$VERSIONS.db"*
"$BIN/stemma" index add "$DATA/family-$VERSIONS.jsonl" --db "$DATA/family-$VERSIONS.db"
step "stemma history"
/usr/bin/time -f "%e s wall, %U s user, %M KB peak" "$BIN/stemma" history copy-000 --db "$DATA/family-$VERSIONS.db" --limit "$VERSIONS" | tail -n 3
