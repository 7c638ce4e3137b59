#!/usr/bin/env bash
# Benchmark of the git scan modes on a history corpus anyone can rebuild: a repository with one
# commit per published version of moment (the last 50 releases before 2.31, fetched with
# `npm pack`, committed with fixed authors and dates, so the commit ids are the same everywhere),
# with a secret planted in one version and removed in the next for a recall check.
#
#   1. history: `keylint scan --git-history` against `gitleaks git` (v8.21.2, installed with
#      `go install` into the scratch folder, as bench/scan-w1.sh does) in one hyperfine run, on
#      every core; prints MiB of blob data per second and the ratio.
#   2. pre-commit path: `keylint scan --staged` on a typical staged commit (three files edited,
#      one added), whole rule pack, process start to exit.
#
# Everything goes to a scratch folder (default /tmp/keylint-bench-git), never into the project.
# usage: bench/git-history.sh [SCRATCH_DIR] [precommit]   (precommit: only the second measurement)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-/tmp/keylint-bench-git}
only=${2:-}
keylint=$here/build/src/keylint
threads=$(nproc)
mkdir -p "$scratch"
: > "$scratch/empty.gitconfig"

command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
[[ -x $keylint ]] || { echo "bench: build keylint first (scripts/build)" >&2; exit 2; }

versions=(
  2.8.3 2.8.4 2.9.0 2.10.2 2.10.3 2.10.5 2.10.6 2.11.0 2.11.1 2.11.2 2.12.0 2.13.0 2.14.0 2.14.1
  2.15.0 2.15.1 2.15.2 2.16.0 2.17.0 2.17.1 2.18.0 2.18.1 2.19.0 2.19.1 2.19.2 2.19.3 2.19.4 2.20.0
  2.20.1 2.21.0 2.22.0 2.22.1 2.22.2 2.23.0 2.24.0 2.25.0 2.25.1 2.25.2 2.25.3 2.26.0 2.27.0 2.28.0
  2.29.0 2.29.1 2.29.2 2.29.3 2.29.4 2.30.0 2.30.1 2.31.0
)
planted_in=2.20.0   # the version whose commit adds config/secrets.js; the next one removes it

git_fixed() {
  GIT_CONFIG_GLOBAL=$scratch/empty.gitconfig GIT_CONFIG_NOSYSTEM=1 \
  GIT_AUTHOR_NAME="Bench Author" GIT_AUTHOR_EMAIL=bench@example.com \
  GIT_COMMITTER_NAME="Bench Author" GIT_COMMITTER_EMAIL=bench@example.com "$@"
}

repo=$scratch/moment-history
if [[ ! -f $scratch/.corpus-done ]]; then
  rm -rf "$repo" "$scratch/tarballs" && mkdir -p "$repo" "$scratch/tarballs"
  echo "bench: fetching ${#versions[@]} versions of moment with npm pack" >&2
  (cd "$scratch/tarballs" && npm pack --silent "${versions[@]/#/moment@}" >/dev/null)
  git_fixed git -C "$repo" init -q -b main
  day=0
  for version in "${versions[@]}"; do
    find "$repo" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
    tar -xzf "$scratch/tarballs/moment-$version.tgz" -C "$repo" --strip-components=1 --warning=no-unknown-keyword
    if [[ $version == "$planted_in" ]]; then
      mkdir -p "$repo/config"
      printf 'module.exports = {\n  awsKeyId: "AKIAZ4T7XQ2LWN3RBVKE",\n  githubToken: "ghp_R8fK2mQ9vX4tL7wN1pZ6yB3cD5hJ0sA8eU2i",\n};\n' \
        > "$repo/config/secrets.js"
    fi
    date=$(date -u -d "2020-01-01 + $day days" +%Y-%m-%dT00:00:00+00:00)
    day=$((day + 1))
    git_fixed git -C "$repo" add -A
    GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date git_fixed git -C "$repo" commit -q -m "moment $version"
  done
  git_fixed git -C "$repo" gc -q  # packed, as a cloned repository is
  touch "$scratch/.corpus-done"
