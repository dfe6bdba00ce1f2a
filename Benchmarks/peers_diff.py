#!/usr/bin/env python3
"""In-process timing of the peers of `stemma-diff-bench` on the same JSONL pairs.

    peers_diff.py PAIRS.jsonl [--repeat N] [--only difflib|diff-match-patch]

Prints one JSON line per peer with the fields of stemma-diff-bench plus "tool":
  difflib           NewsEdits-style: sentence alignment with difflib, changed sentences matched by
                    SequenceMatcher.ratio() >= 0.56, then a word diff inside each matched pair.
  diff-match-patch  diff_main + diff_cleanupSemantic on the whole texts, with Diff_Timeout = 0.
Only the diffing is timed; reading and parsing the file is not.
"""
import argparse
import json
import re
import time
from difflib import SequenceMatcher

# NewsEdits calls two sentences versions of each other below a distance of 0.44.
MATCH_RATIO = 0.56

ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "st.", "jr.", "u.s.",
                 "u.n.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "no.", "vs."}
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]*\s+|\n\s*\n")


def split_sentences(text):
    """A plain regex splitter that knows a few abbreviations, as a simple pipeline would."""
    sentences, start = [], 0
    for m in SENTENCE_END.finditer(text):
        last_word = text[start:m.start()].rsplit(None, 1)[-1:] or [""]
        if last_word[0].lower().lstrip("“\"(") in ABBREVIATIONS and "\n" not in m.group():
            continue
        piece = text[start:m.end()].strip()
        if piece:
            sentences.append(piece)
        start = m.end()
    if text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences


def difflib_diff(old, new):
    """Returns the number of sentence operations (like Stemma's `operations.count`)."""
    a, b = split_sentences(old), split_sentences(new)
    operations = 0
    unmatched_old, unmatched_new = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            operations += i2 - i1
        else:
            unmatched_old.extend(range(i1, i2))
            unmatched_new.extend(range(j1, j2))

    # Changed sentences may have moved, so each is compared with every unmatched new sentence.
    pairs, taken = [], set()
    matcher = SequenceMatcher(autojunk=False)
    for i in unmatched_old:
        matcher.set_seq2(a[i])  # difflib caches the analysis of seq2, so it is the fixed side
        best, best_ratio = None, MATCH_RATIO
        for j in unmatched_new:
            if j in taken:
                continue
            matcher.set_seq1(b[j])
            if matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio:
                ratio = matcher.ratio()
                if ratio >= best_ratio:
                    best, best_ratio = j, ratio
        if best is not None:
            taken.add(best)
            pairs.append((i, best))

    for i, j in pairs:
        SequenceMatcher(None, a[i].split(), b[j].split(), autojunk=False).get_opcodes()
    return operations + len(pairs) + (len(unmatched_old) - len(pairs)) + (len(unmatched_new) - len(pairs))


def dmp_diff(old, new, dmp):
    diffs = dmp.diff_main(old, new)
    dmp.diff_cleanupSemantic(diffs)
    return len(diffs)


def measure(name, run, pairs, repeats, **notes):
    operations = 0
    start = time.perf_counter()
    for _ in range(repeats):
        for old, new in pairs:
            operations += run(old, new)
    seconds = time.perf_counter() - start
    result = {"tool": name, "pairs": len(pairs), "repeats": repeats, "seconds": seconds,
              "microsecondsPerPair": seconds / (len(pairs) * repeats) * 1e6,
              "operations": operations, **notes}
    print(json.dumps(result), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", help="JSONL file of {\"old\": ..., \"new\": ...}")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the pairs (default 1)")
    parser.add_argument("--only", choices=["difflib", "diff-match-patch"], help="run one peer")
    args = parser.parse_args()
    with open(args.pairs, encoding="utf-8") as f:
        pairs = [(row["old"], row["new"]) for row in map(json.loads, filter(str.strip, f))]
    repeats = max(1, args.repeat)

    if args.only in (None, "difflib"):
        measure("difflib", difflib_diff, pairs, repeats, matchRatio=MATCH_RATIO)
    if args.only in (None, "diff-match-patch"):
        from diff_match_patch import diff_match_patch
        dmp = diff_match_patch()
        dmp.Diff_Timeout = 0  # the default 1 s cut-off would trade the result for speed
        measure("diff-match-patch", lambda old, new: dmp_diff(old, new, dmp), pairs, repeats,
                diffTimeout=dmp.Diff_Timeout, cleanup="semantic")


if __name__ == "__main__":
    main()
