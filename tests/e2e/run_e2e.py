#!/usr/bin/env python3
"""End-to-end tests: run the built keylint binary on fixtures and check exact findings (rule, file,
line), exit codes, error messages, output files and SARIF schema validity. Prints TAP.

usage: run_e2e.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

from tap import expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
DEMO = SOURCE_ROOT / "fixtures" / "demo"
PLANTED_KEYS = ["AKIAZ4T7XQ2LWN3RBVKE", "ASIAQW3ERT5YUI7OPLK2", "AKIA2MXPN7QR4TZLWV6J", "Tr4il-Mix-Oct0ber"]



def run(*args, stdin=None, env=None, cwd=None):
    environment = dict(os.environ)
    environment.pop("KEYLINT_CONFIG", None)
    environment.update(env or {})
    return subprocess.run([KEYLINT, *args], input=stdin, capture_output=True, text=True, env=environment,
                          cwd=cwd, timeout=120)


def findings(result):
    report = json.loads(result.stdout)
    return sorted((f["rule_id"], f["path"], f["start_line"]) for f in report["findings"])


def sarif_findings(document):
    return sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in document["runs"][0]["results"])


def validate_sarif(text):
    document = json.loads(text)
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.validate(document, schema)
    return document




DEMO_SCAN = [
    ("aws-access-key-id", "app/settings.py", 9),
    ("aws-access-key-id", "deploy/production.env", 4),
    ("generic-password", "config/database.yml", 7),
]
DEMO_POLICY = [("iam-full-admin", "policies/deploy-admin.json", 10)]


@test
def scan_demo_finds_exactly_the_planted_keys():
    result = run("scan", str(DEMO), "--format", "json")
    expect_equal(result.returncode, 1)
    expect_equal(findings(result), DEMO_SCAN)
    summary = json.loads(result.stdout)["summary"]
    expect_equal((summary["suppressed"], summary["files_skipped"]), (1, 1))


@test
def policy_demo_flags_the_admin_statement_only():
    result = run("policy", str(DEMO), "--format", "json")
    expect_equal(result.returncode, 1)
    expect_equal(findings(result), DEMO_POLICY)
    finding = json.loads(result.stdout)["findings"][0]
    expect_equal((finding["start_line"], finding["start_column"], finding["end_line"]), (10, 5, 15))
    expect_equal(finding["snippet"], '"Sid": "TemporaryEverything",')


@test
def several_roots_name_files_by_their_root_and_sarif_is_relative_to_the_current_directory():
    with tempfile.TemporaryDirectory() as tmp:
        base = pathlib.Path(tmp)
        for name in ("api", "web"):
            (base / name / "config").mkdir(parents=True)
            (base / name / "config" / "settings.py").write_text('AWS_KEY = "AKIAZ4T7XQ2LWN3RBVKE"\n')
        (base / "single.env").write_text("AWS_ACCESS_KEY_ID=AKIA2MXPN7QR4TZLWV6J\n")
        expected = [("aws-access-key-id", "api/config/settings.py", 1), ("aws-access-key-id", "single.env", 1),
                    ("aws-access-key-id", "web/config/settings.py", 1)]
        result = run("scan", "api", "./web/", "single.env", "--format", "json", cwd=tmp)
        expect_equal((result.returncode, findings(result)), (1, expected))
        document = validate_sarif(run("scan", "api", "./web/", "single.env", "--format", "sarif", cwd=tmp).stdout)
        expect_equal(sarif_findings(document), expected)
        expect_equal(document["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"],
                     pathlib.Path(tmp).resolve().as_uri() + "/")
        # One directory: paths stay relative to it.
        expect_equal(findings(run("scan", "api", "--format", "json", cwd=tmp)),
                     [("aws-access-key-id", "config/settings.py", 1)])
        # "." among several roots names its files from the current directory.
        dot = findings(run("scan", ".", "web", "--format", "json", cwd=tmp))
        expect(("aws-access-key-id", "web/config/settings.py", 1) in dot, dot)


@test
def terraform_modules_of_two_roots_are_two_modules():
    with tempfile.TemporaryDirectory() as tmp:
        base = pathlib.Path(tmp)
        (base / "keys").mkdir()
        (base / "secrets").mkdir()
        (base / "keys" / "main.tf").write_text('resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n')
        (base / "secrets" / "main.tf").write_text(
            'resource "aws_secretsmanager_secret" "s" {\n  kms_key_id = aws_kms_key.k.arn\n  tags = { a = "b" }\n}\n'
            'resource "aws_secretsmanager_secret_rotation" "r" {\n  secret_id = aws_secretsmanager_secret.s.id\n'
            '  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n')
        # The key is not in the secret's module: keylint cannot tell which key it is, and says so.
        result = run("policy", "keys", "secrets", "--format", "json", "--checks", "secret-*", cwd=tmp)
        expect_equal(findings(result), [("secret-aws-managed-key", "secrets/main.tf", 2)])
        expect("aws_kms_key.k.arn" in json.loads(result.stdout)["findings"][0]["message"], result.stdout)


@test
def scan_sarif_validates_and_matches():
    result = run("scan", str(DEMO), "--format", "sarif")
    expect_equal(result.returncode, 1)
    document = validate_sarif(result.stdout)
    expect_equal(sarif_findings(document), DEMO_SCAN)
    sarif_run = document["runs"][0]
    for sarif_result in sarif_run["results"]:
        expect(":" in sarif_result["partialFingerprints"]["primaryLocationLineHash"], "line hash missing")
    rule = sarif_run["tool"]["driver"]["rules"][0]
    expect(isinstance(rule["properties"]["security-severity"], str), "security-severity must be a string")
    expect_equal(sarif_run["originalUriBaseIds"]["SRCROOT"]["uri"], DEMO.resolve().as_uri() + "/")
    notes = [n["message"]["text"] for n in sarif_run["invocations"][0]["toolExecutionNotifications"]]
    expect_equal(notes, ["skipped: binary file"])


@test
def policy_sarif_validates_and_matches():
    result = run("policy", str(DEMO), "--format", "sarif")
    document = validate_sarif(result.stdout)
    expect_equal(sarif_findings(document), DEMO_POLICY)
    region = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    expect_equal((region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]), (10, 5, 15, 6))


@test
def secrets_are_redacted_in_every_format():
    for output_format in ("text", "json", "sarif"):
        result = run("scan", str(DEMO), "--format", output_format, "--include-suppressed", "--verbose")
        for key in PLANTED_KEYS:
            expect(key not in result.stdout and key not in result.stderr, f"{key} leaked in {output_format}")
    shown = run("scan", str(DEMO), "--show-secrets")
    expect("AKIAZ4T7XQ2LWN3RBVKE" in shown.stdout, "--show-secrets should show the secret")


@test
def text_report_groups_by_file_with_summary():
    result = run("scan", str(DEMO), "--color", "never")
    expect_equal(result.returncode, 1)
    lines = result.stdout.splitlines()
    expect_equal(lines[0], "app/settings.py")
    expect(lines[1].split()[:3] == ["9:22", "error", "aws-access-key-id"], lines[1])
    expect_equal(lines[-1], "3 findings (3 errors). Scanned 7 files (2.0 KiB), skipped 1; 1 suppressed inline.")
    expect("\x1b[" not in result.stdout, "no colour with --color never")
    expect("\x1b[" in run("scan", str(DEMO), "--color", "always").stdout, "colour with --color always")
    expect("\x1b[" not in run("scan", str(DEMO), env={"NO_COLOR": "1"}).stdout, "NO_COLOR honoured")


MOTIVATING_CONFIG = '{"api_key": "abcd1234xyz", "api_secret": "efgh5678pqr", "environment": "production"}\n'
MOTIVATING_FETCH = """import json

