"""Warm query latency of datasketch's in-memory MinHashLSH, for comparison with `stemma match`.

Builds a MinHashLSH (same threshold and permutations) over the first DOCS documents of a JSONL
corpus, then times each query end to end as Stemma's is timed: shingling the text into word
5-grams, its MinHash, the LSH query, and the estimated Jaccard of each candidate against the
threshold, best first. Prints one JSON line like stemma-match-latency.

Usage: peers_match.py CORPUS.jsonl QUERIES.jsonl [--docs N] [--queries N]
"""
import argparse
import itertools
import json
import re
import time

WORD = re.compile(r"\w+")


def shingles(text, size=5):
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))} if words else set()


def texts(path, limit):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in itertools.islice(lines, limit)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("queries")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries-count", type=int, default=1_000)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--permutations", type=int, default=128)
    args = parser.parse_args()

    from datasketch import MinHash, MinHashLSH
    started = time.perf_counter()
    documents = texts(args.corpus, args.docs)
    signatures = MinHash.bulk(([gram.encode() for gram in shingles(text)] for text in documents), num_perm=args.permutations)
    index = MinHashLSH(threshold=args.threshold, num_perm=args.permutations)
    for key, signature in enumerate(signatures):
        index.insert(key, signature)
    built = time.perf_counter() - started

    def match(text):
        query = MinHash(num_perm=args.permutations)
        query.update_batch([gram.encode() for gram in shingles(text)])
        scored = [(query.jaccard(signatures[key]), key) for key in index.query(query)]
        return sorted((score, key) for score, key in scored if score >= args.threshold)[::-1][:20]

    queries = texts(args.queries, args.queries_count)
    for text in queries:
        match(text)
    milliseconds, matched = [], 0
    for text in queries:
        start = time.perf_counter()
        found = match(text)
        milliseconds.append((time.perf_counter() - start) * 1000)
        matched += bool(found)
    milliseconds.sort()
    pick = lambda p: milliseconds[min(len(milliseconds) - 1, max(0, int(-(-len(milliseconds) * p // 1)) - 1))]
    print(json.dumps({"tool": "datasketch", "documents": len(documents), "build_seconds": round(built, 1),
                      "queries": len(queries), "matched": matched, "p50": round(pick(0.5), 3), "p90": round(pick(0.9), 3),
                      "p99": round(pick(0.99), 3), "max": round(milliseconds[-1], 3)}))


if __name__ == "__main__":
    main()