fi
echo "corpus: $repo, $(git -C "$repo" rev-list --count HEAD) commits, head $(git -C "$repo" rev-parse --short=12 HEAD)"
echo "objects: $(git -C "$repo" count-objects -vH | tr '\n' ' ')"
echo "threads: $threads"

gitleaks=/tmp/keylint-bench/go/bin/gitleaks
[[ -x $gitleaks ]] || gitleaks=$scratch/go/bin/gitleaks
if [[ ! -x $gitleaks ]] && command -v go >/dev/null; then
  GOPATH=$scratch/go GOFLAGS=-mod=mod go install github.com/zricethezav/gitleaks/v8@v8.21.2 >/dev/null 2>&1 ||
    echo "bench: gitleaks could not be installed; timing keylint alone" >&2
fi

if [[ $only != precommit ]]; then
echo "== recall: planted secrets found in history"
(cd "$repo" && "$keylint" scan --git-history --format json --exit-zero -o "$scratch/keylint-history.json" --quiet)
python3 - "$scratch/keylint-history.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for f in report["findings"]:
    print(f"  keylint: {f['rule_id']} {f['path']}:{f['start_line']} commit {f['properties']['commit'][:12]}")
s = report["summary"]
print(f"  blobs scanned: {s['files_scanned']}, {s['bytes_scanned'] / 2**20:.1f} MiB, skipped {s['files_skipped']}")
open(sys.argv[1] + ".bytes", "w").write(str(s["bytes_scanned"]))
PY
if [[ -x $gitleaks ]]; then
  (cd "$repo" && "$gitleaks" git . --no-banner -f json -r "$scratch/gitleaks-history.json" --exit-code 0 -l error) || true
  python3 - "$scratch/gitleaks-history.json" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1])):
    print(f"  gitleaks: {f['RuleID']} {f['File']}:{f['StartLine']} commit {f['Commit'][:12]}")
PY
fi

echo "== history: keylint --git-history vs gitleaks git"
commands=(-n keylint "cd $repo && $keylint scan --git-history --threads $threads --format json --exit-zero -o /dev/null --quiet")
if [[ -x $gitleaks ]]; then
  commands+=(-n gitleaks "cd $repo && $gitleaks git . --no-banner --report-path $scratch/gitleaks-report.json --exit-code 0 -l error")
fi
hyperfine --warmup 1 --runs 5 --export-json "$scratch/history.json" "${commands[@]}"
python3 - "$scratch/history.json" "$(cat "$scratch/keylint-history.json.bytes")" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
mib = int(sys.argv[2]) / 2**20
for name, result in results.items():
    print(f"{name}: {result['mean']:.3f} s, {mib / result['mean']:.1f} MiB of blob data per second ({mib:.1f} MiB)")
if "gitleaks" in results:
    ratio = results["keylint"]["mean"] / results["gitleaks"]["mean"]
    print(f"ratio keylint/gitleaks: {ratio:.3f} (keylint {1 / ratio:.1f}x faster)")
PY

fi

echo "== pre-commit path: keylint scan --staged on a typical commit (3 files edited, 1 added)"
work=$scratch/precommit
rm -rf "$work"
git clone -q "$repo" "$work"
(
  cd "$work"
  printf '\n// tweak\nexport var tweaked = true;\n' >> src/lib/moment/moment.js
  printf '\n// tweak\nvar unused = 1;\n' >> src/lib/create/from-anything.js
  sed -i '1s/^/<!-- edited -->\n/' README.md
  printf 'export function helper(x) {\n  return x + 1;\n}\n' > src/lib/utils/helper.js
  git add -A
  git diff --cached --stat | tail -1
)
(cd "$work" && hyperfine --warmup 10 --runs 50 -N --export-json "$scratch/precommit.json" -n "keylint --staged" \
   "$keylint scan --staged --exit-zero --quiet")
python3 - "$scratch/precommit.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"pre-commit path: mean {r['mean'] * 1000:.1f} ms, median {r['median'] * 1000:.1f} ms, "
      f"max {r['max'] * 1000:.1f} ms (goal: under 50 ms)")
PY
