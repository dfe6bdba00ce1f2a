"""Stemma on Apache Spark: `dedup` and `reuse` for corpora past one machine.

The per-document work runs in the `stemma` binary on the executors (`stemma sketch`, `verify`,
`ngrams`, `align`); Spark only moves keys: band keys grouped into candidate pairs, pairs joined into
families by connected components (large-star/small-star, Kiveris et al. 2014), rare n-grams
grouped into anchors. On the same input and parameters the answers equal `stemma dedup`'s and
`stemma reuse`'s (Docs/spark.md).

    spark-submit spark/stemma_spark.py dedup INPUT... --output DIR [--threshold 0.5] [--verify auto]
    spark-submit spark/stemma_spark.py reuse INPUT... --output DIR [--min-words 12]

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
import time

from pyspark import SparkFiles, StorageLevel
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


def pipe(command, lines, counters=None):
    """Streams byte `lines` through `command` and yields its output lines (bytes, no newline).

    Standard error goes to the executor's log; a message about a skipped record or a warning
    counts in `counters` (two accumulators). Exit status 2 (an error, not a skipped record) fails
    the task.
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
    if counters is not None:
        counters[0].add(sum(1 for message in messages if message.endswith("(skipped)")))
        counters[1].add(sum(1 for message in messages if message.startswith("stemma: warning:")))
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
        path = fs.makeQualified(path)  # listed files come back qualified: compare like with like
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
        lines = texts.map(lambda entry: (names.get(entry[0].decode("utf-8"), entry[0].decode("utf-8")), entry[1])).sortByKey(numPartitions=options.partitions or None) \
            .map(lambda entry: json.dumps({id_field: entry[0], text_field: entry[1].decode("utf-8", "surrogateescape")},
                                          ensure_ascii=False).encode("utf-8", "surrogateescape"))
    numbered = lines.mapPartitionsWithIndex(
        lambda part, it: (((part << ROW_BITS) | number, line) for number, line in enumerate(it, 1)))
    return numbered, form


def corpus_flags(options, form):
    # Text files handed on as JSONL records keep the date their `date YYYY-MM-DD` line gives.
    return ["--id-field", options.id_field, "--text-field", options.text_field, "--input-format", "jsonl", "-q"] \
        + (["--date-markers"] if form == "text" else [])


def through_stemma(numbered, command, counters):
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
        for output in pipe([binary] + command[1:], lines(), counters):
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


def write_text(spark, path, text):
    """Writes one small file through Hadoop's file system (local, HDFS, S3 alike)."""
    jvm = spark.sparkContext._jvm
    target = jvm.org.apache.hadoop.fs.Path(path)
    fs = target.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    temporary = jvm.org.apache.hadoop.fs.Path(path + ".tmp")
    stream = fs.create(temporary, True)
    stream.write(bytearray(text.encode("utf-8")))
    stream.close()
    fs.delete(target, False)
    if not fs.rename(temporary, target):
        raise StemmaFailed(f"cannot write {path}")


