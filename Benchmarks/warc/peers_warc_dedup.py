"""The peers of `stemma dedup FILE.warc.gz`, and the scoring of duplicate clusters against make_warc.py's truth.

fastwarc: FastWARC's ArchiveIterator (response records, HTTP parsed) reading every payload and
  nothing more: the floor for any tool that reads the archive in Python.
pipeline: what a data engineer writes today. The main process streams (key, payload) pairs from
  warcio's ArchiveIterator into multiprocessing Pool.imap over PROCESSES workers; each runs
  trafilatura.extract (defaults, include_comments=False), splits the lower-cased text into \\w+ words
  and hashes their word 5-grams into a datasketch MinHash (num_perm 128, update_batch). The main
  process queries and inserts each signature into a MinHashLSH (threshold 0.8) and joins the
  candidates with union-find into clusters. Pages with no 5-gram are left out (their empty
  signatures would all collide). Keys follow make_warc.py: the URL, then URL#2, URL#3 for repeats.
evaluate: pair precision and recall of clusters (every pair inside a cluster) against the truth
  families, reading this script's clusters, or stemma dedup's output (--format json or JSONL family
  records, ids being URLs as above or WARC-Record-IDs). Families whose article has fewer than
  --min-words words are not scored (pairs touching them count neither way). Pair recall is dominated
  by the largest family (the Readability unit-test pages share one lorem-ipsum article); familyRecall
  is the mean over families of the share of their pairs found.

Usage: peers_warc_dedup.py fastwarc FILE.warc.gz
       peers_warc_dedup.py pipeline FILE.warc.gz --output CLUSTERS.jsonl [--processes 2] [--threshold 0.8]
       peers_warc_dedup.py evaluate TRUTH.jsonl RESULT [--min-words 30]
"""
import argparse
import json
import multiprocessing
import re
import sys
import time
from collections import Counter

WORD = re.compile(r"\w+")


def read_fastwarc(path):
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    start = time.perf_counter()
    records = payload = 0
    with open(path, "rb") as file:
        for record in ArchiveIterator(file, record_types=WarcRecordType.response, parse_http=True):
            payload += len(record.reader.read())
            records += 1
    print(json.dumps({"tool": "fastwarc", "records": records, "payloadMB": round(payload / 1e6, 1),
                      "seconds": round(time.perf_counter() - start, 3)}))


def payloads(path, counts):
    from warcio.archiveiterator import ArchiveIterator
    seen = Counter()
    with open(path, "rb") as file:
        for record in ArchiveIterator(file):
            if record.rec_type != "response":
                continue
            counts["responses"] += 1
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if "html" not in (content_type or "").lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            seen[url] += 1
            yield url if seen[url] == 1 else f"{url}#{seen[url]}", record.content_stream().read()


_SETTINGS = {}


def _start_worker(permutations, shingle):
    import trafilatura
    from datasketch import LeanMinHash, MinHash
    _SETTINGS.update(permutations=permutations, shingle=shingle, extract=trafilatura.extract, MinHash=MinHash,
                     LeanMinHash=LeanMinHash)


def _sketch(item):
    key, payload = item
    try:
        text = _SETTINGS["extract"](payload, include_comments=False)
    except Exception:
        text = None
    words = WORD.findall(text.lower()) if text else []
    size = _SETTINGS["shingle"]
    grams = {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}
    if not grams:
        return key, None
    signature = _SETTINGS["MinHash"](num_perm=_SETTINGS["permutations"])
    signature.update_batch(grams)
    return key, _SETTINGS["LeanMinHash"](signature)  # the compact form to send back


