#!/usr/bin/env python3
"""Shows Checkov's failed checks next to keylint's policy findings, file by file, so a person can
see where the two tools disagree.

For each file: Checkov's failures (check id, line range, resource, check name), each followed by
the keylint findings on lines inside that range, or "no keylint finding in range"; then keylint's
findings (rule, line, message), each followed by the Checkov failures whose range holds its line,
or "no Checkov failure covers this line". Files with findings from only one tool are listed too.

Checkov is the one bench/policy-checkov.sh installs in the scratch folder; the default check
selection is the one that script times (read from its `checkov_checks` list).
usage: bench/checkov-compare.py PATH [--check IDS] [--scratch DIR] [--keylint BINARY]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def benchmark_checks():
    text = open(os.path.join(HERE, "policy-checkov.sh")).read()
    block = re.search(r"^checkov_checks=\((.*?)^\)", text, re.S | re.M).group(1)
    return [word for line in block.splitlines() for word in line.split("#")[0].split()]


def run_checkov(checkov, path, checks):
    env = dict(os.environ, BC_SKIP_MAPPING="TRUE", CKV_SKIP_PACKAGE_UPDATE_CHECK="true")
    env.pop("BC_API_KEY", None)
    command = [checkov, "-d", path, "--framework", "terraform", "cloudformation", "--check", ",".join(checks),
               "--quiet", "--compact", "-o", "json", "--skip-download", "--download-external-modules", "false",
               "--soft-fail"]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0 or not result.stdout.strip():
        sys.exit(f"checkov failed ({result.returncode}): {result.stderr[-2000:]}")
    runs = json.loads(result.stdout)
    runs = runs if isinstance(runs, list) else [runs]
    failures = collections.defaultdict(list)
    for run in runs:
        for check in run.get("results", {}).get("failed_checks", []):
            file = check["file_path"].lstrip("/")
            first, last = check["file_line_range"]
            failures[file].append((check["check_id"], first, last, check["resource"], check.get("check_name", "")))
        for error in run.get("results", {}).get("parsing_errors", []) or []:
            print(f"checkov parsing error: {error}")
    return failures


def run_keylint(keylint, path):
    result = subprocess.run([keylint, "policy", "--format", "json", "--exit-zero", path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"keylint failed ({result.returncode}): {result.stderr}")
    report = json.loads(result.stdout)
    findings = collections.defaultdict(list)
    for finding in report["findings"]:
        findings[finding["path"]].append((finding["rule_id"], finding["start_line"], finding["level"], finding["message"]))
    for diagnostic in report.get("diagnostics", []):
        print(f"keylint diagnostic: {diagnostic}")
    return findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="folder (or file) to check with both tools")
    parser.add_argument("--check", help="comma-separated Checkov check ids (default: the benchmark's selection)")
    parser.add_argument("--scratch", default="/tmp/keylint-bench", help="where bench/policy-checkov.sh installed Checkov")
    parser.add_argument("--keylint", default=os.path.join(HERE, "..", "build", "src", "keylint"))
    args = parser.parse_args()

    checkov = os.path.join(args.scratch, "checkov-venv", "bin", "checkov")
    if not os.access(checkov, os.X_OK):
        sys.exit(f"no Checkov at {checkov}: run bench/policy-checkov.sh {args.scratch} first, it installs it")
    checks = args.check.split(",") if args.check else benchmark_checks()
    path = os.path.abspath(args.path)
    failures = run_checkov(checkov, path, checks)
    findings = run_keylint(args.keylint, path)

    print(f"Checkov checks: {','.join(checks)}")
    only_checkov = only_keylint = 0
    for file in sorted(set(failures) | set(findings)):
        print(f"\n== {file}")
        for check_id, first, last, resource, name in sorted(failures.get(file, []), key=lambda f: (f[1], f[0])):
            inside = [f"{rule}@{line}" for rule, line, _, _ in findings.get(file, []) if first <= line <= last]
            only_checkov += not inside
            print(f"  checkov {check_id:12} lines {first}-{last:<5} {resource}: {name}")
            print(f"          -> keylint: {', '.join(inside) if inside else 'no keylint finding in range'}")
        for rule, line, level, message in sorted(findings.get(file, []), key=lambda f: (f[1], f[0])):
            covering = [check_id for check_id, first, last, _, _ in failures.get(file, []) if first <= line <= last]
            only_keylint += not covering
            print(f"  keylint {rule:20} line {line:<5} {level}: {message}")
            print(f"          -> checkov: {', '.join(sorted(set(covering))) if covering else 'no Checkov failure covers this line'}")
    print(f"\nCheckov failures with no keylint finding in range: {only_checkov};"
          f" keylint findings no Checkov failure covers: {only_keylint}")


if __name__ == "__main__":
    main()