def prepare_output(spark, directory):
    """Refuses an output directory that already holds a run's results (Spark's own rule)."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(directory)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if fs.exists(path) and fs.listStatus(path):
        raise SystemExit(f"stemma_spark: {directory}: the output directory exists and is not empty")


# ---------------------------------------------------------------------------------------------
# Connected components in plain joins: large-star / small-star (Kiveris et al. 2014)


def large_star(edges):
    """Each node links every larger neighbour to the smallest node of its neighbourhood."""
    both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    smallest = both.groupBy("src").agg(F.min("dst").alias("m"))
    return both.join(smallest, "src").where(F.col("dst") > F.col("src")) \
        .select(F.col("dst").alias("src"), F.least(F.col("m"), F.col("src")).alias("dst")).distinct()


def small_star(edges):
    """Each node links itself and its smaller neighbours to the smallest of them."""
    oriented = edges.select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst")) \
        .where(F.col("src") != F.col("dst"))
    smallest = oriented.groupBy("src").agg(F.min("dst").alias("m"))
    linked = oriented.join(smallest, "src")
    neighbours = linked.where(F.col("dst") != F.col("m")).select(F.col("dst").alias("src"), F.col("m").alias("dst"))
    itself = smallest.select(F.col("src"), F.col("m").alias("dst"))
    return neighbours.union(itself).distinct()


def connected_components(edges, checkpoint_every=1):
    """(node, component) for every node of `edges`, the component its smallest node.

    Alternates large-star and small-star until the edges form stars: every edge (v, m) points
    at a node m with no smaller neighbour. Converges in O(log² n) rounds; each round's edges are
    checkpointed so that the plan does not grow with the rounds.
    """
    edges = edges.select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst")) \
        .where(F.col("src") != F.col("dst")).distinct()
    rounds = 0
    while True:
        rounds += 1
        edges = small_star(large_star(edges)).localCheckpoint()
        # Stars: no centre (a dst) is also a leaf (a src).
        centres = edges.select(F.col("dst").alias("node")).distinct()
        leaves = edges.select(F.col("src").alias("node"))
        if centres.join(leaves, "node").limit(1).count() == 0:
            break
    components = edges.select(F.col("src").alias("node"), F.col("dst").alias("component"))
    roots = edges.select(F.col("dst").alias("node"), F.col("dst").alias("component")).distinct()
    return components.union(roots), rounds


# ---------------------------------------------------------------------------------------------
# dedup

SKETCH_SCHEMA = T.StructType([
    T.StructField("row", T.LongType()), T.StructField("unread", T.BooleanType()),
    T.StructField("id", T.StringType()), T.StructField("line", T.LongType()),
    T.StructField("bytes", T.LongType()), T.StructField("shingles", T.LongType()),
    T.StructField("date", T.StringType()), T.StructField("setAside", T.BooleanType()),
    T.StructField("signature", T.StringType()), T.StructField("bands", T.ArrayType(T.StringType())),
])

MAXIMUM_BUCKET_SIZE = 64  # as CandidatePairs: a larger bucket pairs each member with its first only
SALTS = 16  # ways a bucket's rows are spread before they are counted


def candidate_pairs(documents, index_bits):
    """(a, b) rows sharing an LSH bucket, as `stemma dedup` finds them.

    Dedup sorts band keys with the document index in their low `index_bits` bits, so a bucket is
    a band and the key's high bits. Buckets over 64 documents (boilerplate) pair every member
    with the bucket's first only, as dedup does.

    Skew: rows are grouped by bucket and a salt (16 ways), each group keeping its count, its
    first row and at most 64 rows, so a boilerplate bucket of millions spreads over 16 tasks and
    leaves them as 16 short lists; a second, small grouping adds them up. A bucket of at most 64
    is paired from its list; the few larger ones are broadcast and their members paired with
    their first where the rows lie, with no shuffle.
    """
    hi = F.conv(F.substring("key", 1, 8), 16, 10).cast("long")
    lo = F.conv(F.substring("key", 9, 8), 16, 10).cast("long")
    bucket = F.shiftleft(hi, 32 - index_bits).bitwiseOR(F.shiftright(lo, index_bits))
    exploded = documents.select("row", F.posexplode("bands").alias("band", "key")) \
        .select("row", "band", bucket.alias("bucket")).persist(StorageLevel.MEMORY_AND_DISK)
    salted = exploded.groupBy("band", "bucket", (F.col("row") % SALTS).alias("salt")) \
        .agg(F.count("*").alias("size"), F.min("row").alias("first"),
             F.slice(F.array_sort(F.collect_list("row")), 1, MAXIMUM_BUCKET_SIZE).alias("rows"))
    buckets = salted.groupBy("band", "bucket") \
        .agg(F.sum("size").alias("size"), F.min("first").alias("first"), F.flatten(F.collect_list("rows")).alias("rows")) \
        .where(F.col("size") > 1).persist(StorageLevel.MEMORY_AND_DISK)
    rows = F.array_sort(F.col("rows"))
    every_pair = F.flatten(F.transform(
        F.sequence(F.lit(1), F.size(rows) - 1),
        lambda i: F.transform(F.slice(rows, i + 1, F.size(rows) - i), lambda later: F.struct(F.element_at(rows, i).alias("a"), later.alias("b")))))
    from_small = buckets.where(F.col("size") <= MAXIMUM_BUCKET_SIZE).select(F.explode(every_pair).alias("pair")) \
        .select("pair.a", "pair.b")
    large = F.broadcast(buckets.where(F.col("size") > MAXIMUM_BUCKET_SIZE).select("band", "bucket", "first"))
    from_large = exploded.join(large, ["band", "bucket"]).where(F.col("row") != F.col("first")) \
        .select(F.col("first").alias("a"), F.col("row").alias("b"))
    return from_small.union(from_large).distinct()


def with_estimates(pairs, documents, permutations):
    """Pairs with their signatures' estimated Jaccard and the containments it implies."""
    sa = documents.select(F.col("row").alias("a"), F.col("sig").alias("sa"), F.col("shingles").alias("na"))
    sb = documents.select(F.col("row").alias("b"), F.col("sig").alias("sb"), F.col("shingles").alias("nb"))
    joined = pairs.join(sa, "a").join(sb, "b")
    jaccard = equal_values(F.col("sa"), F.col("sb"), permutations).cast("double") / float(permutations)
    joined = joined.withColumn("jaccard", jaccard)
    # |A ∩ B| = J (|A| + |B|) / (1 + J), as SimilarPair(estimatedJaccard:) computes it.
    shared = F.col("jaccard") * (F.col("na") + F.col("nb")).cast("double") / (F.lit(1.0) + F.col("jaccard"))
    return joined.select(
        "a", "b", "jaccard",
        F.when(F.col("na") == 0, 0.0).otherwise(F.least(F.lit(1.0), shared / F.col("na").cast("double"))).alias("containmentAB"),
        F.when(F.col("nb") == 0, 0.0).otherwise(F.least(F.lit(1.0), shared / F.col("nb").cast("double"))).alias("containmentBA"),
        F.lit(False).alias("exact"))


