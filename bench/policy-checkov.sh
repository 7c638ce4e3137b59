#!/usr/bin/env bash
# Policy benchmark: `keylint policy` against Checkov's IAM, resource-policy and Secrets Manager
# checks on a generated corpus of Terraform modules and CloudFormation templates
# (bench/policy-corpus.py: 2,000 files by default, half Terraform, half CloudFormation in JSON
# and YAML). Prints the wall-clock and CPU-time ratios (keylint / Checkov), both tools' finding
# counts and keylint's peak memory. keylint reads files on one thread; Checkov uses every core.
#
# Everything it installs goes to a scratch folder (default /tmp/keylint-bench), never into the
# project: the corpus and a virtual environment with the pinned Checkov from PyPI.
# usage: bench/policy-checkov.sh [SCRATCH_DIR]
# environment: KEYLINT_BENCH_POLICY_FILES (corpus size, default 2000),
#              KEYLINT_BENCH_CHECKOV_RUNS (timed Checkov runs, default 2; each takes minutes)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-/tmp/keylint-bench}
keylint=$here/build/src/keylint
files=${KEYLINT_BENCH_POLICY_FILES:-2000}
checkov_runs=${KEYLINT_BENCH_CHECKOV_RUNS:-2}
checkov_version=3.3.30
mkdir -p "$scratch"

command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[[ -x $keylint ]] || { echo "bench: build keylint first (scripts/build)" >&2; exit 2; }

# Checkov's checks that read IAM policies (identity, trust, key and bucket policies), managed-policy
# attachments and Secrets Manager secrets. Derived from Checkov 3.3.30's own registry:
#   checkov --list --framework terraform cloudformation
# filtered to entities aws_iam_*, AWS::IAM::*, data.aws_iam_policy_document, aws_secretsmanager_*,
# AWS::SecretsManager::*, aws_kms_key / AWS::KMS::Key (key-policy checks) and aws_s3_bucket_policy,
# then dropping the checks that do not look at a policy or a secret: the password-policy checks
# (CKV_AWS_9 to 15), IAM user and group hygiene (CKV2_AWS_14, 21, 22, CKV_AWS_273, 348), KMS key
# rotation and state (CKV_AWS_7, 227), SageMaker notebook roles (CKV2_AWS_68), and CKV2_AWS_37 and
# CKV2_AWS_75 (CodeCommit approval rules and CORS, listed under every resource type).
checkov_checks=(
  # identity policies: administrator access, wildcards, escalation, exposure, exfiltration
  CKV_AWS_1 CKV_AWS_62 CKV_AWS_63 CKV_AWS_49 CKV2_AWS_40
  CKV_AWS_107 CKV_AWS_108 CKV_AWS_109 CKV_AWS_110 CKV_AWS_111
  CKV_AWS_286 CKV_AWS_287 CKV_AWS_288 CKV_AWS_289 CKV_AWS_290
  CKV_AWS_355 CKV_AWS_356 CKV_AWS_40
  # managed policies attached: AdministratorAccess, IAMFullAccess
  CKV_AWS_274 CKV_AWS_275 CKV2_AWS_56
  # trust policies
  CKV_AWS_60 CKV_AWS_61 CKV_AWS_358 CKV_AWS_393
  # resource policies: any principal, KMS key policies, S3 bucket policies
  CKV_AWS_283 CKV_AWS_33 CKV2_AWS_64 CKV_AWS_70 CKV_AWS_93
  # Secrets Manager: customer key, rotation
  CKV_AWS_149 CKV2_AWS_57 CKV_AWS_304
)
check_list=$(IFS=,; echo "${checkov_checks[*]}")

corpus=$scratch/policy-corpus
stamp="$files $(sha256sum "$here/bench/policy-corpus.py" | cut -c1-16)"
if [[ ! -f $scratch/policy-corpus.stamp || $(cat "$scratch/policy-corpus.stamp") != "$stamp" ]]; then
  python3 "$here/bench/policy-corpus.py" "$corpus" --files "$files"
  echo "$stamp" > "$scratch/policy-corpus.stamp"
