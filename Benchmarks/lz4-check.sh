#!/usr/bin/env bash
# Stemma's LZ4 block codec (Sources/CStemmaKernels/LZ4Block.c) against the reference liblz4, which
# is installed here for the check only: compatibility both ways, ratio and speed, on the generated
# corpus's texts, the ATS texts, the seeds and random bytes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[[ -f /usr/include/lz4.h ]] || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq liblz4-dev; }
step "build"
gcc -O2 -I"$ROOT/Sources/CStemmaKernels/include" "$HERE/LZ4Check/check.c" "$ROOT/Sources/CStemmaKernels/LZ4Block.c" -llz4 -o "$DATA/lz4-check"
step "inputs"
CORPUS="${CORPUS:-$DATA/corpus-10000.jsonl}"
[[ -f "$CORPUS" ]] || { build_release stemma-corpus; "$BIN/stemma-corpus" generate 10000 "$CORPUS" --seed 42; }
python3 - "$CORPUS" "$ROOT/../shared/corpora/ats-tracts/docs.jsonl" "$DATA" <<'PY'
import json, sys
corpus, ats, data = sys.argv[1:]
for source, name in ((corpus, "generated"), (ats, "ats")):
    with open(f"{data}/lz4-{name}.txt", "w", encoding="utf-8") as out:
        out.writelines(json.loads(line)["text"] for line in open(source, encoding="utf-8"))
PY
cat "$ROOT"/../shared/seeds/*.txt > "$DATA/lz4-seeds.txt"
head -c 5000000 /dev/urandom > "$DATA/lz4-random.bin"
step "ours against liblz4"
for input in generated ats seeds; do "$DATA/lz4-check" "$DATA/lz4-$input.txt"; done
"$DATA/lz4-check" "$DATA/lz4-random.bin"