def texts_of(numbered, rows, text_field, broadcast_limit=2_000_000):
    """(row, text) of the given rows, read again from the input lines (first key wins)."""
    def text(line):
        return json.loads(line, object_pairs_hook=first_wins)[text_field]

    if rows.count() <= broadcast_limit:
        wanted = numbered.context.broadcast(set(rows.collect()))
        return numbered.filter(lambda entry: entry[0] in wanted.value).map(lambda entry: (entry[0], text(entry[1])))
    return numbered.join(rows.map(lambda row: (row, None))).map(lambda entry: (entry[0], text(entry[1][0])))


def exact_pairs(spark, pairs, numbered, options, counters):
    """Candidate pairs checked exactly by `stemma verify` on the executors."""
    rows = pairs.rdd.flatMap(lambda pair: (pair[0], pair[1])).distinct()
    texts = texts_of(numbered, rows, options.text_field).persist(StorageLevel.MEMORY_AND_DISK)  # joined twice
    by_a = pairs.rdd.map(lambda pair: (pair[0], pair[1])).join(texts)  # a -> (b, textA)
    by_b = by_a.map(lambda entry: (entry[1][0], (entry[0], entry[1][1]))).join(texts)  # b -> ((a, textA), textB)
    lines = by_b.map(lambda entry: json.dumps({"a": entry[1][0][0], "b": entry[0], "textA": entry[1][0][1],
                                                 "textB": entry[1][1]}, ensure_ascii=False).encode("utf-8"))
    command = [options.stemma, "verify", "-", "--shingle", str(options.shingle), "-j", str(options.executor_threads)]

    def run(entries):
        return pipe([find_stemma(command[0])] + command[1:], entries, counters)

    schema = "a long, b long, jaccard double, containmentAB double, containmentBA double, exact boolean"
    verified = spark.read.schema(schema).json(lines.mapPartitions(run).map(lambda line: line.decode("utf-8")))
    return verified.where(F.col("jaccard") >= options.threshold)


