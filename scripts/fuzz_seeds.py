#!/usr/bin/env python3
"""Writes each fuzz target's seed corpus from fixtures/ (scripts/fuzz calls it).

usage: fuzz_seeds.py SEED_DIR TARGET...
"""
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# fuzz/fuzz_credentials.cpp's file_names, in order: the first byte of an input picks the reader.
CREDENTIAL_NAMES = [
    "config.json", "config.yaml", "config.toml", "config.xml", "main.tf", "settings.py", "app.js",
    "app.ts", "main.go", "App.java", "app.rb", "config.php", "App.cs", "deploy.sh", ".env",
    "config.ini", "app.properties", ".netrc", ".pgpass", ".htpasswd", "shadow", ".git-credentials",
    ".npmrc", "app.tsx", "config.yml", "package-lock.json",
]
SUFFIXES = {".json": 0, ".yaml": 1, ".yml": 24, ".toml": 2, ".xml": 3, ".tf": 4, ".hcl": 4, ".py": 5,
            ".js": 6, ".ts": 7, ".go": 8, ".java": 9, ".rb": 10, ".php": 11, ".cs": 12, ".sh": 13,
            ".env": 14, ".ini": 15, ".cfg": 15, ".properties": 16, ".tsx": 23, ".config": 3, ".tfvars": 4,
            ".conf": 15}
NAMES = {".netrc": 17, ".pgpass": 18, ".htpasswd": 19, "shadow": 20, ".git-credentials": 21, ".npmrc": 22,
         ".pypirc": 15, "config": 26, "settings": 26, ".msmtprc": 27, "redis.conf": 27}
# The credential index of each single-format target's files (fuzz_line_formats: the first byte
# picks the format, in fuzz/fuzz_line_formats.cpp's order: .env, INI, properties, .netrc,
# .pgpass, htpasswd, shadow, .git-credentials, directives; .npmrc is INI).
SINGLE_FORMAT = {"fuzz_yaml_reader": {1, 24}, "fuzz_hcl_reader": {4}, "fuzz_toml_extractor": {2},
                 "fuzz_xml_extractor": {3}}
LINE_FORMAT = {14: 0, 15: 1, 16: 2, 17: 3, 18: 4, 19: 5, 20: 6, 21: 7, 22: 1, 27: 8}
# Small hostile inputs every run starts from, beside the fixtures.
HOSTILE = {
    "fuzz_yaml_reader": [
        b"a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n",
        b"[" * 300 + b"]" * 300,
        b"k: !Sub 'arn:${AWS::Partition}'\nr: !GetAtt A.B\nj: !Join [',', [!Ref X]]\n",
        b"%YAML 1.2\n---\n? |\n  block key\n: >-\n  folded\n...\n--- second\n",
    ],
    "fuzz_hcl_reader": [
        b"resource \"a\" \"b\" {\n  policy = <<EOF\n{\"Version\": \"2012-10-17\"\n",
        b"x = " + b"[" * 300 + b"]" * 300 + b"\n",
        b"locals {\n  p = jsonencode({a = \"${var.x}\", b = [for s in var.l : upper(s)]})\n}\n",
    ],
    "fuzz_xml_extractor": [
        b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n<l p="&b;">&b;</l>\n',
        b"<a><![CDATA[password=x]]><add key=\"Password\" value=\"S3cret!x\"/></a" + b"<b>" * 300,
    ],
    "fuzz_toml_extractor": [
        b"[a.b.c]\npassword = \"\"\"multi\nline\"\"\"\nx = { y = [1, {z = 'w'}] }\n[[t]]\n",
        b"k = " + b"[" * 300 + b"]" * 300 + b"\n",
    ],
    "fuzz_line_formats": [
        b"\x00export DB_PASSWORD='Winter2024!' # note\nA=\"unterminated\n=\n",
        b"\x03machine h login u password p\nmachine\n",
        b"\x07https://user:tok%40en@host\nhttps://:@\n",
        b"\x08set smtp_pass = \"unterminated\nrequirepass\n set\n\"\n",
    ],
    "fuzz_sql_dump": [
        b"CREATE TABLE u (id int, password text);\nINSERT INTO u VALUES (1, 'a''b\\'c'), (2, 'x');\n"
        b"COPY u (id, password) FROM stdin;\n1\tp\n\\.\nCREATE USER x IDENTIFIED BY 'y';\n",
        b"INSERT INTO t (password) VALUES ('" + b"(" * 300, b"/* unterminated", b"COPY t (a) FROM stdin;\n\t\t",
    ],
    "fuzz_csv_table": [
        b"url,username,password\r\nh,u,\"p,\"\"q\"\"\"\n", b"password\n\"", b"a;b;password\n;;\n",
    ],
    "fuzz_base64": [b"dXNlcjpwYXNz", b"dXNlcjo=", b"-_8", b"a===", b"ab=c"],
    "fuzz_format_sniffer": [
        b"[\n[section]\nkey = value\n", b"\xef\xbb\xbf<", b"#!", b"---\n- a\nB=1\n", b"x \"\n",
    ],
}
MAX_SEED = 64 * 1024


def fixture_files(pattern="*"):
    return sorted(p for p in FIXTURES.rglob(pattern) if p.is_file() and p.stat().st_size <= MAX_SEED)


def credential_index(path):
    if path.name in NAMES:
        return NAMES[path.name]
    if path.name.startswith(".env") or path.suffix == ".env":
        return 14
    return SUFFIXES.get(path.suffix)


