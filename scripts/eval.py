#!/usr/bin/env python3
"""Measure pith on the dev corpus and the segmentation gold (standard library only).

usage: scripts/eval.py [--shared ../shared] [--bin target/release/pith] [--only html|text|segments]

Runs the `pith` binary over ../shared/corpus/readability (HTML pages and their flattened
*.glued.txt forms) and over the segmentation gold's pages, converts the records to the
scorers' input, and prints the scorers' figures:
  - body P/R/F1 on HTML and on flattened text (../shared/eval/score.py),
  - segmentation figures (../shared/eval/score_segments.py).
Build first: cargo build --release -p pith-cli
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SENTENCE_END = re.compile(r"([.!?][\"'\u201d\u2019)]?)\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def score_gold_pages(binary, shared, gold, outdir, pages, fmt, label):
    """Run pith over (gold id, path) pairs as `fmt` and print the segmentation scorer's figures."""
    recs = run_pith(binary, [p for _, p in pages], ("--input-format", fmt))
    pred = outdir / f"{label.replace(', ', '-')}.jsonl"
    with pred.open("w") as f:
        for (gid, _), r in zip(pages, recs):
            f.write(json.dumps(segment_row(gid, r)) + "\n")
    print(f"== {label} ({len(pages)} gold pages)")
    score([sys.executable, str(shared / "eval" / "score_segments.py"), str(gold), str(pred)])


def run_pith(binary, paths, extra=()):
    """Run pith once over many paths; yield records in input order."""
    out = subprocess.run([binary, "--jsonl", "--quiet", *extra, *map(str, paths)],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"pith failed ({out.returncode}): {out.stderr[:2000]}")
    recs = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(recs) != len(paths):
        sys.exit(f"pith gave {len(recs)} records for {len(paths)} inputs")
    return recs


def page_id(path):
    name = Path(path).name
    for suffix in (".glued.txt", ".html", ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return Path(path).stem


def sentences(text):
    parts = [s.strip() for s in SENTENCE_END.sub("\\1\n", text or "").split("\n") if s.strip()]
    return parts


def segment_row(pid, rec):
    art = rec.get("article") or {}
    body = [b.get("text", "") for b in art.get("body") or []
            if b.get("kind") in ("paragraph", "quote", "list_item")]
    first = sentences(body[0])[0] if body and sentences(body[0]) else None
    last = sentences(body[-1])[-1] if body and sentences(body[-1]) else None
    return {"id": pid, "headline": art.get("headline"), "standfirst": art.get("standfirst"),
            "published": (art.get("published") or "")[:10] or None,
            "dateline": art.get("dateline"), "byline": art.get("byline") or [],
            "quotes": art.get("quotes") or [], "first_body_sentence": first,
            "last_body_sentence": last}


def score(cmd):
    res = subprocess.run(cmd, capture_output=True, text=True)
    print(res.stdout.strip())
    if res.returncode:
        print(res.stderr, file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--bin", default=str(Path(__file__).resolve().parents[1] / "target/release/pith"))
    ap.add_argument("--only", choices=["html", "text", "segments"])
    ap.add_argument("--keep", help="write the prediction files into this folder")
    a = ap.parse_args()
    shared = Path(a.shared)
    corpus = shared / "corpus" / "readability"
    if not corpus.is_dir():
        sys.exit(f"no corpus at {corpus}")
    outdir = Path(a.keep or tempfile.mkdtemp(prefix="pith-eval-"))
    outdir.mkdir(parents=True, exist_ok=True)

    for mode, pattern, extra in (("html", "*.html", ("--input-format", "html")),
                                 ("text", "*.glued.txt", ("--input-format", "text"))):
        if a.only and a.only != mode:
            continue
        paths = sorted(corpus.glob(pattern))
        recs = run_pith(a.bin, paths, extra)
        pred = outdir / f"body-{mode}.jsonl"
        with pred.open("w") as f:
            for p, r in zip(paths, recs):
                f.write(json.dumps({"id": page_id(p), "body": r.get("text") or ""}) + "\n")
        print(f"== body, {mode} ({len(paths)} pages)")
        score([sys.executable, str(shared / "eval" / "score.py"), str(corpus), str(pred),
               "--per-doc", str(outdir / f"per-doc-{mode}.csv")])

    if a.only in (None, "segments"):
        gold = shared / "gold" / "readability-segments.jsonl"
        ids = [json.loads(l)["id"] for l in gold.read_text().splitlines() if l.strip()]
        paths = []
        for gid in ids:
            exact = corpus / f"{gid}.html"
            cands = [exact] if exact.exists() else sorted(corpus.glob(f"{gid}*.html"))
            if cands:
                paths.append((gid, cands[0]))
        score_gold_pages(a.bin, shared, gold, outdir, paths, "html", "segments")
        # The same gold pages in their flattened form: the text path's front matter.
        glued = [(gid, p.with_name(p.name[: -len(".html")] + ".glued.txt")) for gid, p in paths]
        glued = [(gid, p) for gid, p in glued if p.exists()]
        score_gold_pages(a.bin, shared, gold, outdir, glued, "text", "segments, glued")
        page = shared / "pages" / "hrw-kazakhstan-2011-06-10.txt"
        hrw_gold = shared / "gold" / "hrw-kazakhstan-2011-06-10.json"
        if page.exists() and hrw_gold.exists():
            rec = run_pith(a.bin, [page], ("--input-format", "text"))[0]
            hg = outdir / "hrw-gold.jsonl"
            hg.write_text(json.dumps(json.loads(hrw_gold.read_text())) + "\n")
            hp = outdir / "hrw-pred.jsonl"
            hp.write_text(json.dumps(segment_row("hrw-kazakhstan-2011-06-10", rec)) + "\n")
            print("== segments, HRW page")
            score([sys.executable, str(shared / "eval" / "score_segments.py"), str(hg), str(hp)])
    print(f"(predictions in {outdir})")


if __name__ == "__main__":
    main()