def dedup(spark, options):
    sc = spark.sparkContext
    started = time.time()
    skipped, warnings = sc.accumulator(0), sc.accumulator(0)
    numbered, form = read_lines(spark, options)
    # The input lines are not kept: exact checks and --write-deduplicated read them again, which
    # costs a read of the input, not a copy of it.
    command = [options.stemma, "sketch", "-", "--threshold", repr(options.threshold), "--shingle", str(options.shingle),
               "--permutations", str(options.permutations), "--seed", str(options.seed),
               "--min-shingles", str(options.min_shingles), "-j", str(options.executor_threads)] + corpus_flags(options, form)
    records = spark.read.schema(SKETCH_SCHEMA).json(through_stemma(numbered, command, (skipped, warnings)))
    # Kept once: the sketch is the costly stage, and every later one reads it.
    sketched = records.select("row", "unread", "id", "bytes", "shingles", "date",
                              F.coalesce("setAside", F.lit(False)).alias("setAside"), F.unbase64("signature").alias("sig"), "bands") \
        .persist(StorageLevel.MEMORY_AND_DISK)
    documents = sketched.where(F.col("unread").isNull()).drop("unread")
    unread = sketched.where(F.col("unread")).select("row")
    rows = documents.where(~F.col("setAside"))
    counts = documents.agg(F.count("*").alias("documents"), F.sum(F.col("setAside").cast("int")).alias("setAside"),
                           F.sum("bytes").alias("bytes"), F.sum((~F.col("setAside")).cast("int")).alias("rows")).first()
    row_count = counts["rows"] or 0
    index_bits = max(1, (row_count - 1).bit_length()) if row_count > 1 else 1
    bands, band_rows = lsh_parameters(options.threshold, options.permutations)

    candidates = candidate_pairs(rows, index_bits).persist(StorageLevel.MEMORY_AND_DISK) if row_count > 1 \
        else spark.createDataFrame([], "a long, b long")
    candidate_count = candidates.count()
    margin = 3 * math.sqrt(options.threshold * (1 - options.threshold) / options.permutations) if options.verify == "auto" else 0.0
    estimated = with_estimates(candidates, rows, options.permutations).persist(StorageLevel.MEMORY_AND_DISK)
    if options.verify == "exact":
        accepted = spark.createDataFrame([], estimated.schema)
        uncertain = candidates
    else:
        accepted = estimated.where(F.col("jaccard") >= options.threshold + margin)
        uncertain = estimated.where((F.col("jaccard") > options.threshold - margin) & (F.col("jaccard") < options.threshold + margin)) \
            .select("a", "b") if margin > 0 else None
    exact_checks = 0
    pairs = accepted
    if uncertain is not None:
        uncertain = uncertain.persist(StorageLevel.MEMORY_AND_DISK)
        exact_checks = uncertain.count()
        if exact_checks:
            pairs = pairs.unionByName(exact_pairs(spark, uncertain, numbered, options, (skipped, warnings)))
    pairs = pairs.persist(StorageLevel.MEMORY_AND_DISK)

    components, rounds = connected_components(pairs.select(F.col("a").alias("src"), F.col("b").alias("dst")))
    families = family_records(components, documents, options.permutations)
    ids = documents.select("row", "id")
    pair_lines = pairs.join(ids.withColumnRenamed("row", "a").withColumnRenamed("id", "idA"), "a") \
        .join(ids.withColumnRenamed("row", "b").withColumnRenamed("id", "idB"), "b") \
        .orderBy("a", "b").rdd.map(pair_line)
    pair_lines.saveAsTextFile(os.path.join(options.output, "pairs"))
    family_rows = families.persist(StorageLevel.MEMORY_AND_DISK)
    family_rows.rdd.zipWithIndex().map(family_line).saveAsTextFile(os.path.join(options.output, "families"))
    family_stats = family_rows.agg(F.count("*").alias("families"), F.sum(F.col("size") - 1).alias("duplicates"),
                                   F.max("size").alias("largest")).first()
    if options.write_deduplicated:
        write_deduplicated(spark, numbered, documents, components, unread, options)
    seconds = time.time() - started
    summary = {
        "schemaVersion": 1, "documents": counts["documents"], "setAside": counts["setAside"] or 0,
        "skippedRecords": skipped.value, "warnings": warnings.value, "bytes": counts["bytes"] or 0,
        "seconds": rounded(seconds), "megabytesPerSecond": rounded((counts["bytes"] or 0) / 1e6 / seconds if seconds else 0),
        "candidates": candidate_count, "exactChecks": exact_checks, "pairs": pairs.count(),
        "families": family_stats["families"], "duplicates": family_stats["duplicates"] or 0,
        "largestFamily": family_stats["largest"] or 0,
        "parameters": {"threshold": options.threshold, "permutations": options.permutations, "shingle": options.shingle,
                       "seed": options.seed, "bands": bands, "rows": band_rows, "verification": options.verify,
                       "containment": None, "minimumShingles": options.min_shingles},
        "spark": {"connectedComponentRounds": rounds, "executorThreads": options.executor_threads},
    }
    write_text(spark, os.path.join(options.output, "summary.json"), json.dumps(summary, indent=2) + "\n")
    return summary


