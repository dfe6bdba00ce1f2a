#!/bin/sh
# Builds a libFuzzer target of the corpus readers and runs it.
#
#   Fuzz/run.sh TARGET SECONDS     TARGET: jsonl, csv, diff, html or warc
#
# The build goes to .build/fuzz (apart from the normal build) with -sanitize=fuzzer and address. New
# interesting inputs go into Fuzz/Corpus/TARGET/, and so do crashing ones (crash-*, leak-*,
# timeout-*); `swift test --filter FuzzCorpusReplayTests` replays them all without a sanitizer.
# Afterwards the corpus is merged down to the inputs that add coverage, to stay small.
set -eu
target=${1:?usage: Fuzz/run.sh jsonl|csv|diff|html|warc SECONDS}
seconds=${2:-60}
case $target in
    jsonl) product=FuzzJSONL ;;
    csv) product=FuzzCSV ;;
    diff) product=FuzzDiff ;;
    html) product=FuzzHTML ;;
    warc) product=FuzzWARC ;;
    *) echo "unknown target $target (jsonl, csv, diff, html or warc)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
corpus=Fuzz/Corpus/$target
mkdir -p "$corpus"
# SwiftPM passes -sanitize=fuzzer to the link but not to the Swift compiles (Swift 6.3), which then
# carry no coverage and the fuzzer runs blind: ask for libFuzzer's coverage kinds outright.
Stemma_FUZZ=1 swift build --scratch-path .build/fuzz --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --product "$product"
binary=.build/fuzz/debug/$product
status=0
"$binary" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$corpus/" -print_final_stats=1 || status=$?
# Keep only what adds coverage (crash inputs stay, by name).
merged=$(mktemp -d)
"$binary" -merge=1 "$merged" "$corpus" >/dev/null 2>&1 || true
if [ -n "$(ls "$merged")" ]; then
    find "$corpus" -type f ! -name 'crash-*' ! -name 'leak-*' ! -name 'timeout-*' ! -name 'seed-*' -delete
    cp "$merged"/* "$corpus"/
fi
rm -rf "$merged"
# Keep the committed corpus small (< 200 files, < 1 MB): the 60 smallest found inputs and the 20
# largest, beside the hand-made seeds and any crashes.
found=$(ls -S "$corpus" | grep -v -E '^(seed|crash|leak|timeout)-' || true)
count=$(printf '%s\n' "$found" | grep -c . || true)
if [ "$count" -gt 80 ]; then
    printf '%s\n' "$found" | sed -n "21,$((count - 60))p" | (cd "$corpus" && xargs rm -f)
fi
echo "$corpus: $(ls "$corpus" | wc -l) inputs"
exit $status
