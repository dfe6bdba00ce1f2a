"""Stemma on Apache Spark: `dedup` and `reuse` for corpora past one machine.

The per-document work runs in the `stemma` binary on the executors (`stemma sketch`, `verify`,
`ngrams`, `align`); Spark only moves keys: band keys grouped into candidate pairs, pairs joined into
families by connected components (large-star/small-star, Kiveris et al. 2014), rare n-grams
grouped into anchors. On the same input and parameters the answers equal `stemma dedup`'s and
`stemma reuse`'s (Docs/spark.md).

    spark-submit spark/stemma_spark.py dedup INPUT... --output DIR [--threshold 0.5] [--verify auto]
    spark-submit spark/stemma_spark.py reuse INPUT... --output DIR [--min-words 40]

The binary is found as `--stemma PATH` on every executor, else as a file shipped with
`spark-submit --files PATH/stemma`, else on the executors' PATH.
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession, functions as F, types as T

# ---------------------------------------------------------------------------------------------
# The binary on the executors


def find_stemma(path):
    """The stemma binary as an executor sees it: the given path, a shipped file, or PATH."""
    if path and os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    name = os.path.basename(path) if path else "stemma"
    try:
        shipped = SparkFiles.get(name)
        if os.path.isfile(shipped):
            if not os.access(shipped, os.X_OK):
                os.chmod(shipped, 0o755)
            return shipped
    except Exception:  # no SparkContext files on this worker
        pass
    found = shutil.which(name)
    if found:
        return found
    raise RuntimeError(f"stemma binary not found: give --stemma PATH, ship it with --files, or put it on PATH ({name})")


class StemmaFailed(RuntimeError):
    pass


def pipe(command, lines, skipped=None):
    """Streams byte `lines` through `command` and yields its output lines (bytes, no newline).

    Standard error goes to the executor's log; a line saying a record was skipped counts in the
    `skipped` accumulator. Exit status 2 (an error, not a skipped record) fails the task.
    """
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, bufsize=1 << 20)
    failure = []

    def feed():
        try:
            for line in lines:
                process.stdin.write(line)
                process.stdin.write(b"\n")
        except BrokenPipeError:
            pass
        except Exception as error:  # reading the partition failed: end the command, report it
            failure.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for line in process.stdout:
        yield line.rstrip(b"\n")
    writer.join()
    status = process.wait()
    errors.seek(0)
    messages = errors.read().decode("utf-8", "replace").splitlines()
    errors.close()
    for message in messages:
        print(message, file=sys.stderr)
    if skipped is not None:
        skipped.add(sum(1 for message in messages if message.endswith("(skipped)")))
    if failure:
        raise failure[0]
    if status not in (0, 1):
        raise StemmaFailed(f"{' '.join(command[:2])} exited with status {status}: " + " | ".join(messages[-5:]))


# ---------------------------------------------------------------------------------------------
# Inputs: every input becomes JSON lines, each with a row number that orders them as Stemma reads


ROW_BITS = 32  # row = partition << 32 | line within the partition (1-based): input order, no count pass
LINE = re.compile(rb'"line":(\d+)')


def expand(spark, inputs, extensions):
    """The files of `inputs` in the order Stemma reads them: each input in turn, a directory's
    files below it sorted by path."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files = []
    for name in inputs:
        path = jvm.org.apache.hadoop.fs.Path(name)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            raise SystemExit(f"stemma_spark: {name}: no such file or directory")
        if fs.getFileStatus(path).isDirectory():
            found, iterator = [], fs.listFiles(path, True)
            while iterator.hasNext():
                status = iterator.next().getPath()
                relative = status.toUri().getPath()[len(path.toUri().getPath()):].lstrip("/")
                if any(part.startswith(".") for part in relative.split("/")):
                    continue
                if relative.endswith(extensions):
                    found.append((relative, status.toString()))
            files += sorted(found)
        else:
            files.append((os.path.basename(name), path.toString()))
    return files


def first_wins(pairs):
    """A JSON object's members, the first of a repeated key kept, as Stemma reads them."""
    result = {}
    for key, value in pairs:
        result.setdefault(key, value)
    return result