def keep_order(policy):
    """SQL: the member a KeepPolicy keeps is the smallest of this struct. earliest: dated members
    first, by date then row, else the longest, then the first; longest: by length, then row."""
    if policy == "first":
        return F.struct(F.col("row"))
    if policy == "longest":
        return F.struct((-F.col("bytes")).alias("shorter"), F.col("row"))
    return F.struct(F.col("date").isNull().alias("undated"), F.coalesce("date", F.lit("")).alias("date"),
                    F.when(F.col("date").isNull(), -F.col("bytes")).otherwise(F.lit(0)).alias("shorter"), F.col("row"))


def family_records(components, documents, permutations):
    """One row per family: its representative (earliest dated, else longest, else first, as
    KeepPolicy.earliest), its members with their estimated similarity to it, ordered as
    `stemma dedup` orders families (largest first, then by representative)."""
    facts = documents.select("row", "id", "date", "bytes", "sig")
    members = components.join(facts, components.node == facts.row)
    chosen = members.groupBy("component").agg(F.min(keep_order("earliest")).alias("choice"), F.count("*").alias("size")) \
        .select("component", "size", F.col("choice.row").alias("representative"))
    representatives = chosen.join(facts.select(F.col("row").alias("representative"), F.col("sig").alias("rsig")), "representative")
    similarity = equal_values(F.col("sig"), F.col("rsig"), permutations).cast("double") / float(permutations)
    scored = members.join(representatives, "component") \
        .select("component", "size", "representative", "row", "id",
                F.when(F.col("row") == F.col("representative"), F.lit(1.0)).otherwise(similarity).alias("similarity"))
    return scored.groupBy("component", "size", "representative") \
        .agg(F.collect_list(F.struct("row", "id", "similarity")).alias("members")) \
        .orderBy(F.col("size").desc(), F.col("representative").asc())


def pair_line(row):
    return json.dumps({"type": "pair", "a": row["idA"], "b": row["idB"], "jaccard": rounded(row["jaccard"]),
                       "containmentAB": rounded(row["containmentAB"]), "containmentBA": rounded(row["containmentBA"]),
                       "exact": row["exact"]}, ensure_ascii=False, separators=(",", ":"))


def family_line(entry):
    family, number = entry
    members = sorted(family["members"], key=lambda member: (member["row"] != family["representative"], member["row"]))
    return json.dumps({"type": "family", "family": number + 1, "representative": members[0]["id"], "size": family["size"],
                       "members": [{"id": member["id"], "similarity": rounded(member["similarity"])} for member in members]},
                      ensure_ascii=False, separators=(",", ":"))


def write_deduplicated(spark, numbered, documents, components, unread, options):
    """The input lines less the members each family drops (`--keep`) and the lines not read."""
    facts = documents.select("row", "date", "bytes")
    members = components.join(facts, components.node == facts.row)
    kept = members.groupBy("component").agg(F.min(keep_order(options.keep)).alias("choice")).select(F.col("choice.row").alias("row"))
    dropped = members.select("row").join(kept, "row", "left_anti").union(unread)
    gone = spark.sparkContext.broadcast(set(row[0] for row in dropped.collect()))
    numbered.filter(lambda entry: entry[0] not in gone.value).map(lambda entry: entry[1].decode("utf-8", "surrogateescape")) \
        .saveAsTextFile(options.write_deduplicated)


# ---------------------------------------------------------------------------------------------
# reuse

NGRAM_SCHEMA = T.StructType([
    T.StructField("row", T.LongType()), T.StructField("unread", T.BooleanType()),
    T.StructField("id", T.StringType()), T.StructField("line", T.LongType()), T.StructField("date", T.StringType()),
    T.StructField("words", T.LongType()), T.StructField("ngrams", T.ArrayType(T.LongType())), T.StructField("text", T.StringType()),
])
PASSAGE_KEY = re.compile(r'^\{"a":(-?\d+),"b":(-?\d+),"index":(\d+),')
PASSAGE_MEMBER = ',"passage":'


