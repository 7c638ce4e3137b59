#!/usr/bin/env bash
# Benchmark W1 (see docs/ARCHITECTURE.md): keylint scan with the whole built-in pack (with and
# without the structural credential detectors, --regex-only) against
# ripgrep running 14 common secret regexes, and gitleaks in directory mode, on ~157 MB of real
# JavaScript, TypeScript declarations and JSON from pinned npm packages, with planted secrets for
# a recall check. Prints ratios (keylint / peer); absolute times on shared machines mean little.
#
# Everything it installs goes to a scratch folder (default /tmp/keylint-bench), never into the
# project. usage: bench/scan-w1.sh [SCRATCH_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-/tmp/keylint-bench}
keylint=$here/build/src/keylint
threads=$(nproc)
mkdir -p "$scratch"

command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
command -v rg >/dev/null || { echo "bench: ripgrep is missing (apt-get install ripgrep)" >&2; exit 2; }
[[ -x $keylint ]] || { echo "bench: build keylint first (scripts/build)" >&2; exit 2; }

corpus=$scratch/w1
if [[ ! -d $corpus/packages ]]; then
  rm -rf "$corpus" && mkdir -p "$corpus"
  (cd "$corpus" && npm init -y >/dev/null &&
   npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
     aws-sdk@2.1692.0 typescript@5.6.3 lodash@4.17.21 moment@2.30.1 @babel/core@7.26.0 >/dev/null &&
   mv node_modules packages)
  # Planted secrets: one per line, in files spread over the tree.
  planted=$corpus/packages/zz-planted
  mkdir -p "$planted"
  cat > "$planted/config.js" <<'JS'
module.exports = {
  awsKeyId: "AKIAZ4T7XQ2LWN3RBVKE",
  githubToken: "ghp_R8fK2mQ9vX4tL7wN1pZ6yB3cD5hJ0sA8eU2i",
  slackBot: "xoxb-2846153970-4811229384716-Qm8Rk2Lp9Xw4Vt7Nc3Bz6Hy1",
  stripe: "sk_live_51Hq8LmN2pR4tV6xZ8bD0fH2jL4nP6rT8vX0zB2dF4hJ6lN8",
};
JS
fi
du -sh "$corpus/packages" | sed 's/^/corpus: /'
echo "files: $(find "$corpus/packages" -type f | wc -l), threads: $threads"

gitleaks=$scratch/go/bin/gitleaks
if [[ ! -x $gitleaks ]] && command -v go >/dev/null; then
  GOPATH=$scratch/go GOFLAGS=-mod=mod go install github.com/zricethezav/gitleaks/v8@v8.21.2 >/dev/null 2>&1 ||
    echo "bench: gitleaks could not be installed; comparing with ripgrep only" >&2
fi

# 14 common secret regexes for ripgrep (the comparable set named in the scan-engine issue).
rg_patterns=(
  '(?:AKIA|ASIA)[A-Z2-7]{16}'
  'gh[pousr]_[A-Za-z0-9]{36}'
  'github_pat_[A-Za-z0-9_]{82}'
  'glpat-[A-Za-z0-9_-]{20}'
  'xox[baprs]-[A-Za-z0-9-]{10,}'
  'hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+'
  '[rs]k_live_[A-Za-z0-9]{24,}'
  'npm_[A-Za-z0-9]{36}'
  'AIza[0-9A-Za-z_-]{35}'
  'ya29\.[0-9A-Za-z_-]+'
  '-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY'
  'eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}'
  '(?i)(?:password|secret|token|api_?key)\s*[:=]\s*["'"'"'][^"'"'"']{8,}["'"'"']'
  'sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}'
)
rg_args=()
for pattern in "${rg_patterns[@]}"; do rg_args+=(-e "$pattern"); done
printf '%s\n' "${rg_args[@]}" > "$scratch/rg-args"

echo "== recall: planted secrets found by keylint"
"$keylint" scan "$corpus/packages/zz-planted" --format json --exit-zero |
  python3 -c 'import json,sys; r=json.load(sys.stdin); print(sorted({f["rule_id"] for f in r["findings"]}))'

commands=(
  -n keylint "$keylint scan $corpus/packages --threads $threads --format json --exit-zero --no-ignore -o /dev/null"
  -n keylint-regex-only "$keylint scan $corpus/packages --threads $threads --regex-only --format json --exit-zero --no-ignore -o /dev/null"
  -n ripgrep "rg --no-ignore --hidden -j $threads -c $(printf "%q " "${rg_args[@]}") $corpus/packages > /dev/null || true"
)
# The fast commands get 10 runs (5 left ratios 10-15% apart from run to run on a shared
# machine); gitleaks, 50 times slower, gets 3 in a second invocation.
hyperfine --warmup 1 --runs 10 --export-json "$scratch/w1.json" "${commands[@]}"
echo '{"results": []}' > "$scratch/w1-gitleaks.json"
if [[ -x $gitleaks ]]; then
  hyperfine --warmup 1 --runs 3 --export-json "$scratch/w1-gitleaks.json" \
    -n gitleaks "$gitleaks dir $corpus/packages --no-banner --exit-code 0 --report-path $scratch/gitleaks-report.json -l error || true"
fi
python3 - "$scratch/w1.json" "$scratch/w1-gitleaks.json" <<'PY'
import json, sys
results = {r["command"]: r for path in sys.argv[1:] for r in json.load(open(path))["results"]}
keylint = results["keylint"]["mean"]
for name, result in results.items():
    if name != "keylint":
        ratio = keylint / result["mean"]
        print(f"ratio keylint/{name}: {ratio:.3f} (≤ 1.0 means keylint is faster; {1 / ratio:.1f}x)")
regex_only = results["keylint-regex-only"]["mean"]
for name in ("ripgrep", "gitleaks"):
    if name in results:
        print(f"ratio keylint-regex-only/{name}: {regex_only / results[name]['mean']:.3f}")
print(f"cost of the structural detectors: keylint/keylint-regex-only = {keylint / regex_only:.3f}")
PY
echo "== peak memory (max RSS) of keylint on W1"
/usr/bin/time -f "%M KiB" "$keylint" scan "$corpus/packages" --format json --exit-zero --no-ignore -o /dev/null

echo "== pre-commit case: one small file, whole pack, process start to exit"
hyperfine --warmup 3 --runs 30 -N "$keylint scan $here/fixtures/demo/app/settings.py --exit-zero --quiet" | grep -E "Time|Range"

# Wall-clock ratios on a shared machine move by 10-20% from run to run; instruction counts do not.
# With KEYLINT_BENCH_CALLGRIND=1, both keylint modes run once under callgrind (single-threaded,
# several minutes) and the ratio of instructions executed is printed: the repeatable measure of
# what the structural credential detectors cost.
if [[ ${KEYLINT_BENCH_CALLGRIND:-0} == 1 ]] && command -v valgrind >/dev/null; then
  echo "== instructions (callgrind), keylint vs keylint --regex-only, one thread"
  count_instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$keylint" scan "$corpus/packages" -j 1 --quiet \
      --no-ignore --format json --exit-zero -o /dev/null "$@" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  full=$(count_instructions)
  regex_only=$(count_instructions --regex-only)
  python3 -c "print(f'instructions: keylint {$full:,}, --regex-only {$regex_only:,}, ratio {$full / $regex_only:.3f}')"
fi
