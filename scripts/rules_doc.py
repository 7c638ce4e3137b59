#!/usr/bin/env python3
"""Generates docs/rules.md from the rule data (rules/secrets/*.toml and `keylint rules list`), and the
one-line list of policy checks in README.md between its `policy-checks` markers.

usage: rules_doc.py KEYLINT [--check]    --check: exit 1 if docs/rules.md or README.md is out of date
"""
import json
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
keylint = sys.argv[1]
listing = json.loads(subprocess.run([keylint, "rules", "list", "--format", "json", "--config",
                                     str(root / "scripts" / "builtin-only.toml")],
                                    capture_output=True, text=True, check=True, cwd=root).stdout)
secret_rules = [rule for rule in listing if rule["kind"] == "secret"]
structural_rules = [rule for rule in listing if rule["kind"] == "structural"]
policy_checks = [rule for rule in listing if rule["kind"] == "policy"]

lines = [
    "# keylint rules and checks",
    "",
    "Generated from the rule data by `scripts/rules_doc.py`; do not edit by hand.",
    "",
    f"## Secret rules ({len(secret_rules)})",
    "",
    f"{len({rule['provider'] for rule in secret_rules})} providers. Each rule's reference is the provider's documentation "
    "of the token format; the example is the rule's first, with the secret masked as reports mask it. "
    "`keylint rules list --provider NAME` lists one provider's rules.",
    "",
    "| id | level | provider | finds | reference | example | file |",
    "|---|---|---|---|---|---|---|",
]


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


for rule in sorted(secret_rules, key=lambda r: (r["origin"], r["id"])):
    reference = f"[docs]({rule['reference']})" if rule["reference"] else ""
    example = f"`{cell(rule['examples'][0])}`" if rule["examples"] else ""
    lines.append(f"| `{rule['id']}` | {rule['level']} | {rule['provider']} | {cell(rule['description'])} | {reference} | "
                 f"{example} | `{rule['origin']}` |")
lines += ["", f"## Structural credential rules ({len(structural_rules)})", "",
          "Generic passwords and credentials found by reading the structure of configuration, code and credential "
          "files (see docs/ARCHITECTURE.md); `keylint scan --regex-only` turns them off.", "",
          "| id | level | finds | tags |", "|---|---|---|---|"]
for rule in structural_rules:
    lines.append(f"| `{rule['id']}` | {rule['level']} | {rule['description']} | {', '.join(rule['tags'])} |")
lines += ["", f"## Policy checks ({len(policy_checks)})", "", "| id | level | finds | tags |", "|---|---|---|---|"]
for check in policy_checks:
    lines.append(f"| `{check['id']}` | {check['level']} | {check['description']} | {', '.join(check['tags'])} |")
text = "\n".join(lines) + "\n"

BEGIN, END = "<!-- policy-checks:begin -->", "<!-- policy-checks:end -->"
readme_path = root / "README.md"
readme = readme_path.read_text()
before, rest = readme.split(BEGIN, 1)
_, after = rest.split(END, 1)
check_lines = [f"- `{check['id']}` ({check['level']}): {check['description']}" for check in policy_checks]
new_readme = before + BEGIN + "\n" + "\n".join(check_lines) + "\n" + END + after

target = root / "docs" / "rules.md"
if "--check" in sys.argv:
    if not target.exists() or target.read_text() != text:
        print("docs/rules.md is out of date: run scripts/rules_doc.py build/src/keylint", file=sys.stderr)
        sys.exit(1)
    if readme != new_readme:
        print("README.md's list of policy checks is out of date: run scripts/rules_doc.py build/src/keylint",
              file=sys.stderr)
        sys.exit(1)
else:
    target.write_text(text)
    readme_path.write_text(new_readme)