def anchors_of(documents, maximum_df):
    """(a, b, wordA, wordB, df) for every shared n-gram position, as ReuseCandidates pairs them,
    with the number of documents holding the n-gram (what tells formula wording from reuse).

    An n-gram in more than `maximum_df` documents, or with more than 4 × `maximum_df`
    occurrences, gives no anchor. Those are found by combinable counts and dropped map-side
    (broadcast), so the self-join on the hash never meets a skewed key.
    """
    postings = documents.select("row", F.posexplode("ngrams").alias("pos", "hash"))
    per_document = postings.groupBy("hash", "row").agg(F.count("*").alias("occurrences"))
    per_hash = per_document.groupBy("hash").agg(F.count("*").alias("documents"), F.sum("occurrences").alias("occurrences"))
    heavy = per_hash.where((F.col("documents") > maximum_df) | (F.col("occurrences") > 4 * maximum_df)).select("hash")
    shared = per_hash.where(F.col("documents") >= 2).select("hash", F.col("documents").alias("df"))
    light = postings.join(F.broadcast(heavy), "hash", "left_anti").join(shared, "hash")
    x, y = light.alias("x"), light.alias("y")
    return x.join(y, F.col("x.hash") == F.col("y.hash")).where(F.col("x.row") < F.col("y.row")) \
        .select(F.col("x.row").alias("a"), F.col("y.row").alias("b"), F.col("x.pos").alias("pa"), F.col("y.pos").alias("pb"),
                F.col("x.df").alias("df"))


def reuse(spark, options):
    sc = spark.sparkContext
    started = time.time()
    skipped, warnings = sc.accumulator(0), sc.accumulator(0)
    numbered, form = read_lines(spark, options)
    command = [options.stemma, "ngrams", "-", "--ngram", str(options.ngram), "--with-text",
               "-j", str(options.executor_threads)] + corpus_flags(options, form)
    records = spark.read.schema(NGRAM_SCHEMA).json(through_stemma(numbered, command, (skipped, warnings)))
    documents = records.where(F.col("unread").isNull()).drop("unread", "line").persist(StorageLevel.MEMORY_AND_DISK)
    counts = documents.agg(F.count("*").alias("documents"), F.sum("words").alias("words")).first()

    # One sorted list of (wordA, wordB, df) split in two keeps each frequency beside its anchor.
    triples = F.sort_array(F.collect_list(F.array("pa", "pb", "df")))
    pairs = anchors_of(documents, options.max_df).groupBy("a", "b") \
        .agg(F.count("*").alias("matches"), triples.alias("triples")) \
        .where(F.col("matches") >= options.min_matches) \
        .select("a", "b", "matches", F.transform("triples", lambda t: F.slice(t, 1, 2)).alias("anchors"),
                F.transform("triples", lambda t: t[2]).alias("frequencies")) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    pair_counts = pairs.agg(F.count("*").alias("pairs"), F.sum("matches").alias("anchors")).first()
    side = lambda name: documents.select(F.col("row").alias(name), F.col("id").alias("id" + name.upper()),
                                         F.col("date").alias("date" + name.upper()), F.col("text").alias("text" + name.upper()))
    requests = pairs.join(side("a"), "a").join(side("b"), "b") \
        .select(F.to_json(F.struct("a", "b", "idA", "idB", "dateA", "dateB", "textA", "textB", "anchors", "frequencies")).alias("line"))
    align = [options.stemma, "align", "-", "--min-words", str(options.min_words), "--max-gap", str(options.max_gap),
             "--formula-df", str(options.formula_df),
             "-j", str(options.executor_threads)] + (["--no-alignment"] if options.no_alignment else [])

    def run(entries):
        return pipe([find_stemma(align[0])] + align[1:], (row[0].encode("utf-8") for row in entries), (skipped, warnings))

    def key(line):
        match = PASSAGE_KEY.match(line)
        return int(match.group(1)), int(match.group(2)), int(match.group(3))

    passages = requests.rdd.mapPartitions(run).map(lambda line: line.decode("utf-8")) \
        .sortBy(key).persist(StorageLevel.MEMORY_AND_DISK)
    passages.map(lambda line: line[line.index(PASSAGE_MEMBER) + len(PASSAGE_MEMBER):-1]) \
        .saveAsTextFile(os.path.join(options.output, "passages"))
    passage_count = passages.count()
    pair_count = passages.map(lambda line: key(line)[:2]).distinct().count()
    # Clusters join passages across pairs: one stemma process on the driver reads every span.
    spans = passages.map(lambda line: line[:line.index(PASSAGE_MEMBER)] + "}")
    cluster_lines = list(pipe([find_stemma(options.stemma), "cluster", "-"],
                              (line.encode("utf-8") for line in spans.toLocalIterator())))
    write_text(spark, os.path.join(options.output, "clusters", "part-00000"),
               "".join(line.decode("utf-8") + "\n" for line in cluster_lines))
    seconds = time.time() - started
    summary = {
        "schemaVersion": 1,
        "parameters": {"ngram": options.ngram, "maxDF": options.max_df, "minMatches": options.min_matches,
                       "minWords": options.min_words, "maxGap": options.max_gap, "formulaDF": options.formula_df},
        "summary": {"documents": counts["documents"], "words": counts["words"] or 0,
                    "candidatePairs": pair_counts["pairs"], "anchors": pair_counts["anchors"] or 0,
                    "passages": passage_count, "pairs": pair_count, "clusters": len(cluster_lines),
                    "seconds": rounded(seconds)},
        "skippedRecords": skipped.value, "warnings": warnings.value,
    }
    write_text(spark, os.path.join(options.output, "summary.json"), json.dumps(summary, indent=2) + "\n")
    return summary