def pipeline(path, output, processes, threshold, permutations, shingle):
    from datasketch import MinHashLSH
    start = time.perf_counter()
    counts = Counter()
    index = MinHashLSH(threshold=threshold, num_perm=permutations)
    parent = {}

    def find(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    with multiprocessing.get_context("fork").Pool(processes, initializer=_start_worker,
                                                  initargs=(permutations, shingle)) as pool:
        for key, signature in pool.imap(_sketch, payloads(path, counts), chunksize=8):
            counts["pages"] += 1
            if signature is None:
                counts["setAside"] += 1
                continue
            parent[key] = key
            for other in index.query(signature):
                a, b = find(key), find(other)
                if a != b:
                    parent[a] = b
            index.insert(key, signature)
    clusters = {}
    for key in parent:
        clusters.setdefault(find(key), []).append(key)
    clusters = [members for members in clusters.values() if len(members) > 1]
    with open(output, "w", encoding="utf-8") as file:
        for members in clusters:
            file.write(json.dumps({"members": members}) + "\n")
    print(json.dumps({"tool": "python-pipeline", **counts, "clusters": len(clusters),
                      "duplicates": sum(len(members) - 1 for members in clusters), "lsh": f"b={index.b} r={index.r}",
                      "seconds": round(time.perf_counter() - start, 3)}))


def clusters_in(path):
    """Member-id lists from this script's clusters or stemma dedup's JSON / JSONL output."""
    with open(path, encoding="utf-8") as file:
        content = file.read()
    try:
        document = json.loads(content)
        records = document.get("families", []) if isinstance(document, dict) else document
    except json.JSONDecodeError:
        records = [json.loads(line) for line in content.splitlines() if line.strip().startswith("{")]
    clusters = []
    for record in records:
        if "members" not in record or record.get("type", "family") != "family":
            continue
        clusters.append([member["id"] if isinstance(member, dict) else member for member in record["members"]])
    return clusters


def evaluate(truth_path, result_path, min_words):
    family, eligible, by_record_id = {}, set(), {}
    with open(truth_path, encoding="utf-8") as file:
        for line in file:
            row = json.loads(line)
            family[row["key"]] = row["family"]
            by_record_id[row["recordId"]] = row["key"]
            if row["articleWords"] >= min_words:
                eligible.add(row["key"])
    sizes = Counter(family[key] for key in eligible)
    truth_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    clusters = clusters_in(result_path)
    unknown = scored = true_pairs = 0
    found = Counter()  # true pairs found per family
    for members in clusters:
        keys = []
        for member in members:
            key = member if member in family else by_record_id.get(member)
            if key is None:
                unknown += 1
            elif key in eligible:
                keys.append(key)
        scored += len(keys) * (len(keys) - 1) // 2
        for name, n in Counter(family[key] for key in keys).items():
            found[name] += n * (n - 1) // 2
            true_pairs += n * (n - 1) // 2
    print(json.dumps({"clusters": len(clusters), "clusteredRecords": sum(len(m) for m in clusters),
                      "pairs": scored, "truePairs": true_pairs, "truthPairs": truth_pairs,
                      "truthFamilies": sum(1 for n in sizes.values() if n > 1),
                      "precision": round(true_pairs / scored, 4) if scored else None,
                      "recall": round(true_pairs / truth_pairs, 4) if truth_pairs else None,
                      "familyRecall": round(sum(found[name] / (n * (n - 1) // 2) for name, n in sizes.items() if n > 1)
                                            / max(1, sum(1 for n in sizes.values() if n > 1)), 4),
                      "unknownIds": unknown}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["fastwarc", "pipeline", "evaluate"])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--output")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--permutations", type=int, default=128)
    parser.add_argument("--shingle", type=int, default=5)
    parser.add_argument("--min-words", type=int, default=30)
    arguments = parser.parse_args()
    if arguments.mode == "fastwarc":
        read_fastwarc(arguments.inputs[0])
    elif arguments.mode == "pipeline":
        pipeline(arguments.inputs[0], arguments.output or "/dev/null", arguments.processes, arguments.threshold,
                 arguments.permutations, arguments.shingle)
    else:
        evaluate(arguments.inputs[0], arguments.inputs[1], arguments.min_words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
