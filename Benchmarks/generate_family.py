"""A family of N versions of one story as JSONL: each version edits one more sentence of the one
before (appends "(update i)"), dated one hour apart. For `history-bench.sh`."""
import json
import random
import sys

source, count, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(7)
sentences = open(source, encoding="utf-8").read().split(". ")
with open(output, "w", encoding="utf-8") as out:
    for i in range(count):
        j = random.randrange(len(sentences))
        sentences = sentences[:j] + [sentences[j] + f" (update {i})"] + sentences[j + 1:]
        record = {"id": f"copy-{i:03d}", "text": ". ".join(sentences), "date": f"2022-03-{2 + i // 24:02d}T{i % 24:02d}:00"}
        out.write(json.dumps(record) + "\n")
