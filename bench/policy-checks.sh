#!/usr/bin/env bash
# What `--checks` saves: `keylint policy` on the generated policy corpus (bench/policy-corpus.py,
# 2,000 files by default) with every check, then with one per-policy check (iam-full-admin), one
# stack check (secret-no-rotation) and the escalation family (escalation-*), as CPU-time ratios
# to the full audit in one run. With a second keylint binary (an earlier build), its full audit
# is timed in the same run too, so a change can be compared with what it replaces.
#
# The corpus goes to a scratch folder (default /tmp/keylint-bench), never into the project.
# usage: bench/policy-checks.sh [SCRATCH_DIR [EARLIER_KEYLINT]]
# environment: KEYLINT_BENCH_POLICY_FILES (corpus size, default 2000)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-/tmp/keylint-bench}
earlier=${2:-}
keylint=$here/build/src/keylint
files=${KEYLINT_BENCH_POLICY_FILES:-2000}
mkdir -p "$scratch"

command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
[[ -x $keylint ]] || { echo "bench: build keylint first (scripts/build)" >&2; exit 2; }
[[ -z $earlier || -x $earlier ]] || { echo "bench: $earlier is not an executable" >&2; exit 2; }

corpus=$scratch/policy-corpus
stamp="$files $(sha256sum "$here/bench/policy-corpus.py" | cut -c1-16)"
if [[ ! -f $scratch/policy-corpus.stamp || $(cat "$scratch/policy-corpus.stamp") != "$stamp" ]]; then
  python3 "$here/bench/policy-corpus.py" "$corpus" --files "$files"
  echo "$stamp" > "$scratch/policy-corpus.stamp"
fi

audit="policy --format json --exit-zero --output /dev/null $corpus"
commands=(-n all "$keylint $audit"
          -n iam-full-admin "$keylint $audit --checks iam-full-admin"
          -n secret-no-rotation "$keylint $audit --checks secret-no-rotation"
          -n escalation "$keylint $audit --checks escalation-*")
[[ -n $earlier ]] && commands+=(-n earlier-all "$earlier $audit")
hyperfine --warmup 1 --runs 10 --export-json "$scratch/policy-checks.json" "${commands[@]}" >/dev/null

python3 - "$scratch/policy-checks.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cpu = lambda r: r["user"] + r["system"]
full = cpu(results["all"])
for name, result in results.items():
    print(f"{name:20} {result['mean']:.3f} s wall (±{result['stddev']:.3f}), {cpu(result):.3f} s CPU, "
          f"CPU / all checks: {cpu(result) / full:.3f}")
PY
