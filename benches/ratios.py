#!/usr/bin/env python3
"""Print each pith stage's time as a ratio to `parse` on the same inputs.

Reads the criterion results under target/criterion (or the directory given),
i.e. every */new/benchmark.json with its estimates.json beside it, after
`cargo bench -p pith-benches`.

A stage's "inputs" are its benchmark id: `fixtures` and `corpus` in the stage
groups (`parse`, `decode`, `clean_html`, `clean_text`, `segment`,
`end_to_end`), and `1MB` / `16MB` in the `scaling` group, where the stage is
the function id (`scaling/clean_html/16MB`). The reference for each is
`parse` on the same inputs: scraper::Html::parse_document plus one walk over
the text nodes. `clean_text` runs on the flattened text of the same pages
(fewer bytes), so its ratio compares the cost of handling the same pages.

usage: python3 benches/ratios.py [target/criterion]
"""
import json
import os
import sys


def load(root):
    """{(stage, inputs): (mean_ns, bytes or None)} from criterion's output."""
    results = {}
    for dirpath, _dirs, files in os.walk(root):
        if os.path.basename(dirpath) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(dirpath, "benchmark.json")) as f:
            bench = json.load(f)
        est_path = os.path.join(dirpath, "estimates.json")
        if not os.path.exists(est_path):
            continue
        with open(est_path) as f:
            est = json.load(f)
        mean_ns = est["mean"]["point_estimate"]
        group = bench.get("group_id")
        function = bench.get("function_id")
        value = bench.get("value_str")
        if group == "scaling":
            stage, inputs = function, "scaling/" + (value or "")
        else:
            stage = group
            inputs = function if not value else f"{function}/{value}"
        throughput = bench.get("throughput") or {}
        nbytes = throughput.get("Bytes") or throughput.get("BytesDecimal")
        results[(stage, inputs)] = (mean_ns, nbytes)
    return results


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns:.0f} ns"


STAGE_ORDER = ["parse", "decode", "clean_html", "clean_text", "segment", "end_to_end"]


def stage_key(stage):
    return (STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER), stage)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join("target", "criterion")
    results = load(root)
    if not results:
        print(f"no criterion results under {root}: run `cargo bench -p pith-benches` first")
        return 1
    inputs_list = sorted({inputs for _stage, inputs in results})
    print(f"{'inputs':<16} {'stage':<12} {'mean':>11} {'MB/s':>9} {'x parse':>8}")
    for inputs in inputs_list:
        ref = results.get(("parse", inputs))
        stages = sorted((s for s, i in results if i == inputs), key=stage_key)
        for stage in stages:
            ns, nbytes = results[(stage, inputs)]
            mbps = f"{nbytes / (ns / 1e9) / 1e6:.1f}" if nbytes else "-"
            ratio = f"{ns / ref[0]:.2f}" if ref else "-"
            print(f"{inputs:<16} {stage:<12} {fmt_time(ns):>11} {mbps:>9} {ratio:>8}")
        print()
    # Linearity: time per byte at the largest size over the smallest, per stage.
    scaling = {}
    for (stage, inputs), (ns, nbytes) in results.items():
        if inputs.startswith("scaling/") and nbytes:
            scaling.setdefault(stage, []).append((nbytes, ns))
    for stage in sorted(scaling, key=stage_key):
        points = sorted(scaling[stage])
        if len(points) >= 2:
            (b0, t0), (b1, t1) = points[0], points[-1]
            growth = (t1 / b1) / (t0 / b0)
            print(f"scaling {stage:<12} time/byte at {b1 >> 20} MB vs {b0 >> 20} MB: "
                  f"{growth:.2f}x (1.00 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
