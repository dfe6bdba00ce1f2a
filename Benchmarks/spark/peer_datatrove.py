"""datatrove's MinHash deduplication, the four stages of its documented example, on JSONL files.

Usage: peer_datatrove.py INPUT_DIR WORK_DIR [--tasks 2] [--workers 2]

INPUT_DIR holds the corpus split into several .jsonl files (datatrove parallelises by file).
The banding is Stemma's at threshold 0.5 with 128 permutations (26 buckets of 3 hashes), on word
5-grams. Prints one JSON line: seconds per stage and in all, documents kept and removed.
"""
import argparse
import json
import time

from datatrove.executor.local import LocalPipelineExecutor
from datatrove.pipeline.dedup import MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter, MinhashDedupSignature
from datatrove.pipeline.dedup.minhash import MinhashConfig
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers.jsonl import JsonlWriter


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("work")
    parser.add_argument("--tasks", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    config = MinhashConfig(n_grams=5, num_buckets=26, hashes_per_bucket=3, seed=1)
    work = options.work
    seconds = {}

    def run(name, pipeline, tasks):
        started = time.time()
        LocalPipelineExecutor(pipeline=pipeline, tasks=tasks, workers=min(options.workers, tasks),
                              logging_dir=f"{work}/logs/{name}").run()
        seconds[name] = round(time.time() - started, 2)

    run("signatures", [JsonlReader(options.input, glob_pattern="*.jsonl"),
                       MinhashDedupSignature(output_folder=f"{work}/signatures", config=config)], options.tasks)
    run("buckets", [MinhashDedupBuckets(input_folder=f"{work}/signatures", output_folder=f"{work}/buckets", config=config)],
        config.num_buckets)
    run("cluster", [MinhashDedupCluster(input_folder=f"{work}/buckets", output_folder=f"{work}/remove_ids", config=config)], 1)
    run("filter", [JsonlReader(options.input, glob_pattern="*.jsonl"),
                   MinhashDedupFilter(input_folder=f"{work}/remove_ids",
                                      exclusion_writer=JsonlWriter(f"{work}/removed")),
                   JsonlWriter(output_folder=f"{work}/deduplicated")], options.tasks)
    print(json.dumps({"peer": "datatrove", "seconds": seconds, "total": round(sum(seconds.values()), 2)}))


if __name__ == "__main__":
    main()
