#!/usr/bin/env bash
# The Spark job against `stemma dedup` on one machine, same input, same parameters, back to back:
# wall time and peak memory of each, and the Spark run's cost per stage (time, CPU, shuffle bytes
# per document) from its event log.
#
#   Benchmarks/spark-bench.sh [DOCUMENTS]     (default 1,000,000; generated once into Benchmarks/data)
#
# Needs a release build (swift build -c release --scratch-path .build-bench --product stemma, and
# --product stemma-corpus) and PySpark in .venv-spark (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
bin=${BIN:-.build-bench/release}
venv=${STEMMA_SPARK_VENV:-.venv-spark}
data=Benchmarks/data/spark
mkdir -p "$data"
corpus="$data/docs-$count.jsonl"
[[ -s $corpus ]] || "$bin/stemma-corpus" generate "$count" "$corpus"
echo "corpus: $corpus, $(du -m "$corpus" | cut -f1) MB, $count documents"

echo "== stemma dedup (one process, both cores)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
    "$bin/stemma" dedup "$corpus" -q --format jsonl --output-dir "$data/local" > "$data/local.jsonl"

echo "== spark_stemma dedup, local[2]"
rm -rf "$data/spark-out" "$data/events"
mkdir -p "$data/events"
export PYSPARK_PYTHON="$PWD/$venv/bin/python" PYSPARK_DRIVER_PYTHON="$PWD/$venv/bin/python"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB (driver JVM, Python workers and stemma processes: the largest one)" \
    "$venv/bin/spark-submit" --master 'local[2]' --driver-memory "${DRIVER_MEMORY:-12g}" \
    --conf spark.ui.enabled=false --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$PWD/$data/events" \
    --conf spark.eventLog.rolling.enabled=false --conf spark.eventLog.compress=false \
    --conf spark.sql.shuffle.partitions="${SHUFFLE_PARTITIONS:-16}" \
    spark/stemma_spark.py dedup "$corpus" --output "$data/spark-out" --stemma "$PWD/$bin/stemma" 2> "$data/spark.log" | tail -1
tail -1 "$data/spark.log"
cat "$data/spark-out/pairs"/part-* "$data/spark-out/families"/part-* > "$data/spark.jsonl"
if cmp -s "$data/spark.jsonl" "$data/local.jsonl"; then echo "answers: identical to stemma dedup's"; else
    python3 - "$data/spark.jsonl" "$data/local.jsonl" <<'PY'
import json, sys
a = [json.loads(line) for line in open(sys.argv[1])]
b = [json.loads(line) for line in open(sys.argv[2])]
print("answers:", "equal records to stemma dedup's" if a == b else f"DIFFER ({len(a)} against {len(b)} records)")
PY
fi
python3 Benchmarks/spark/stage_report.py "$data/events"/* "$count"
