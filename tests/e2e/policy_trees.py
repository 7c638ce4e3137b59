"""What the end-to-end scripts of Terraform trees (module calls, plans) share: the expected.tsv of a
fixture tree (check, file, line, module instance, why), a run of keylint with the user's
configuration left out, and the findings and diagnostics of a JSON report in the same shape.
"""
import json
import os
import subprocess


def read_expected(path):
    rows = []
    for line in path.read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        check, file, number, module, _why = line.split("\t")
        rows.append((check, file, int(number), module))
    return sorted(rows)


def run_keylint(keylint, *args, cwd=None):
    environment = dict(os.environ)
    environment.pop("KEYLINT_CONFIG", None)
    return subprocess.run([keylint, *args], capture_output=True, text=True, env=environment, timeout=120, cwd=cwd)


def findings_of(result):
    return sorted((f["rule_id"], f["path"], f["start_line"], f.get("properties", {}).get("module", ""))
                  for f in json.loads(result.stdout)["findings"])


def diagnostics_of(result):
    return [(d["kind"], d["path"], d["message"]) for d in json.loads(result.stdout)["diagnostics"]]
