#!/usr/bin/env bash
# Compatibility check: keylint with gitleaks' own default rule file must report exactly the
# findings (rule, file, line) that gitleaks reports on the W1 corpus. Uses the scratch folder of
# bench/scan-w1.sh (run that first); installs nothing into the project.
# usage: bench/gitleaks-parity.sh [SCRATCH_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-/tmp/keylint-bench}
gitleaks=$scratch/go/bin/gitleaks
config=$(find "$scratch/go/pkg/mod/github.com/zricethezav" -path '*/config/gitleaks.toml' 2>/dev/null | head -1)
[[ -x $gitleaks && -n $config && -d $scratch/w1/packages ]] || {
  echo "gitleaks-parity: run bench/scan-w1.sh first (it installs gitleaks and builds the corpus)" >&2; exit 2; }

cd "$scratch/w1"
"$gitleaks" dir packages --no-banner -f json -r "$scratch/gitleaks-w1.json" --exit-code 0 2>/dev/null
"$here/build/src/keylint" scan packages --config "$config" --regex-only --format json --exit-zero --quiet -o "$scratch/keylint-w1.json"
python3 - "$scratch/gitleaks-w1.json" "$scratch/keylint-w1.json" <<'PY'
import json, sys
theirs = {(f["RuleID"], f["File"].removeprefix("packages/"), f["StartLine"]) for f in json.load(open(sys.argv[1]))}
ours = {(f["rule_id"], f["path"], f["start_line"]) for f in json.load(open(sys.argv[2]))["findings"]}
print(f"gitleaks {len(theirs)}, keylint {len(ours)}, both {len(theirs & ours)}, "
      f"only gitleaks {len(theirs - ours)}, only keylint {len(ours - theirs)}")
for item in sorted(theirs ^ ours)[:20]:
    print("  differs:", item)
sys.exit(0 if theirs == ours else 1)
PY