fi
echo "corpus: $(find "$corpus" -name '*.tf' | wc -l) Terraform files," \
  "$(find "$corpus/cloudformation" -type f | wc -l) CloudFormation templates," \
  "$(find "$corpus" -type f -exec cat {} + | wc -l) lines, $(du -sh --apparent-size "$corpus" | cut -f1)"

venv=$scratch/checkov-venv
installed=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("checkov"))' 2>/dev/null || true)
if [[ $installed != "$checkov_version" ]]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "checkov==$checkov_version"
fi
# No platform, no mapping download, no update check, no external modules.
export BC_SKIP_MAPPING=TRUE CKV_SKIP_PACKAGE_UPDATE_CHECK=true
unset BC_API_KEY PRISMA_API_URL
checkov_command="$venv/bin/checkov -d $corpus --framework terraform cloudformation --check $check_list"
checkov_command+=" --quiet --compact -o json --skip-download --download-external-modules false --soft-fail"
echo "checkov $checkov_version, ${#checkov_checks[@]} checks: $check_list"
echo "threads: keylint 1, checkov $(nproc) (its default)"

hyperfine --warmup 1 --runs 10 --export-json "$scratch/policy-keylint.json" \
  -n keylint "$keylint policy --format json --exit-zero --output /dev/null $corpus"
# Checkov takes minutes per run: no warmup (keylint's runs have just read the corpus into the
# page cache) and few runs. Each run writes its report, which gives the finding counts below.
hyperfine --warmup 0 --runs "$checkov_runs" --export-json "$scratch/policy-checkov.json" \
  -n checkov "$checkov_command > $scratch/checkov-report.json"

"$keylint" policy --format json --exit-zero --output "$scratch/keylint-report.json" "$corpus"
python3 - "$scratch" <<'PY'
import collections, json, sys
scratch = sys.argv[1]
keylint = json.load(open(f"{scratch}/policy-keylint.json"))["results"][0]
checkov = json.load(open(f"{scratch}/policy-checkov.json"))["results"][0]
cpu = lambda r: r["user"] + r["system"]
print(f"keylint: {keylint['mean']:.2f} s wall (±{keylint['stddev']:.2f}), {cpu(keylint):.2f} s CPU")
print(f"checkov: {checkov['mean']:.1f} s wall (±{(checkov['stddev'] or 0):.1f}), {cpu(checkov):.1f} s CPU")
wall, cpu_ratio = keylint["mean"] / checkov["mean"], cpu(keylint) / cpu(checkov)
print(f"ratio keylint/checkov, wall: {wall:.4f} ({1 / wall:.0f}x faster)")
print(f"ratio keylint/checkov, CPU:  {cpu_ratio:.4f} ({1 / cpu_ratio:.0f}x less CPU)")

report = json.load(open(f"{scratch}/keylint-report.json"))
by_rule = collections.Counter(f["rule_id"] for f in report["findings"])
print(f"keylint findings: {len(report['findings'])} {dict(sorted(by_rule.items()))},"
      f" diagnostics: {len(report['diagnostics'])}")
runs = json.load(open(f"{scratch}/checkov-report.json"))
runs = runs if isinstance(runs, list) else [runs]
failed = [c for run in runs for c in run.get("results", {}).get("failed_checks", [])]
by_check = collections.Counter(c["check_id"] for c in failed)
passed = sum(run.get("summary", {}).get("passed", 0) for run in runs)
errors = sum(run.get("summary", {}).get("parsing_errors", 0) for run in runs)
print(f"checkov failed checks: {len(failed)} (passed {passed}, parsing errors {errors})"
      f" {dict(sorted(by_check.items()))}")
PY
echo "== peak memory (max RSS) of keylint on the corpus"
/usr/bin/time -f "%M KiB" "$keylint" policy --format json --exit-zero --output /dev/null "$corpus"
