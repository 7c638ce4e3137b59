#!/usr/bin/env python3
"""Precision and recall of `keylint scan` on the labelled corpus fixtures/credentials, whose
expected.tsv lists every true secret by (path, line) and decoys.tsv the lines that imitate one.
A finding counts once per (path, line); a finding on an unlisted line is a false positive (a hit
on a listed decoy is named as such). Prints TAP; fails below 95% recall or 95% precision on the
whole corpus, and below 95% for any file kind with at least MIN_KIND_LABELS labelled secrets
(smaller kinds are printed, not gated: one miss in four is not a trend). Also prints the
ablation: the same numbers with --regex-only (the rule pack alone, without the structural
detectors), and the figures per file kind.

usage: corpus_quality.py KEYLINT SOURCE_ROOT
"""
import collections
import json
import pathlib
import subprocess
import sys

KEYLINT, SOURCE_ROOT = sys.argv[1], pathlib.Path(sys.argv[2])
CORPUS = SOURCE_ROOT / "fixtures" / "credentials"
MIN_RECALL, MIN_PRECISION = 0.95, 0.95
MIN_KIND_LABELS = 10
LABEL_FILES = {"expected.tsv", "decoys.tsv"}


def labelled_lines(name):
    path = CORPUS / name
    if not path.exists():
        return {}
    expected = {}
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("path\t"):
            continue
        path, number, kind, note = line.split("\t", 3)
        expected[(path, int(number))] = (kind, note)
    return expected


def expected_secrets():
    return labelled_lines("expected.tsv")


def reported(extra):
    result = subprocess.run([KEYLINT, "scan", str(CORPUS), "--no-ignore", "--format", "json", "--exit-zero", *extra],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"keylint failed ({result.returncode}): {result.stderr}")
    found = {}
    for finding in json.loads(result.stdout)["findings"]:
        found.setdefault((finding["path"], finding["start_line"]), finding)
    return found


def format_of(path):
    name = path.rsplit("/", 1)[-1]
    if name.startswith(".") or "." not in name:
        return name
    return name.rsplit(".", 1)[-1]


def score(expected, found):
    true_positives = expected.keys() & found.keys()
    recall = len(true_positives) / len(expected)
    precision = len(true_positives) / len(found) if found else 1.0
    return true_positives, recall, precision


def main():
    expected = expected_secrets()
    full = reported([])
    regex_only = reported(["--regex-only"])
    hits, recall, precision = score(expected, full)
    regex_hits, regex_recall, regex_precision = score(expected, regex_only)
    files = sum(1 for p in CORPUS.rglob("*") if p.is_file() and p.name not in LABEL_FILES)
    decoys = labelled_lines("decoys.tsv")
    print("TAP version 13")
    print("1..4")
    print(f"# corpus: {files} files, {len(expected)} labelled secrets, {len(decoys)} labelled decoys")
    print(f"# full pipeline:  recall {recall:.3f} ({len(hits)}/{len(expected)}), precision {precision:.3f} "
          f"({len(hits)}/{len(full)})")
    print(f"# regex rules only (--regex-only): recall {regex_recall:.3f} ({len(regex_hits)}/{len(expected)}), "
          f"precision {regex_precision:.3f} ({len(regex_hits)}/{len(regex_only)})")
    per_kind = collections.defaultdict(lambda: [0, 0, 0, 0])  # labelled, found, by regex, reported
    for key in expected:
        per_kind[format_of(key[0])][0] += 1
        per_kind[format_of(key[0])][1] += key in full
        per_kind[format_of(key[0])][2] += key in regex_only
    for key in full:
        per_kind[format_of(key[0])][3] += 1
    print("# per file kind: labelled, found, found by regex rules alone, reported, recall, precision")
    weak_kinds = []
    for name, (labelled, found, by_regex, reported_here) in sorted(per_kind.items()):
        kind_recall = found / labelled if labelled else 1.0
        kind_precision = found / reported_here if reported_here else 1.0
        print(f"#   {name:<22} {labelled:>4} {found:>4} {by_regex:>4} {reported_here:>4}  {kind_recall:.2f}  {kind_precision:.2f}")
        if labelled >= MIN_KIND_LABELS and (kind_recall < MIN_RECALL or kind_precision < MIN_PRECISION):
            weak_kinds.append(name)
    for key in sorted(expected.keys() - full.keys()):
        print(f"# missed: {key[0]}:{key[1]} ({expected[key][0]}: {expected[key][1]})")
    for key in sorted(full.keys() - expected.keys()):
        finding = full[key]
        decoy = f" (decoy: {decoys[key][1]})" if key in decoys else ""
        print(f"# false positive: {key[0]}:{key[1]} {finding['rule_id']} {finding.get('properties', {}).get('key', '')}{decoy}")
    print(f"{'ok' if recall >= MIN_RECALL else 'not ok'} 1 - recall {recall:.3f} >= {MIN_RECALL}")
    print(f"{'ok' if precision >= MIN_PRECISION else 'not ok'} 2 - precision {precision:.3f} >= {MIN_PRECISION}")
    adds = recall > regex_recall
    print(f"{'ok' if adds else 'not ok'} 3 - structural detectors add recall over the regex rules alone "
          f"({regex_recall:.3f} -> {recall:.3f})")
    print(f"{'not ok' if weak_kinds else 'ok'} 4 - every file kind with at least {MIN_KIND_LABELS} labelled secrets "
          f"reaches {MIN_RECALL} recall and {MIN_PRECISION} precision"
          + (f" (below: {', '.join(weak_kinds)})" if weak_kinds else ""))

if __name__ == "__main__":
    main()