import boto3


def database_password():
    secret_name = "prod/db/credentials"
    client = boto3.client("secretsmanager", region_name="eu-west-1")
    response = client.get_secret_value(SecretId=secret_name)
    return json.loads(response['SecretString'])['password']
"""


@test
def generic_credentials_in_config_are_found_and_a_secrets_manager_fetch_is_not():
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / "config.json").write_text(MOTIVATING_CONFIG)
        (pathlib.Path(tmp) / "fetch_secret.py").write_text(MOTIVATING_FETCH)
        result = run("scan", tmp, "--format", "json")
        expect_equal(result.returncode, 1)
        report = json.loads(result.stdout)["findings"]
        expect_equal([(f["rule_id"], f["path"], f["start_line"], f["start_column"], f["properties"]["key"]) for f in report],
                     [("generic-secret", "config.json", 1, 14, "api_key"), ("generic-secret", "config.json", 1, 43, "api_secret")])
        expect_equal(report[0]["properties"]["reason"],
                     "literal value under the credential name 'api_key': 11 characters (letters, digits), "
                     "entropy 3.5 bits/char, not a placeholder or reference")
        expect_equal(report[0]["properties"]["format"], "JSON")
        sarif = validate_sarif(run("scan", tmp, "--format", "sarif").stdout)
        results = sarif["runs"][0]["results"]
        expect_equal([r["properties"]["key"] for r in results], ["api_key", "api_secret"])
        expect(all(r["properties"]["reason"].startswith("literal value under the credential name") for r in results),
               "SARIF results carry the reason")
        rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
        expect_equal(list(rules), ["generic-secret"])
        expect_equal(rules["generic-secret"]["properties"]["precision"], "medium")
        expect_equal(findings(run("scan", tmp, "--format", "json", "--regex-only")), [])


@test
def policy_actions_are_checked_against_the_iam_action_list():
    result = run("policy", str(SOURCE_ROOT / "fixtures" / "iam-actions"), "--format", "json")
    expect_equal(result.returncode, 1)
    expect_equal(findings(result), [("iam-unknown-action", "typos.json", 9), ("iam-unknown-action", "typos.json", 17)])
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    expect_equal(messages, [
        "Action 'secretmanager:DescribeSecret' uses the service prefix 'secretmanager', which AWS does not document: "
        "it grants or denies nothing.",
        "Action 's3:GetObjekt' matches no documented s3 action: it grants or denies nothing.",
    ])
    sarif = validate_sarif(run("policy", str(SOURCE_ROOT / "fixtures" / "iam-actions"), "--format", "sarif").stdout)
    rule = sarif["runs"][0]["tool"]["driver"]["rules"][0]
    expect_equal((rule["id"], rule["properties"]["tags"]), ("iam-unknown-action", ["policy", "iam", "correctness"]))


@test
def fifty_thousand_findings_on_one_line_are_all_reported():
    # A regression: positions, snippets, suppression markers and overlap checks each rescanned the
    # line per finding, which took minutes on this file.
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / "minified.xml").write_text("<a>" + "<password>Winter2024!x</password>" * 50000 + "</a>")
        result = run("scan", tmp, "--format", "json")
        expect_equal(result.returncode, 1)
        report = json.loads(result.stdout)["findings"]
        expect_equal(len(report), 50000)
        expect_equal((report[-1]["start_line"], report[-1]["start_column"]), (1, 3 + 49999 * 33 + 10 + 1))


@test
def credential_files_are_read_by_position():
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / ".pgpass").write_text("# host:port:db:user:password\ndb.internal:5432:orders:app:Vq7-ledger-Kite\n*:*:*:ro:${PGPASS}\n")
        (root / ".netrc").write_text("machine ftp.acme.test\n  login deploy\n  password Wn8-harbor-Fig\n")
        (root / ".htpasswd").write_text("ops:$apr1$Qx7Zp1Lm$0q5QbL3yJm3Rr5Xn0yT9q/\nlocked:!\n")
        result = run("scan", tmp, "--format", "json")
        expect_equal(findings(result), [("generic-password", ".htpasswd", 1), ("generic-password", ".netrc", 3),
                                        ("generic-password", ".pgpass", 2)])
        keys = sorted(f["properties"]["key"] for f in json.loads(result.stdout)["findings"])
        expect_equal(keys, ["password", "password", "password hash"])


@test
def suppressed_findings_are_reported_only_on_request_and_never_fail():
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp, "a.py")
        path.write_text('KEY = "AKIA2MXPN7QR4TZLWV6J"  # gitleaks:allow\n')
        plain = run("scan", tmp, "--format", "sarif")
        expect_equal(plain.returncode, 0)
        expect_equal(json.loads(plain.stdout)["runs"][0]["results"], [])
        included = run("scan", tmp, "--format", "sarif", "--include-suppressed")
        expect_equal(included.returncode, 0)
        document = validate_sarif(included.stdout)
        expect_equal(document["runs"][0]["results"][0]["suppressions"][0]["kind"], "inSource")


@test
def missing_path_is_a_usage_error():
    result = run("scan", "does/not/exist")
    expect_equal(result.returncode, 2)
    expect_equal(result.stderr, "keylint: error: does/not/exist: no such file or directory\n")
    expect_equal(result.stdout, "")


@test
def unknown_option_and_values_are_usage_errors():
    cases = {
        ("scan", "--frobnicate"): "keylint: error: unrecognised option '--frobnicate'\n",
        ("scan", "--format", "xml"): "keylint: error: unknown --format 'xml' (expected text, json or sarif)\n",
        ("policy", "--fail-on", "fatal"): "keylint: error: unknown --fail-on level 'fatal' (expected note, warning or error)\n",
        ("scan", "--color", "sometimes"): "keylint: error: unknown --color 'sometimes' (expected auto, always or never)\n",
        ("scan", "--max-file-size", "12X"): "keylint: error: --max-file-size: unknown size suffix 'X' (use K, M or G)\n",
        ("frob",): "keylint: error: unknown command 'frob' (see `keylint help`)\n",
    }
    for args, message in cases.items():
        result = run(*args)
        expect_equal((args, result.returncode, result.stderr), (args, 2, message))


@test
def malformed_rule_file_is_an_error_and_leaves_no_report_file():
    with tempfile.TemporaryDirectory() as tmp:
        rules = pathlib.Path(tmp, "bad.toml")
        rules.write_text("[[rules]]\nid = \"half\"\nregex = '''(unclosed'''\n")
        output = pathlib.Path(tmp, "report.sarif")
        result = run("scan", str(DEMO), "--config", str(rules), "--format", "sarif", "--output", str(output))
        expect_equal(result.returncode, 2)
        expect_equal(result.stderr,
                     f"keylint: configuration error: {rules}: rule 'half': invalid regex in 'regex': missing ): (unclosed\n")
        expect(not output.exists(), "no report file may be left behind")
        expect_equal(sorted(p.name for p in pathlib.Path(tmp).iterdir()), ["bad.toml"])


@test
def output_file_receives_the_report():
    with tempfile.TemporaryDirectory() as tmp:
        output = pathlib.Path(tmp, "out.sarif")
        result = run("scan", str(DEMO), "--format", "sarif", "--output", str(output))
        expect_equal((result.returncode, result.stdout), (1, ""))
        expect_equal(sarif_findings(validate_sarif(output.read_text())), DEMO_SCAN)


@test
def exit_code_thresholds():
    expect_equal(run("scan", str(DEMO), "--exit-zero").returncode, 0)
    with tempfile.TemporaryDirectory() as tmp:
        config = pathlib.Path(tmp, "rules.toml")
        config.write_text("[[rules]]\nid = \"todo-token\"\ndescription = \"Token marked TODO\"\n"
                          "regex = '''todo_tok_[0-9]{6}'''\nkeywords = [\"todo_tok_\"]\nseverity = \"warning\"\n")
        target = pathlib.Path(tmp, "src")
        target.mkdir()
        (target / "x.txt").write_text("value todo_tok_123456\n")
        expect_equal(run("scan", str(target), "--config", str(config)).returncode, 1)
        expect_equal(run("scan", str(target), "--config", str(config), "--fail-on", "warning").returncode, 1)
        expect_equal(run("scan", str(target), "--config", str(config), "--fail-on", "error").returncode, 0)


@test
def gitleaks_config_is_discovered_in_the_scanned_directory():
    with tempfile.TemporaryDirectory() as tmp:
        pathlib.Path(tmp, ".gitleaks.toml").write_text(
            "title = \"team\"\n[[rules]]\nid = \"team-token\"\ndescription = \"Team token\"\n"
            "regex = '''\\b(tt_[a-f0-9]{10})\\b'''\nsecretGroup = 1\nkeywords = [\"tt_\"]\n"
            "[[rules.allowlists]]\nregexTarget = \"line\"\nregexes = ['''test''']\n")
        pathlib.Path(tmp, "app.cfg").write_text("a = tt_0123456789\nb = tt_abcdef0123  # test value\n")
        result = run("scan", tmp, "--format", "json")
        expect_equal(findings(result), [("team-token", "app.cfg", 1)])


@test
def an_ignored_gitleaks_config_is_loaded_and_its_global_allowlist_holds_for_generic_findings():
    # gitleaks' own repository lists its .gitleaks.toml in .gitignore; discovery must not go through
    # the walker's ignore rules, and the allowlisted paths hold for the structural detector too.
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "init", "-q", tmp], check=True)
        pathlib.Path(tmp, ".gitignore").write_text(".gitleaks.toml\n")
        pathlib.Path(tmp, ".gitleaks.toml").write_text(
            "[extend]\nuseDefault = true\n[allowlist]\npaths = ['''^testdata/''']\nstopwords = ['''quietword''']\n")
        pathlib.Path(tmp, "testdata").mkdir()
        pathlib.Path(tmp, "testdata", "settings.py").write_text(
            "DB_PASSWORD = \"Rk7#qLm2vW9x\"\nGITHUB = \"ghp_R8fK2mQ9vX4tL7wN1pZ6yB3cD5hJ0sA8eU2i\"\n")
        pathlib.Path(tmp, "app.py").write_text(
            "DB_PASSWORD = \"Rk7#qLm2vW9x\"\nSMTP_PASSWORD = \"quietword-Zp4!\"\n")
        result = run("scan", tmp, "--format", "json")
        expect_equal(findings(result), [("generic-password", "app.py", 1)])


@test
def documentation_and_examples_are_notes_that_do_not_fail_unless_strict():
    with tempfile.TemporaryDirectory() as tmp:
        pathlib.Path(tmp, "docs").mkdir()
        pathlib.Path(tmp, "docs", "setup.yml").write_text("db:\n  password: Rk7-qLm2vW9x\n")
        pathlib.Path(tmp, "api.examples.json").write_text('{"ClientSecret": "Zq8!mW3r#Kx2"}\n')
        pathlib.Path(tmp, ".pgpass").write_text("db:5432:*:app:VerySecretPassword\n")  # a store: weak values count
        result = run("scan", tmp, "--format", "json")
        expect_equal(result.returncode, 0)
        reported = json.loads(result.stdout)["findings"]
        expect_equal(sorted((f["path"], f["level"], f["properties"]["original_level"], f["properties"]["lowered"])
                            for f in reported),
                     [(".pgpass", "note", "error",
                       "the value reads as a documentation phrase (filler words around one credential word)"),
                      ("api.examples.json", "note", "error", "in an example or test file ('.examples.')"),
                      ("docs/setup.yml", "note", "error", "in a documentation, example or test directory ('docs/')")])
        strict = run("scan", tmp, "--format", "json", "--strict")
        expect_equal(strict.returncode, 1)
        expect_equal(sorted((f["path"], f["level"], "lowered" in f.get("properties", {}))
                            for f in json.loads(strict.stdout)["findings"]),
                     [(".pgpass", "error", False), ("api.examples.json", "error", False),
                      ("docs/setup.yml", "error", False)])


@test
def standard_input_is_scanned_under_the_given_name():
    result = run("scan", "-", "--stdin-filename", "pasted.env", "--format", "json",
                 stdin="X=1\nAWS_ACCESS_KEY_ID=AKIAZ4T7XQ2LWN3RBVKE\n")
    expect_equal(findings(result), [("aws-access-key-id", "pasted.env", 2)])
    too_large = run("scan", "-", "--max-file-size", "16", "--format", "json", "--verbose",
                    stdin="AWS_ACCESS_KEY_ID=AKIAZ4T7XQ2LWN3RBVKE\n")
    expect_equal((too_large.returncode, findings(too_large)), (0, []))
    expect_equal(json.loads(too_large.stdout)["summary"]["files_skipped"], 1)
    expect("keylint: skipped: <stdin>: larger than --max-file-size" in too_large.stderr, too_large.stderr)


@test
def standard_input_is_placed_by_content_or_named_as_unplaced():
    sniffed = run("scan", "-", "--format", "json", stdin="DB_HOST=db\nDB_PASSWORD=Qx7-vR2m-Lp9\n")
    expect_equal(findings(sniffed), [("generic-password", "<stdin>", 2)])
    expect_equal(sniffed.stderr, "")
    prose = run("scan", "-", "--format", "json", stdin="The password was rotated.\nAsk the team for it today.\n")
    expect_equal((prose.returncode, findings(prose)), (0, []))
    expect_equal(prose.stderr, "keylint: warning: <stdin>: its format is not recognised by name or content, so only "
                               "the provider-token rules ran; name it with --stdin-filename (e.g. settings.yml, .env) "
                               "to read its structure\n")
    with tempfile.TemporaryDirectory() as tmp:
        pathlib.Path(tmp, "notes.md").write_text("nothing\n")
        pathlib.Path(tmp, "config").write_text("[core]\nbare = false\n")
        verbose = run("scan", tmp, "--verbose")
        expect("keylint: 1 scanned file(s) of no format known by name or content got the provider-token rules only\n"
               in verbose.stderr, verbose.stderr)


@test
def symlinks_are_skipped_and_listed_with_verbose():
    with tempfile.TemporaryDirectory() as tmp:
        pathlib.Path(tmp, "real.txt").write_text("k = AKIAZ4T7XQ2LWN3RBVKE\n")
        os.symlink("real.txt", pathlib.Path(tmp, "link.txt"))
        os.symlink(".", pathlib.Path(tmp, "loop"))
        result = run("scan", tmp, "--format", "json", "--verbose")
        expect_equal(findings(result), [("aws-access-key-id", "real.txt", 1)])
        expect("keylint: skipped: link.txt: symbolic link" in result.stderr, result.stderr)
        followed = run("scan", tmp, "--format", "json", "--follow-symlinks")
        expect_equal(followed.returncode, 1)
        paths = [f[1] for f in findings(followed)]
        expect_equal(paths, ["link.txt", "real.txt"])


@test
def ignore_files_are_honoured_and_no_ignore_turns_them_off():
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / ".gitignore").write_text("generated/\n*.bak\n")
        (root / "generated").mkdir()
        (root / "generated" / "keys.txt").write_text("k = AKIAZ4T7XQ2LWN3RBVKE\n")
        (root / "old.bak").write_text("k = AKIAZ4T7XQ2LWN3RBVKE\n")
        (root / "src").mkdir()
        (root / "src" / ".keylintignore").write_text("fixtures.py\n")
        (root / "src" / "fixtures.py").write_text("k = AKIAZ4T7XQ2LWN3RBVKE\n")
        (root / "src" / "app.py").write_text("k = AKIAZ4T7XQ2LWN3RBVKE\n")
        result = run("scan", tmp, "--format", "json", "--verbose")
        expect_equal(findings(result), [("aws-access-key-id", "src/app.py", 1)])
        expect_equal(json.loads(result.stdout)["summary"]["files_skipped"], 3)
        expect("keylint: skipped: generated: directory ignored by .gitignore/.ignore/.keylintignore" in result.stderr,
               result.stderr)
        everything = run("scan", tmp, "--format", "json", "--no-ignore")
        expect_equal([f[1] for f in findings(everything)], ["generated/keys.txt", "old.bak", "src/app.py", "src/fixtures.py"])


@test
def help_documents_every_option():
    expected = {
        "scan": ["--config", "--max-file-size", "--no-ignore", "--follow-symlinks", "--threads", "--stdin-filename",
                 "--include-suppressed", "--show-secrets", "--format", "--output", "--color", "--quiet", "--verbose",
                 "--fail-on", "--exit-zero", "--help"],
        "policy": ["--checks", "--skip-checks", "--max-rotation-days", "--max-file-size", "--no-ignore", "--follow-symlinks", "--format", "--output", "--color", "--quiet", "--verbose",
                   "--fail-on", "--exit-zero", "--help"],
        "rules": ["--config", "--format", "list", "test"],
    }
    for command, options in expected.items():
        result = run(command, "--help")
        expect_equal(result.returncode, 0)
        missing = [option for option in options if option not in result.stdout]
        expect_equal((command, missing), (command, []))
        expect_equal(run("help", command).stdout, result.stdout)
    main_help = run("help")
    expect_equal(main_help.returncode, 0)
    for command in ("scan", "policy", "rules", "version", "help"):
        expect(f"  {command}" in main_help.stdout, command)
    expect_equal(run().returncode, 2)
    expect_equal(run("version").stdout.split()[0], "keylint")


# The per-principal path checks (escalation-*, credentials-*, data-access-*, exposure-*) have their
# own fixtures and exact-set test (run_escalation.py); here the statement and stack checks are read.
PATH_CHECKS = "escalation-*,credentials-*,data-access-*,exposure-*"

POLICY_FIXTURES = sorted([
    ("iam-full-admin", "cloudformation/app.yaml", 19),     # Action "*", Resource !Ref parameter defaulting to "*"
    ("iam-full-admin", "cloudformation/app.yaml", 35),     # Allow + NotAction on "*"
    ("iam-full-admin", "cloudformation/app.yaml", 41),     # Resource !ImportValue: unknown, a warning
    ("iam-full-admin", "cloudformation/secrets.json", 13),  # "*:*" and Fn::Join resolving to "*"
    ("iam-full-admin", "terraform/documents.tf", 18),      # data.aws_iam_policy_document referenced from iam.tf
    ("iam-full-admin", "terraform/iam.tf", 7),             # jsonencode
    ("iam-full-admin", "terraform/iam.tf", 22),            # heredoc JSON, Allow + NotAction
    ("iam-full-admin", "terraform/iam.tf", 31),            # Action = var.ci_actions: unknown, a warning
    ("iam-anyone-principal", "terraform/module/bucket.tf", 7),  # bucket policy: principals type "*"
    ("secret-policy-public-access-allowed", "cloudformation/secrets.json", 24),  # no BlockPublicPolicy
    # {"AWS": "*"}, no condition: the secret check supersedes iam-anyone-principal on the statement
    ("secret-policy-wildcard-principal", "cloudformation/secrets.json", 29),
])


@test
def policy_fixtures_in_cloudformation_and_terraform_give_exact_findings():
    # fixtures/policy/checks has its own exact-set test (run_policy_checks.py); paths are relative
    # to the folder given, so each folder runs alone and its name is put back in front.
    found, sarif_found, levels, stdout = [], [], {}, ""
    for folder in ("cloudformation", "terraform"):
        result = run("policy", str(SOURCE_ROOT / "fixtures" / "policy" / folder), "--format", "json",
                     "--skip-checks", PATH_CHECKS)
        expect_equal((folder, result.returncode, result.stderr), (folder, 1, ""))
        found += [(rule, f"{folder}/{path}", line) for rule, path, line in findings(result)]
        levels.update({(f"{folder}/{f['path']}", f["start_line"]): f["level"] for f in json.loads(result.stdout)["findings"]})
        stdout += result.stdout
        sarif = run("policy", str(SOURCE_ROOT / "fixtures" / "policy" / folder), "--format", "sarif",
                    "--skip-checks", PATH_CHECKS)
        sarif_found += [(rule, f"{folder}/{path}", line) for rule, path, line in sarif_findings(validate_sarif(sarif.stdout))]
    expect_equal(sorted(found), POLICY_FIXTURES)
    expect_equal(sorted(sarif_found), POLICY_FIXTURES)
    expect_equal(levels[("terraform/iam.tf", 31)], "warning")
    expect("Fn::ImportValue SharedResources" in stdout, stdout)


@test
def policy_checks_can_be_selected_and_skipped():
    folder = str(SOURCE_ROOT / "fixtures" / "policy" / "cloudformation")
    only = run("policy", folder, "--checks", "secret-*", "--format", "json")
    expect_equal(findings(only), [("secret-policy-public-access-allowed", "secrets.json", 24),
                                  ("secret-policy-wildcard-principal", "secrets.json", 29)])
    rules = [rule["id"] for rule in json.loads(run("policy", folder, "--checks", "secret-*", "--format", "sarif").stdout)
             ["runs"][0]["tool"]["driver"]["rules"]]
    expect(rules and all(rule.startswith("secret-") for rule in rules), rules)
    skipped = run("policy", folder, "--skip-checks", "iam-full-admin, secret-*," + PATH_CHECKS, "--format", "json")
    expect_equal(findings(skipped), [("iam-anyone-principal", "secrets.json", 29)])
    for option, value, message in (
            ("--checks", "iam-full-admn", "keylint: error: --checks: 'iam-full-admn' names no check (see keylint rules list)\n"),
            ("--skip-checks", "iam-*,", "keylint: error: --skip-checks: empty entry in 'iam-*,'\n")):
        failed = run("policy", folder, option, value)
        expect_equal((failed.returncode, failed.stderr), (2, message))


@test
def unparsable_policy_is_a_warning_and_the_audit_goes_on():
    with tempfile.TemporaryDirectory() as tmp:
        pathlib.Path(tmp, "broken.json").write_text('{"Statement": [\n')
        (pathlib.Path(tmp) / "admin.json").write_text(
            '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}\n')
        result = run("policy", tmp, "--format", "json")
        expect_equal(result.returncode, 1)
        expect_equal(findings(result), [("iam-full-admin", "admin.json", 1)])
        expect("keylint: warning: broken.json: invalid JSON: " in result.stderr, result.stderr)


@test
def rules_documentation_is_generated_from_the_rule_data():
    check = subprocess.run([sys.executable, str(SOURCE_ROOT / "scripts" / "rules_doc.py"), KEYLINT, "--check"],
                           capture_output=True, text=True)
    expect_equal((check.returncode, check.stderr), (0, ""))


def rule_pack_tests():
    """One TAP test per rule: the built-in rules against their own examples."""
    result = run("rules", "test")
    failures = {}
    for line in result.stdout.splitlines():
        if line.startswith("FAIL "):
            rule_id = line[5:].split(":", 1)[0]
            failures.setdefault(rule_id, []).append(line)
    listing = json.loads(run("rules", "list", "--format", "json").stdout)
    outcomes = []
    for rule in listing:
        if rule["kind"] != "secret":
            continue
        outcomes.append((f"rule {rule['id']} matches its examples and not its negative examples",
                         "\n".join(failures.get(rule["id"], []))))
    return outcomes


if __name__ == "__main__":
    sys.exit(run_tests(rule_pack_tests))
