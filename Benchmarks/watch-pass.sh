#!/usr/bin/env bash
# `stemma watch` over a local news site: FEEDS RSS feeds of ENTRIES articles each (1,000 × 50 =
# 50,000 pages, ~9 KB each), served by nginx on 127.0.0.1 with ETags. Measures, on the release
# build:
#   1. the first pass: every feed read, every page fetched, extracted and indexed (pages/s);
#   2. re-checks of unchanged pages: PASSES passes with --check-all in one process, nginx
#      answering 304 to the conditional GETs, with the process's RSS after each pass (flat?);
#   3. a pass after EDIT of the articles were rewritten (fetch, extract, diff, new versions);
#   4. `stemma index reextract` over the index: every version read again from its capture, first
#      as stored (nothing changes), then after EDIT of the captures were given one more paragraph
#      (those documents' histories rewritten).
#
# Usage: Benchmarks/watch-pass.sh     Knobs: FEEDS (1000), ENTRIES (50), PASSES (10), EDIT (0.1),
#        CONCURRENCY (32), PORT (18080), BIN (binaries built already)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
FEEDS="${FEEDS:-1000}"
ENTRIES="${ENTRIES:-50}"
PASSES="${PASSES:-10}"
EDIT="${EDIT:-0.1}"
CONCURRENCY="${CONCURRENCY:-32}"
PORT="${PORT:-18080}"
PAGES=$((FEEDS * ENTRIES))
command -v nginx >/dev/null || { echo "error: nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
require_gnu_time

step "Release build"
build_release stemma

SITE="$DATA/watch-site-$FEEDS-$ENTRIES"
if [[ ! -s "$SITE/feeds.txt" ]]; then
    step "Site: $FEEDS feeds × $ENTRIES articles (once)"
    python3 "$HERE/watch/make_site.py" "$SITE" --feeds "$FEEDS" --entries "$ENTRIES" --port "$PORT"
fi

step "nginx on 127.0.0.1:$PORT"
CONF="$DATA/watch-nginx.conf"
cat >"$CONF" <<NGINX
worker_processes 1;
pid $DATA/watch-nginx.pid;
error_log $DATA/watch-nginx.err;
events { worker_connections 1024; }
http {
    access_log off;
    types { text/html html; application/rss+xml xml; text/plain txt; }
    server { listen 127.0.0.1:$PORT; root $SITE; etag on; keepalive_requests 100000; }
}
NGINX
nginx -c "$CONF" -g 'daemon on;'
trap 'kill "$(cat "$DATA/watch-nginx.pid")" 2>/dev/null || true' EXIT

DB="$DATA/watch-bench.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
OPTIONS=(--db "$DB" --delay 0 --per-host "$CONCURRENCY" --concurrency "$CONCURRENCY")

step "Pass 1: $PAGES new pages"
/usr/bin/time -f "%e s, %M KB max RSS, %U s user, %S s system" -o "$DATA/watch-pass1.time" \
    "$BIN/stemma" watch --feeds "$SITE/feeds.txt" --once "${OPTIONS[@]}" >"$DATA/watch-pass1.jsonl" 2>"$DATA/watch-pass1.err"
cat "$DATA/watch-pass1.err" "$DATA/watch-pass1.time"
SECONDS1=$(cut -d' ' -f1 "$DATA/watch-pass1.time")
echo "first pass: $(wc -l <"$DATA/watch-pass1.jsonl") version events, $(python3 -c "print(round($PAGES / $SECONDS1))") pages/s"

step "Passes 2–$((PASSES + 1)): re-checks of unchanged pages (304s), RSS after each"
"$BIN/stemma" watch --check-all --passes "$PASSES" "${OPTIONS[@]}" >/dev/null 2>"$DATA/watch-recheck.err" &
WATCHER=$!
START=$(date +%s.%N)
: >"$DATA/watch-rss.txt"
LINES=0
while kill -0 "$WATCHER" 2>/dev/null; do
    NOW=$(grep -c "checked" "$DATA/watch-recheck.err" || true)
    if (( NOW > LINES )); then
        LINES=$NOW
        echo "pass $LINES: $(grep VmRSS /proc/$WATCHER/status | awk '{print $2}') KB" | tee -a "$DATA/watch-rss.txt"
    fi
    sleep 0.05
done
wait "$WATCHER"
END=$(date +%s.%N)
tail -n 1 "$DATA/watch-recheck.err"
python3 -c "s = $END - $START; print(f'{$PASSES} re-check passes of {$PAGES} pages: {s:.1f} s, {s / ($PASSES * $PAGES) * 1e6:.0f} µs per unchanged page, {$PASSES * $PAGES / s:.0f} pages/s')"

step "A pass after $EDIT of the articles changed"
python3 "$HERE/watch/make_site.py" "$SITE" --feeds "$FEEDS" --entries "$ENTRIES" --port "$PORT" --edit "$EDIT"
/usr/bin/time -f "%e s, %M KB max RSS" -o "$DATA/watch-edited.time" \
    "$BIN/stemma" watch --check-all --once "${OPTIONS[@]}" >"$DATA/watch-edited.jsonl" 2>"$DATA/watch-edited.err"
cat "$DATA/watch-edited.err" "$DATA/watch-edited.time"
echo "$(wc -l <"$DATA/watch-edited.jsonl") version events; tags of the first: $(head -n 1 "$DATA/watch-edited.jsonl" | cut -c1-300)"
# The site is rewritten unedited, so the next run starts from the same pages.
python3 "$HERE/watch/make_site.py" "$SITE" --feeds "$FEEDS" --entries "$ENTRIES" --port "$PORT"

step "Reextract: every version read again from its capture"
/usr/bin/time -f "%e s, %M KB max RSS, %U s user" -o "$DATA/watch-reextract.time" \
    "$BIN/stemma" index reextract --db "$DB" >"$DATA/watch-reextract.out" 2>"$DATA/watch-reextract.err"
tail -n 1 "$DATA/watch-reextract.out"; cat "$DATA/watch-reextract.time"
VERSIONS=$(python3 -c "import sqlite3; print(sqlite3.connect('$DB').execute('SELECT count(*) FROM capture').fetchone()[0])")
python3 -c "s = $(cut -d' ' -f1 "$DATA/watch-reextract.time"); print(f'{$VERSIONS} captures read again in {s:.1f} s: {$VERSIONS / s:.0f} versions/s')"

step "Reextract after $EDIT of the captures hold one more paragraph"
python3 "$HERE/watch/grow_captures.py" "$DB" "$SITE" --share "$EDIT"
/usr/bin/time -f "%e s, %M KB max RSS, %U s user" -o "$DATA/watch-rewrite.time" \
    "$BIN/stemma" index reextract --db "$DB" >"$DATA/watch-rewrite.out" 2>"$DATA/watch-rewrite.err"
tail -n 1 "$DATA/watch-rewrite.out"; cat "$DATA/watch-rewrite.time"
