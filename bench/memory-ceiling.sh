#!/usr/bin/env bash
# Resource ceilings: peak memory (RSS) and wall time of `keylint scan` on a generated 1 GB tree
# and on one 200 MB single-line file, measured with GNU time. The tree is about 20,000 files of
# real source text (keylint's own sources and docs and the JavaScript, C and JSON of the pinned
# npm packages in deps/node_modules, cut and mixed), 2 to 200 KB each, in nested directories,
# with an AWS key planted in every 50th file and a password in every 100th, plus four files of
# 20 MB (under the default --max-file-size of 25 MiB, so they are scanned). The single-line file
# is minified JavaScript with a key at each end, scanned with --max-file-size 300M.
#
# Needs about 1.3 GB free in SCRATCH_DIR; everything generated there is removed at the end.
# usage: bench/memory-ceiling.sh [SCRATCH_DIR]     default /tmp/keylint-memory-ceiling
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-/tmp/keylint-memory-ceiling}
keylint=$here/build/src/keylint
[[ -x $keylint ]] || { echo "bench: build keylint first (scripts/build)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: GNU time is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$scratch"
free_kib=$(df -Pk "$scratch" | awk 'NR == 2 {print $4}')
if ((free_kib < 1400 * 1024)); then
  echo "bench: $scratch has $((free_kib / 1024)) MiB free; 1400 MiB needed" >&2
  exit 2
fi
tree=$scratch/tree
line=$scratch/line
trap 'rm -rf "$tree" "$line" "$scratch/report.json" "$scratch/time.txt"' EXIT
rm -rf "$tree" "$line"

python3 - "$here" "$tree" "$line" <<'PYTHON'
import os
import pathlib
import random
import sys

here, tree, line = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
random.seed(9)
# Source text without planted secrets: not fixtures/, tests/ or rules/ (their examples are secrets).
suffixes = {".cpp", ".hpp", ".h", ".c", ".cc", ".js", ".ts", ".json", ".md", ".py", ".txt"}
material = []
for root in (here / "src", here / "docs", here / "deps" / "node_modules"):
    for path in root.rglob("*"):
        if path.suffix in suffixes and path.is_file() and 1024 <= path.stat().st_size <= 512 * 1024 \
                and path.name != "package-lock.json":
            material.append(path.read_bytes())
if not material:
    sys.exit("bench: no source text found (run scripts/setup)")
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def aws_key():
    return "AKIA" + "".join(random.choice(alphabet) for _ in range(16))


def text_of(size):
    parts, total = [], 0
    while total < size:
        chunk = random.choice(material)
        start = random.randrange(len(chunk))
        piece = chunk[start:start + size - total]
        parts.append(piece)
        total += len(piece)
    return b"".join(parts)


extensions = [".js", ".ts", ".json", ".py", ".cpp", ".md", ".go", ".yaml"]
target = 1000 * 1000 * 1000
written = files = planted = 0
for number in range(4):
    path = tree / "large" / f"bundle-{number}.js"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text_of(20 * 1000 * 1000)
    path.write_bytes(data)
    written += len(data)
    files += 1
while written < target:
    size = min(int(random.lognormvariate(10.4, 0.9)) + 2048, 200 * 1024, target - written)
    data = text_of(size)
    if files % 50 == 0:
        data += f'\nconst awsAccessKeyId = "{aws_key()}";\n'.encode()
        planted += 1
    if files % 100 == 0:
        data += f'\nDB_PASSWORD = "Pl4nted-{random.randrange(10**6):06d}-pw"\n'.encode()
    path = tree / f"d{files // 2000:02d}" / f"m{files // 100 % 20:02d}" / f"file{files:06d}{random.choice(extensions)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    written += len(data)
    files += 1
print(f"generated {files} files, {written / 1e6:.0f} MB, {planted} planted AWS keys")

filler = b"x=1;y=2;z=3;w=4;" * 4096
line.mkdir(parents=True)
with open(line / "huge.js", "wb") as out:
    out.write(f'var id="{aws_key()}";'.encode())
    for _ in range(200 * 1024 * 1024 // len(filler) - 1):
        out.write(filler)
    out.write(f'var id2="{aws_key()}";'.encode())
PYTHON

measure() {
  local label=$1
  shift
  local code=0
  /usr/bin/time -v "$keylint" scan "$@" --format json --output "$scratch/report.json" 2>"$scratch/time.txt" || code=$?
  if ((code > 1)); then
    echo "bench: keylint failed on the $label (exit $code)" >&2
    cat "$scratch/time.txt" >&2
    exit 1
  fi
  local rss wall findings
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$scratch/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$scratch/time.txt")
  findings=$(python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(len(r["findings"]), r["summary"]["files_scanned"], r["summary"]["bytes_scanned"])' "$scratch/report.json")
  read -r count scanned bytes <<<"$findings"
  echo "$label: peak RSS $rss MiB, wall $wall (m:ss), $scanned files, $((bytes / 1000000)) MB scanned, $count findings"
}

echo "keylint $("$keylint" --version | head -n 1), $(nproc) cores"
measure "1 GB tree" "$tree"
measure "200 MB single line" "$line" --max-file-size 300M
