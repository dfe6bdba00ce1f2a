"""Near-duplicate detection by the peers on a JSONL corpus, timed end to end in-process.

Each peer reads the JSONL, shingles every text into word 5-grams (lower-cased \\w+ words, as
their documentation does), builds MinHash signatures with its own fastest bulk API, indexes them
with LSH at the same threshold and permutations, and verifies candidates by estimated Jaccard.
Prints one JSON line and writes the verified pairs as "idA<TAB>idB" lines for evaluation.

Usage: peers_dedup.py datasketch|rensa CORPUS.jsonl PAIRS.tsv [--threshold 0.5] [--permutations 128]
"""
import argparse
import json
import re
import time

WORD = re.compile(r"\w+")


def shingle_sets(path, size):
    ids, sets = [], []
    with open(path, encoding="utf-8") as corpus:
        for line in corpus:
            record = json.loads(line)
            words = WORD.findall(record["text"].lower())
            grams = {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))} if words else set()
            ids.append(record["id"])
            sets.append(grams)
    return ids, sets


def datasketch_pairs(sets, threshold, permutations):
    from datasketch import MinHash, MinHashLSH
    signatures = MinHash.bulk(([gram.encode() for gram in grams] for grams in sets), num_perm=permutations)
    index = MinHashLSH(threshold=threshold, num_perm=permutations)
    for key, signature in enumerate(signatures):
        index.insert(key, signature)
    pairs = set()
    for key, signature in enumerate(signatures):
        for other in index.query(signature):
            if other > key and signature.jaccard(signatures[other]) >= threshold:
                pairs.add((key, other))
    return pairs, f"MinHashLSH b={index.b} r={index.r}"


def rensa_pairs(sets, threshold, permutations):
    import rensa
    signatures = rensa.RMinHash.from_token_sets(([*grams] for grams in sets), permutations, 42)
    bands = 32  # rensa needs the band count; 32 × 4 is its documented choice for 128 permutations at 0.5
    index = rensa.RMinHashLSH(threshold=threshold, num_perm=permutations, num_bands=bands)
    index.insert_many(signatures)
    pairs = set()
    for key, candidates in enumerate(index.query_all(signatures)):
        for other in candidates:
            if other > key and signatures[key].jaccard(signatures[other]) >= threshold:
                pairs.add((key, other))
    return pairs, f"RMinHashLSH b={bands} r={permutations // bands}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peer", choices=["datasketch", "rensa"])
    parser.add_argument("corpus")
    parser.add_argument("pairs")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--permutations", type=int, default=128)
    args = parser.parse_args()
    started = time.perf_counter()
    ids, sets = shingle_sets(args.corpus, 5)
    read = time.perf_counter()
    run = datasketch_pairs if args.peer == "datasketch" else rensa_pairs
    pairs, banding = run(sets, args.threshold, args.permutations)
    finished = time.perf_counter()
    with open(args.pairs, "w", encoding="utf-8") as out:
        for a, b in sorted(pairs):
            out.write(f"{ids[a]}\t{ids[b]}\n")
    print(json.dumps({"tool": args.peer, "documents": len(ids), "pairs": len(pairs), "seconds": finished - started,
                      "readAndShingleSeconds": read - started, "banding": banding}))


if __name__ == "__main__":
    main()