def seeds_for(target):
    if target == "fuzz_rule_loader":
        sources = sorted((ROOT / "rules" / "secrets").glob("*.toml")) + fixture_files("*.toml")
        return [p.read_bytes()[:MAX_SEED] for p in sources]
    if target == "fuzz_json_reader":
        return [p.read_bytes() for p in fixture_files("*.json")]
    if target == "fuzz_policy":  # first byte: 0 policy JSON, 1 YAML template, 2 JSON template, 3 Terraform
        policy_root = ROOT / "fixtures"
        seeds = [b"\x00" + p.read_bytes() for p in sorted(policy_root.rglob("*.json")) if "polic" in str(p)]
        seeds += [b"\x01" + p.read_bytes() for p in sorted(policy_root.rglob("*.yaml"))]
        seeds += [b"\x02" + p.read_bytes() for p in sorted((policy_root / "policy").rglob("*.json"))]
        seeds += [b"\x02" + p.read_bytes() for p in sorted((policy_root / "hygiene").rglob("*.json"))]
        seeds += [b"\x03" + p.read_bytes() for p in sorted(policy_root.rglob("*.tf"))]
        return [seed[:MAX_SEED] for seed in seeds]
    if target == "fuzz_check_metadata":
        return [p.read_bytes()[:MAX_SEED] for p in sorted((ROOT / "src" / "checks").rglob("*.toml"))]
    if target == "fuzz_terraform_expression":  # every attribute value written in a fixture, and some built ones
        import re
        seeds = set()
        for path in sorted((ROOT / "fixtures").rglob("*.tf")):
            for match in re.finditer(r"^\s*[A-Za-z_]+\s*=\s*(.+)$", path.read_text(errors="replace"), re.M):
                seeds.add(match.group(1).encode())
        seeds |= {b'format("arn:%s:%d", var.x.b, 3)', b'[for k, v in var.x : "${k}=${v}" if v != "1"]',
                  b'merge(var.x, {c = aws_x.y.id})', b'"%{for s in var.list}${upper(s)}%{endfor}"',
                  b'try(var.x.z, lookup(var.x, "a", null))', b'jsondecode("{\\"a\\": [1, 2]}").a[1]',
                  b'distinct(concat(var.list, split(",", "p,r")))', b'!(1 + 2 * 3 >= 7) ? "y" : "n"'}
        return sorted(seeds)[:2000]
    if target == "fuzz_terraform_plan":  # each plan fixture, with its root module's main.tf after a NUL
        seeds = []
        for plan in sorted((ROOT / "fixtures" / "policy" / "plans").rglob("plan.json")):
            main = plan.parent / "main.tf"
            seeds.append(plan.read_bytes() + (b"\0" + main.read_bytes() if main.exists() else b""))
        seeds.append(b'{"format_version": "1.0", "planned_values": {"root_module": {"child_modules": [{}]}}}')
        return seeds
    if target == "fuzz_credentials":
        seeds = []
        for path in fixture_files():
            index = credential_index(path)
            if index is not None:
                seeds.append(bytes([index]) + path.read_bytes())
        return seeds
    if target in SINGLE_FORMAT:
        seeds = [p.read_bytes() for p in fixture_files() if credential_index(p) in SINGLE_FORMAT[target]]
        return seeds + HOSTILE[target]
    if target == "fuzz_line_formats":
        seeds = []
        for path in fixture_files():
            index = credential_index(path)
            if index in LINE_FORMAT:
                seeds.append(bytes([LINE_FORMAT[index]]) + path.read_bytes())
        return seeds + HOSTILE[target]
    if target == "fuzz_base64":
        return HOSTILE[target]
    if target == "fuzz_regex_prefix":  # the built-in rules' patterns
        import re
        seeds = []
        for path in sorted((ROOT / "rules" / "secrets").glob("*.toml")):
            seeds += [m.group(1).encode() for m in re.finditer(r"^regex = '''(.*)'''$", path.read_text(), re.M)]
        return seeds + [b"(?i)(?:a|b)", b"((((", b"\\", b"(?i:\\btoken)x"]
    if target == "fuzz_rule_index":  # small rule files (mode 1), and hostile index bytes (mode 0)
        seeds = [b"\x01" + p.read_bytes() for p in sorted((ROOT / "rules" / "secrets").glob("*.toml"))
                 if p.stat().st_size < 16384]
        return seeds + [b"\x00", b"\x00\x14\x00\x00\x00keylint-rule-index-1\xff\xff\xff\xff",
                        b"\x00\xff\xff\xff\xff"]
    if target in ("fuzz_sql_dump", "fuzz_csv_table"):
        suffix = ".sql" if target == "fuzz_sql_dump" else ".csv"
        return [p.read_bytes() for p in fixture_files("*" + suffix)] + HOSTILE[target]
    if target == "fuzz_format_sniffer":
        return [p.read_bytes() for p in fixture_files() if "." not in p.name[1:] or p.suffix in (".conf", ".cfg")] \
            + HOSTILE[target]
    if target == "fuzz_gitignore":
        seeds = [p.read_bytes() for p in fixture_files(".*ignore")]
        seeds += [b"src/app/.env\n*.env\n!keep.env\n/build/\n**/secrets/**\n[a-z]?.key\n"]
        return [b"src/a.env\n" + s for s in seeds]
    if target == "fuzz_report":
        return [b"app/settings.py\x1fmessage\x1fpassword = \"***\"\x1fDB_PASSWORD\x1fabc\x1fbin/x\x1fbinary file",
                b"caf\xc3\xa9\n\xff.txt\x1f\x1f\x1f\x1f\x1f\x1f"]
    raise SystemExit(f"fuzz_seeds.py: unknown target {target}")


def main():
    seed_dir = pathlib.Path(sys.argv[1])
    for target in sys.argv[2:]:
        directory = seed_dir / target
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        for number, seed in enumerate(seeds_for(target)):
            (directory / f"seed-{number:04d}").write_bytes(seed)


if __name__ == "__main__":
    main()