def read_lines(spark, options):
    """(row, JSON line as bytes) for every input line, in input order, and the format read."""
    sc = spark.sparkContext
    form = options.input_format
    if form == "auto":
        first = options.inputs[0]
        form = "parquet" if first.endswith(".parquet") or os.path.isdir(first) and any(
            name.endswith(".parquet") for name in os.listdir(first)) else "jsonl"
        if form == "jsonl" and os.path.isdir(first) and not any(
                name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")) for _, name in expand(spark, [first], (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))):
            form = "text"
    if form == "jsonl":
        files = [path for _, path in expand(spark, options.inputs, (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))]
        lines = sc.textFile(",".join(files), minPartitions=options.partitions or None, use_unicode=False)
    elif form == "parquet":
        frame = spark.read.parquet(*options.inputs)
        lines = frame.select(F.to_json(F.struct(*frame.columns))).rdd.map(lambda row: row[0].encode("utf-8"))
    else:  # a directory of text files: each file one document, its id the relative path
        id_field, text_field = options.id_field, options.text_field
        files = expand(spark, options.inputs, (".txt", ".md"))
        names = {path: relative for relative, path in files}
        texts = sc.wholeTextFiles(",".join(path for _, path in files), use_unicode=False)
        lines = texts.map(lambda entry: (names.get(entry[0], entry[0]), entry[1])).sortByKey(numPartitions=options.partitions or None) \
            .map(lambda entry: json.dumps({id_field: entry[0], text_field: entry[1].decode("utf-8", "surrogateescape")},
                                          ensure_ascii=False).encode("utf-8", "surrogateescape"))
    numbered = lines.mapPartitionsWithIndex(
        lambda part, it: (((part << ROW_BITS) | number, line) for number, line in enumerate(it, 1)))
    return numbered, form


def corpus_flags(options):
    return ["--id-field", options.id_field, "--text-field", options.text_field, "--input-format", "jsonl", "-q"]


def through_stemma(numbered, command, skipped):
    """Pipes each partition's lines through a reading command (`sketch`, `ngrams`), yielding its
    records as strings with their `row` first, and `{"row": R, "unread": true}` for every line
    that gave none (blank, or reported and skipped)."""

    def run(part, entries):
        base = part << ROW_BITS
        seen = set()
        count = [0]

        def lines():
            for _, line in entries:
                count[0] += 1
                yield line

        binary = find_stemma(command[0])
        for output in pipe([binary] + command[1:], lines(), skipped):
            number = int(LINE.search(output).group(1))
            seen.add(number)
            yield '{"row":%d,%s' % (base | number, output[1:].decode("utf-8"))
        for number in range(1, count[0] + 1):
            if number not in seen:
                yield '{"row":%d,"unread":true}' % (base | number)

    return numbered.mapPartitionsWithIndex(run)


# ---------------------------------------------------------------------------------------------
# Figures as Stemma writes them


def rounded(value):
    """Six decimals, halves away from zero, as Stemma's JSON writer rounds."""
    scaled = value * 1e6
    whole = math.floor(scaled)
    if scaled - whole >= 0.5:
        whole += 1
    return whole / 1e6


def lsh_parameters(threshold, permutations, fp_weight=0.05, fn_weight=0.95):
    """Bands and rows as Stemma chooses them (LSHParameters): the least weighted error area."""

    def integrate(lower, upper, function):
        intervals = 64
        step = (upper - lower) / intervals
        total = function(lower) + function(upper)
        for index in range(1, intervals):
            total += function(lower + index * step) * (4 if index % 2 == 1 else 2)
        return total * step / 3

    best = (math.inf, 1, 1)
    for bands in range(1, permutations + 1):
        for rows in range(1, permutations // bands + 1):
            fp = integrate(0, threshold, lambda s: 1 - (1 - s ** rows) ** bands)
            fn = integrate(threshold, 1, lambda s: (1 - s ** rows) ** bands)
            error = fp_weight * fp + fn_weight * fn
            if error < best[0]:
                best = (error, bands, rows)
    return best[1], best[2]


def equal_values(a, b, permutations):
    """SQL: the number of equal 32-bit values of two binary signatures."""
    return F.aggregate(F.sequence(F.lit(0), F.lit(permutations - 1)), F.lit(0),
                       lambda total, i: total + F.when(F.substring(a, i * 4 + 1, 4) == F.substring(b, i * 4 + 1, 4), 1).otherwise(0))


def save_lines(rdd, directory):
    """Writes string records as text part files, in the RDD's order."""
    rdd.saveAsTextFile(directory)


def write_json(path, value):
    with open(path + ".tmp", "w", encoding="utf-8") as file:
        json.dump(value, file, indent=2)
        file.write("\n")
    os.replace(path + ".tmp", path)
