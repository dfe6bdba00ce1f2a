"""Per-stage costs of a Spark run, from its event log: time, task CPU, shuffle bytes per document.

Usage: stage_report.py EVENT_LOG DOCUMENTS

Prints one Markdown table row per completed stage (stages skipped because their output was
reused are left out), then the totals. Bytes are Spark's own shuffle-write and -read counters.
"""
import json
import sys


def metric(info, name):
    for accumulable in info.get("Accumulables", []):
        if accumulable.get("Name") == name:
            return int(accumulable.get("Value", 0))
    return 0


def main():
    path, documents = sys.argv[1], int(sys.argv[2])
    stages = []
    with open(path, encoding="utf-8") as log:
        for line in log:
            event = json.loads(line)
            if event.get("Event") != "SparkListenerStageCompleted":
                continue
            info = event["Stage Info"]
            seconds = (info.get("Completion Time", 0) - info.get("Submission Time", 0)) / 1000
            stages.append((info["Stage ID"], info["Stage Name"].split(" at ")[0] + " at " + info["Stage Name"].split(":")[-1]
                           if " at " in info["Stage Name"] else info["Stage Name"], seconds,
                           metric(info, "internal.metrics.executorCpuTime") / 1e9,
                           metric(info, "internal.metrics.shuffle.write.bytesWritten"),
                           metric(info, "internal.metrics.shuffle.read.remoteBytesRead") + metric(info, "internal.metrics.shuffle.read.localBytesRead"),
                           metric(info, "internal.metrics.shuffle.write.recordsWritten")))
    print("| stage | what | wall s | task CPU s | shuffle write | bytes/doc | shuffle read | records written |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for stage, name, seconds, cpu, written, read, records in stages:
        print(f"| {stage} | {name[:60]} | {seconds:.1f} | {cpu:.1f} | {written / 1e6:.1f} MB | {written / documents:.0f} | {read / 1e6:.1f} MB | {records} |")
    total_write = sum(stage[4] for stage in stages)
    print(f"| all | {len(stages)} stages | {sum(s[2] for s in stages):.1f} | {sum(s[3] for s in stages):.1f} | "
          f"{total_write / 1e6:.1f} MB | {total_write / documents:.0f} | {sum(s[5] for s in stages) / 1e6:.1f} MB | {sum(s[6] for s in stages)} |")


if __name__ == "__main__":
    main()