# ---------------------------------------------------------------------------------------------
# Command line


def common_arguments(parser):
    parser.add_argument("inputs", nargs="+", help="JSONL files (.gz too), Parquet files, or directories of them or of text files")
    parser.add_argument("--output", required=True, help="directory for the results (must not hold any yet)")
    parser.add_argument("--stemma", default="stemma", help="the stemma binary on the executors (default: shipped with --files, else PATH)")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--input-format", choices=["auto", "jsonl", "parquet", "text"], default="auto")
    parser.add_argument("--partitions", type=int, default=0, help="input partitions at least (default: Spark's)")
    parser.add_argument("--executor-threads", type=int, default=1,
                        help="threads each stemma process uses (default 1: Spark runs one task per core)")


def parse(arguments):
    parser = argparse.ArgumentParser(prog="stemma_spark.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dedup_parser = commands.add_parser("dedup", help="near-duplicate pairs and families, as stemma dedup")
    common_arguments(dedup_parser)
    dedup_parser.add_argument("--threshold", type=float, default=0.5)
    dedup_parser.add_argument("--shingle", type=int, default=5)
    dedup_parser.add_argument("--permutations", type=int, default=128)
    dedup_parser.add_argument("--seed", type=int, default=1)
    dedup_parser.add_argument("--min-shingles", type=int, default=5)
    dedup_parser.add_argument("--verify", choices=["auto", "estimate", "exact"], default="auto")
    dedup_parser.add_argument("--write-deduplicated", metavar="DIR", help="write the input lines less the dropped duplicates")
    dedup_parser.add_argument("--keep", choices=["earliest", "longest", "first"], default="earliest")
    reuse_parser = commands.add_parser("reuse", help="passages documents share, as stemma reuse")
    common_arguments(reuse_parser)
    reuse_parser.add_argument("--ngram", type=int, default=5)
    reuse_parser.add_argument("--max-df", type=int, default=100)
    reuse_parser.add_argument("--min-matches", type=int, default=3)
    reuse_parser.add_argument("--min-words", type=int, default=12)
    reuse_parser.add_argument("--formula-df", type=int, default=20,
                              help="a passage whose shared n-grams are in this many documents on average is formula wording, left out")
    reuse_parser.add_argument("--max-gap", type=int, default=50)
    reuse_parser.add_argument("--no-alignment", action="store_true", help="leave the aligned text out of the passages")
    options = parser.parse_args(arguments)
    if options.command == "dedup":
        if not 0 < options.threshold < 1:
            parser.error("--threshold must be between 0 and 1")
        if options.permutations <= 0 or options.permutations % 16:
            parser.error("--permutations must be a positive multiple of 16")
    if options.executor_threads < 1:
        parser.error("--executor-threads must be at least 1")
    return options


def main(arguments=None):
    options = parse(sys.argv[1:] if arguments is None else arguments)
    spark = SparkSession.builder.appName(f"stemma {options.command}").getOrCreate()
    try:
        prepare_output(spark, options.output)
        summary = dedup(spark, options) if options.command == "dedup" else reuse(spark, options)
        print(json.dumps(summary, separators=(",", ":")))
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
