#!/usr/bin/env python3
"""Score Lectern on the trafilatura evaluation set by trafilatura's own rule.

The set (../shared/corpus/trafilatura-eval, or the folder in LECTERN_TRAFILATURA; see its
ORIGIN.md) annotates 990 pages with snippets that must be in the main text (`with`) and snippets
that must not (`without`). Output and snippets are whitespace-normalised; a `with` snippet found
is a true positive, missing a false negative; a `without` snippet found is a false positive,
absent a true negative. Precision, recall and F1 are pooled over all snippets of all pages. A page
without an article counts all its `with` snippets as missed and its `without` snippets as absent.

The article text is the article's plain text (the `text` of the CLI's JSON, as `--format text`
gives it: the blocks of prose, pictures and their captions left out) without its title line, as
the figures in ORIGIN.md were measured. Uses target/release/lectern (build it first).

    bench/trafilatura_eval.py                 # P/R/F1 and the pages with a false positive
    bench/trafilatura_eval.py --show fp       # each page's false-positive snippets
    bench/trafilatura_eval.py --show fn       # each page's missed snippets
    bench/trafilatura_eval.py --page NAME     # only pages whose file name contains NAME
    bench/trafilatura_eval.py --save OUT.json # per-page results, to compare two runs with --diff
    bench/trafilatura_eval.py --diff A.json B.json  # snippets whose outcome changed
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "target", "release", "lectern")


def corpus_dir():
    if os.environ.get("LECTERN_TRAFILATURA"):
        return os.environ["LECTERN_TRAFILATURA"]
    corpus = os.environ.get("LECTERN_CORPUS", os.path.join(ROOT, "..", "shared", "corpus", "readability-test-pages"))
    return os.path.join(os.path.dirname(os.path.abspath(corpus)), "trafilatura-eval")


def normalise(text):
    return " ".join(text.split())


def page_path(base, file):
    cached = os.path.join(base, "cache", file)
    return cached if os.path.exists(cached) else os.path.join(base, "eval", file)


def extract(path, url):
    """The article's body text, or None when the CLI finds no article."""
    run = subprocess.run([CLI, "extract", path, "--url", url, "--format", "json"], capture_output=True)
    if run.returncode != 0:
        return None
    article = json.loads(run.stdout)
    text, title = article["text"], article["title"]
    return text[len(title):] if title and text.startswith(title) else text


def score_page(base, url, entry):
    text = extract(page_path(base, entry["file"]), url)
    found = normalise(text) if text is not None else ""
    result = {"file": entry["file"], "url": url, "no_article": text is None, "tp": [], "fn": [], "fp": [], "tn": []}
    for snippet in entry["with"]:
        result["tp" if text is not None and normalise(snippet) in found else "fn"].append(snippet)
    for snippet in entry["without"]:
        result["fp" if text is not None and normalise(snippet) in found else "tn"].append(snippet)
    return result


def totals(results):
    tp, fn, fp, tn = (sum(len(r[k]) for r in results) for k in ("tp", "fn", "fp", "tn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return tp, fn, fp, tn, precision, recall, f1


def report(results, show):
    tp, fn, fp, tn, precision, recall, f1 = totals(results)
    for r in sorted(results, key=lambda r: r["file"]):
        wanted = [(k, s) for k in show for s in r[k]]
        if wanted:
            print(f"== {r['file']}  {r['url']}" + ("  (no article)" if r["no_article"] else ""))
            for kind, snippet in wanted:
                print(f"   {kind.upper()}: {normalise(snippet)[:160]}")
    print(f"pages {len(results)}  no article {sum(r['no_article'] for r in results)}  "
          f"pages with a FP {sum(1 for r in results if r['fp'])}  pages with a FN {sum(1 for r in results if r['fn'])}")
    print(f"TP {tp}  FN {fn}  FP {fp}  TN {tn}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


def diff(before_file, after_file):
    with open(before_file) as f:
        before = {r["file"]: r for r in json.load(f)}
    with open(after_file) as f:
        after = {r["file"]: r for r in json.load(f)}
    for file in sorted(before):
        a, b = before[file], after.get(file)
        if b is None:
            continue
        lines = []
        for kind, other in (("tp", "fn"), ("tn", "fp")):
            for s in a[kind]:
                if s in b[other]:
                    lines.append(f"   {kind.upper()} -> {other.upper()}: {normalise(s)[:140]}")
            for s in a[other]:
                if s in b[kind]:
                    lines.append(f"   {other.upper()} -> {kind.upper()}: {normalise(s)[:140]}")
        if lines:
            print(f"== {file}  {a['url']}")
            print("\n".join(lines))
    for name, results in (("before", list(before.values())), ("after", list(after.values()))):
        tp, fn, fp, tn, p, r, f1 = totals(results)
        print(f"{name}: P {p:.3f} R {r:.3f} F1 {f1:.3f}  pages with a FP {sum(1 for x in results if x['fp'])}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", default="", help="comma-separated outcomes to list per page: fp, fn, tp, tn")
    parser.add_argument("--page", help="only pages whose file name contains this")
    parser.add_argument("--save", help="write per-page results as JSON here")
    parser.add_argument("--diff", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two --save files")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if args.diff:
        diff(*args.diff)
        return
    base = corpus_dir()
    with open(os.path.join(base, "evaldata.json")) as f:
        data = json.load(f)
    items = [(url, e) for url, e in data.items() if not args.page or args.page in e["file"]]
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda item: score_page(base, *item), items))
    if args.save:
        with open(args.save, "w") as f:
            json.dump(results, f, ensure_ascii=False, indent=0)
    report(results, [k for k in args.show.split(",") if k])


if __name__ == "__main__":
    sys.exit(main())
