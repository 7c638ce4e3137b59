#!/usr/bin/env python3
"""Hostile inputs: each test builds a strange tree in a temporary directory, runs the built keylint
binary on it and checks exact behaviour: no crash (exit 0, 1 or 2, never a signal), no hang (a
generous time bound per run, not a speed test), a diagnostic naming the file, SARIF
`toolExecutionNotifications` listing what was skipped, the planted secret still found where the
file is readable, and no raw secret in any output without --show-secrets. Prints TAP.

usage: run_hostile.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import codecs
import json
import os
import pathlib
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import threading

import jsonschema

from tap import comments, expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
SCHEMA = json.loads(SCHEMA_PATH.read_text())
AWS_KEY = "AKIAZ4T7XQ2LWN3RBVKE"
AWS_KEY_2 = "AKIA2MXPN7QR4TZLWV6J"
PASSWORD = "Tr4il-Mix-Oct0ber"
SECRETS = [AWS_KEY, AWS_KEY_2, PASSWORD]
HANG_BOUND = 300  # seconds per run: a hang bound, not a speed assertion
IS_ROOT = os.geteuid() == 0



def run(*args, cwd=None, timeout=HANG_BOUND):
    """Runs keylint; returns (returncode, stdout, stderr) with outputs decoded as UTF-8 (strictly:
    every report must be valid UTF-8). Checks that it exited normally and leaked no secret."""
    environment = dict(os.environ)
    environment.pop("KEYLINT_CONFIG", None)
    result = subprocess.run([KEYLINT, *args], capture_output=True, cwd=cwd, timeout=timeout, env=environment)
    expect(result.returncode in (0, 1, 2), f"keylint {' '.join(map(str, args))} died: exit {result.returncode}\n"
                                           f"{result.stderr.decode('utf-8', 'replace')[-2000:]}")
    # The text report and messages print file names as they are; JSON and SARIF must be UTF-8
    # (scan_json and scan_sarif encode them back strictly).
    stdout, stderr = result.stdout.decode("utf-8", "surrogateescape"), result.stderr.decode("utf-8", "surrogateescape")
    if "--show-secrets" not in args:
        for secret in SECRETS:
            expect(secret not in stdout and secret not in stderr, f"raw secret {secret} in the output of {args}")
    return result.returncode, stdout, stderr


def scan_json(root, *args):
    code, stdout, stderr = run("scan", str(root), "--format", "json", *args)
    return code, json.loads(stdout.encode("utf-8")), stderr


def scan_sarif(root, *args):
    code, stdout, stderr = run("scan", str(root), "--format", "sarif", *args)
    document = json.loads(stdout.encode("utf-8"))
    jsonschema.validate(document, SCHEMA)
    return code, document, stderr


def findings(report):
    return sorted((f["rule_id"], f["path"], f["start_line"]) for f in report["findings"])


def diagnostics(report):
    return sorted((d["kind"], d["path"], d["message"]) for d in report["diagnostics"])


def notifications(document):
    invocation = document["runs"][0]["invocations"][0]
    listed = []
    for notification in invocation.get("toolExecutionNotifications", []):
        uri = notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] if "locations" in notification else ""
        listed.append((notification["level"], uri, notification["message"]["text"]))
    return sorted(listed)




class Tree:
    """A temporary directory; files are written as bytes."""

    def __enter__(self):
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="keylint-hostile-"))
        return self

    def __exit__(self, *exc):
        for directory, subdirectories, _ in os.walk(self.root):
            for name in subdirectories:
                path = os.path.join(directory, name)
                if not os.path.islink(path):
                    os.chmod(path, 0o755)
        shutil.rmtree(self.root, ignore_errors=True)

    def write(self, name, data):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path


ENV_LINE = f"AWS_ACCESS_KEY_ID={AWS_KEY}\n"


@test
def binary_file_with_an_embedded_secret_is_skipped_and_reported():
    with Tree() as tree:
        tree.write("blob.bin", b"\x7fELF\x00\x01\x02" + f"key={AWS_KEY}".encode() + b"\x00" * 64)
        tree.write("app.env", ENV_LINE)
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "app.env", 1)])
        expect_equal(diagnostics(report), [("skipped", "blob.bin", "binary file")])
        code, document, _ = scan_sarif(tree.root)
        expect_equal(notifications(document), [("note", "blob.bin", "skipped: binary file")])
        code, text, stderr = run("scan", str(tree.root), "--verbose")
        expect("blob.bin" in stderr and "binary file" in stderr, stderr)


@test
def invalid_utf8_text_is_scanned_and_its_secret_found():
    with Tree() as tree:
        tree.write("latin1.env", b"# caf\xe9 \xff\xfe\xc3\x28 broken\n" + ENV_LINE.encode() + b"NOTE=\xe9t\xe9\n")
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "latin1.env", 2)])
        expect_equal(diagnostics(report), [])


@test
def utf16le_text_with_a_byte_order_mark_is_decoded_and_its_secret_found():
    with Tree() as tree:
        tree.write("windows.env", ("\ufeff# exported\r\n" + ENV_LINE.replace("\n", "\r\n")).encode("utf-16-le"))
        tree.write("big-endian.env", ("\ufeff" + f"AWS_ACCESS_KEY_ID={AWS_KEY_2}\n").encode("utf-16-be"))
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "big-endian.env", 1),
                                        ("aws-access-key-id", "windows.env", 2)])
        expect_equal(diagnostics(report), [])


@test
def utf16_text_without_a_byte_order_mark_is_skipped_as_binary():
    with Tree() as tree:
        tree.write("no-bom.env", ENV_LINE.encode("utf-16-le"))
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 0)
        expect_equal(findings(report), [])
        expect_equal(diagnostics(report), [("skipped", "no-bom.env", "binary file")])
        _, document, _ = scan_sarif(tree.root)
        expect_equal(notifications(document), [("note", "no-bom.env", "skipped: binary file")])


def peak_memory_of(*args):
    """Runs keylint in a child Python process and returns (exit code, stdout, peak RSS in MiB)
    from resource.getrusage(RUSAGE_CHILDREN) there, so no other run's peak counts."""
    probe = ("import resource, subprocess, sys, json\n"
             "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
             "print(json.dumps([r.returncode, r.stdout.decode('utf-8'), r.stderr.decode('utf-8'),"
             " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n")
    result = subprocess.run([sys.executable, "-c", probe, KEYLINT, *args], capture_output=True, text=True,
                            timeout=HANG_BOUND, check=True)
    code, stdout, stderr, max_rss_kib = json.loads(result.stdout)
    expect(code in (0, 1, 2), f"keylint died: exit {code}\n{stderr[-2000:]}")
    for secret in SECRETS:
        expect(secret not in stdout and secret not in stderr, f"raw secret {secret} in the output")
    return code, stdout, max_rss_kib / 1024


@test
def a_200_mb_single_line_file_is_skipped_by_default_and_scanned_in_bounded_memory_when_allowed():
    size = 200 * 1024 * 1024
    with Tree() as tree:
        filler = b"x=1;y=2;z=3;w=4;" * 4096  # 64 KiB
        with open(tree.root / "huge.js", "wb") as out:
            out.write(f'var id="{AWS_KEY}";'.encode())
            written = len(f'var id="{AWS_KEY}";')
            while written + len(filler) <= size - 40:
                out.write(filler)
                written += len(filler)
            tail = f'var id2="{AWS_KEY_2}";'.encode()
            out.write(b";" * (size - written - len(tail)) + tail)
        expect_equal((tree.root / "huge.js").stat().st_size, size)
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 0)
        expect_equal(diagnostics(report), [("skipped", "huge.js", f"larger than --max-file-size ({size} bytes)")])
        _, document, _ = scan_sarif(tree.root)
        expect_equal(notifications(document),
                     [("note", "huge.js", f"skipped: larger than --max-file-size ({size} bytes)")])
        code, stdout, peak_mib = peak_memory_of("scan", str(tree.root), "--format", "json", "--max-file-size", "300M")
        comments.append(f"peak memory scanning the 200 MB single-line file: {peak_mib:.0f} MiB")
        expect_equal(code, 1)
        report = json.loads(stdout)
        expect_equal(findings(report), [("aws-access-key-id", "huge.js", 1), ("aws-access-key-id", "huge.js", 1)])
        expect_equal(diagnostics(report), [])
        expect(peak_mib < 1024, f"peak memory {peak_mib:.0f} MiB")


@test
def minified_javascript_with_secrets_on_one_line():
    with Tree() as tree:
        chunk = "function a(b){return b.map(function(c){return c*2})}var d=[1,2,3];"
        body = chunk * 5000 + f'var cfg={{region:"eu",accessKeyId:"{AWS_KEY}",password:"{PASSWORD}"}};' + chunk * 5000
        tree.write("bundle.min.js", body)
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "bundle.min.js", 1), ("generic-password", "bundle.min.js", 1)])
        expect_equal(diagnostics(report), [])


DEPTH = 100_000


@test
def json_nested_100000_deep():
    with Tree() as tree:
        tree.write("deep.json", '{"password": "' + PASSWORD + '", "aws": "' + AWS_KEY + '", "deep": '
                   + "[" * DEPTH + "]" * DEPTH + "}\n")
        tree.write("deep-objects.json", '{"a":' * DEPTH + "1" + "}" * DEPTH + "\n")
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "deep.json", 1), ("generic-password", "deep.json", 1)])
        expect_equal(diagnostics(report), [])


@test
def yaml_nested_100000_deep():
    with Tree() as tree:
        tree.write("deep.yaml", f"password: {PASSWORD}\naws: {AWS_KEY}\ndeep: " + "[" * DEPTH + "]" * DEPTH + "\n")
        tree.write("deep-maps.yaml", "a: " + "{b: " * DEPTH + "1" + "}" * DEPTH + "\n")
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "deep.yaml", 2), ("generic-password", "deep.yaml", 1)])
        expect_equal(diagnostics(report), [])


@test
def yaml_anchors_that_expand_exponentially_are_not_expanded():
    with Tree() as tree:
        lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        for level in range(1, 30):
            previous = f"*a{level - 1}"
            lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
        lines.append(f"db_password: {PASSWORD}")
        lines.append(f"aws_key: {AWS_KEY}")
        tree.write("laughs.yaml", "\n".join(lines) + "\n")
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "laughs.yaml", 32), ("generic-password", "laughs.yaml", 31)])
        expect_equal(diagnostics(report), [])


@test
def hcl_with_an_unterminated_heredoc():
    with Tree() as tree:
        tree.write("main.tf", f'variable "x" {{\n  default = "{AWS_KEY}"\n}}\n'
                              f'resource "db" "main" {{\n  password = "{PASSWORD}"\n  script = <<EOT\n'
                              + "echo never ends\n" * 1000)
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "main.tf", 2), ("generic-password", "main.tf", 5)])
        expect_equal(diagnostics(report), [])


@test
def a_gitignore_line_of_stars_does_not_hang_the_walk():
    with Tree() as tree:
        tree.write(".gitignore", "/" + "*" * 40 + "x\n" + "*a" * 30 + "b\n")
        tree.write("a" * 60 + "/" + "Y" * 60 + ".env", ENV_LINE)
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "a" * 60 + "/" + "Y" * 60 + ".env", 1)])


@test
def symlink_loops_and_links_outside_the_root_are_not_followed_by_default():
    with Tree() as outside, Tree() as tree:
        outside.write("leak.env", f"AWS_ACCESS_KEY_ID={AWS_KEY_2}\n")
        tree.write("app/app.env", ENV_LINE)
        os.symlink("..", tree.root / "app" / "loop")
        os.symlink(tree.root / "app", tree.root / "app" / "self")
        os.symlink(outside.root / "leak.env", tree.root / "outside.env")
        os.symlink(outside.root, tree.root / "outside-dir")
        os.symlink("missing-target", tree.root / "dangling.env")
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "app/app.env", 1)])
        expect_equal([(kind, path) for kind, path, _ in diagnostics(report)],
                     [("skipped", "app/loop"), ("skipped", "app/self"), ("skipped", "dangling.env"),
                      ("skipped", "outside-dir"), ("skipped", "outside.env")])
        expect(all("symbolic link" in message for _, _, message in diagnostics(report)), diagnostics(report))
        _, document, _ = scan_sarif(tree.root)
        expect_equal([uri for _, uri, _ in notifications(document)],
                     ["app/loop", "app/self", "dangling.env", "outside-dir", "outside.env"])


@test
def symlink_loops_terminate_with_follow_symlinks():
    with Tree() as tree:
        tree.write("app/app.env", ENV_LINE)
        os.symlink("..", tree.root / "app" / "loop")
        os.symlink(tree.root / "app", tree.root / "app" / "self")
        code, report, _ = scan_json(tree.root, "--follow-symlinks")
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "app/app.env", 1)])


@test
def unreadable_file_and_directory():
    with Tree() as tree:
        tree.write("ok.env", ENV_LINE)
        secret_file = tree.write("locked.env", f"AWS_ACCESS_KEY_ID={AWS_KEY_2}\n")
        tree.write("locked-dir/inner.env", f"password={PASSWORD}\n")
        os.chmod(secret_file, 0)
        os.chmod(tree.root / "locked-dir", 0)
        code, report, _ = scan_json(tree.root)
        _, document, _ = scan_sarif(tree.root)
        if IS_ROOT:
            # root reads through mode 000: everything is scanned, nothing is reported unreadable.
            comments.append("running as root: chmod 000 does not stop reads; asserting that everything is scanned")
            expect_equal(code, 1)
            expect_equal(findings(report), [("aws-access-key-id", "locked.env", 1), ("aws-access-key-id", "ok.env", 1),
                                            ("generic-password", "locked-dir/inner.env", 1)])
            expect_equal(diagnostics(report), [])
            expect_equal(notifications(document), [])
        else:
            expect_equal(code, 1)
            expect_equal(findings(report), [("aws-access-key-id", "ok.env", 1)])
            expect_equal(diagnostics(report),
                         [("unreadable", "locked-dir", "cannot list directory: Permission denied"),
                          ("unreadable", "locked.env", "cannot open: Permission denied")])
            expect_equal(notifications(document),
                         [("warning", "locked-dir", "unreadable: cannot list directory: Permission denied"),
                          ("warning", "locked.env", "unreadable: cannot open: Permission denied")])


@test
def file_names_with_a_newline_and_invalid_utf8_are_escaped():
    with Tree() as tree:
        tree.write("new\nline.env", ENV_LINE)
        with open(os.path.join(os.fsencode(tree.root), b"bad\xff\xfename.env"), "wb") as out:
            out.write(f"AWS_ACCESS_KEY_ID={AWS_KEY_2}\n".encode())
        code, report, _ = scan_json(tree.root)
        expect_equal(code, 1)
        expect_equal(findings(report), [("aws-access-key-id", "bad\ufffd\ufffdname.env", 1),
                                        ("aws-access-key-id", "new\nline.env", 1)])
        code, document, _ = scan_sarif(tree.root)
        uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                      for r in document["runs"][0]["results"])
        expect_equal(uris, ["bad%FF%FEname.env", "new%0Aline.env"])
        code, text, _ = run("scan", str(tree.root))
        expect_equal(code, 1)
        expect("new\nline.env" not in text, text)


def rule_file(tree, rule_id, regex):
    return tree.write("rules.toml", f"[[rules]]\nid = \"{rule_id}\"\ndescription = \"hostile\"\n"
                                    f"regex = '''{regex}'''\nkeywords = [\"akia\"]\n")


@test
def a_rule_whose_regex_re2_rejects_stops_the_run_naming_the_rule_and_file():
    with Tree() as tree:
        tree.write("src/app.env", ENV_LINE)
        config = rule_file(tree, "lookbehind-rule", "(?<=AKIA)[A-Z0-9]{16}")
        code, stdout, stderr = run("scan", str(tree.root / "src"), "--config", str(config))
        expect_equal((code, stdout), (2, ""))
        expect_equal(stderr, f"keylint: configuration error: {config}: rule 'lookbehind-rule': invalid regex in 'regex': "
                             "invalid perl operator: (?<\n")


@test
def a_rule_whose_regex_exceeds_the_memory_budget_stops_the_run():
    with Tree() as tree:
        tree.write("src/app.env", ENV_LINE)
        config = rule_file(tree, "huge-rule", r"\pL{1000}\pL{1000}\pL{1000}\pL{1000}\pL{1000}")
        code, stdout, stderr = run("scan", str(tree.root / "src"), "--config", str(config))
        expect_equal((code, stdout), (2, ""))
        expect_equal(stderr, f"keylint: configuration error: {config}: rule 'huge-rule': invalid regex in 'regex': "
                             "pattern too large - compile failed\n")


@test
def an_empty_directory_and_an_empty_repository():
    with Tree() as tree:
        (tree.root / "empty").mkdir()
        code, report, _ = scan_json(tree.root / "empty")
        expect_equal((code, findings(report), diagnostics(report), report["summary"]["files_scanned"]), (0, [], [], 0))
        _, document, _ = scan_sarif(tree.root / "empty")
        expect_equal((document["runs"][0]["results"], notifications(document)), ([], []))
        repository = tree.root / "repo"
        repository.mkdir()
        subprocess.run(["git", "init", "-q", str(repository)], check=True)
        code, report, _ = scan_json(repository)
        expect_equal((code, findings(report), diagnostics(report)), (0, [], []))
        for mode in (["--git-history"], ["--staged"]):
            code, stdout, _ = run("scan", *mode, "--format", "json", cwd=repository)
            report = json.loads(stdout)
            expect_equal((mode, code, findings(report), diagnostics(report)), (mode, 0, [], []))


@test
def policy_on_broken_json_warns_and_goes_on():
    with Tree() as tree:
        tree.write("policies/broken.json", '{"Version": "2012-10-17", "Statement": [')
        tree.write("policies/admin.json", '{"Version": "2012-10-17", "Statement": '
                                          '[{"Effect": "Allow", "Action": "*", "Resource": "*"}]}')
        code, stdout, _ = run("policy", str(tree.root / "policies"), "--format", "json")
        report = json.loads(stdout)
        expect_equal(code, 1)
        expect_equal(findings(report), [("iam-full-admin", "admin.json", 1)])
        expect_equal(diagnostics(report), [("warning", "broken.json", "invalid JSON: syntax error at line 1, column 1")])
        code, stdout, _ = run("policy", str(tree.root / "policies"), "--format", "sarif")
        document = json.loads(stdout)
        jsonschema.validate(document, SCHEMA)
        expect_equal(notifications(document), [("warning", "broken.json", "invalid JSON: syntax error at line 1, column 1")])
        broken = tree.root / "policies" / "broken.json"
        code, stdout, stderr = run("policy", str(broken))
        expect_equal(code, 0)
        expect_equal(stderr, f"keylint: warning: {broken}: invalid JSON: syntax error at line 1, column 1\n")


@test
def show_secrets_is_the_only_way_to_see_a_raw_secret():
    with Tree() as tree:
        tree.write("app.env", ENV_LINE + f"DB_PASSWORD={PASSWORD}\n")
        for output_format in ("text", "json", "sarif"):
            code, stdout, stderr = run("scan", str(tree.root), "--format", output_format, "--verbose")
            expect_equal(code, 1)
        code, stdout, _ = run("scan", str(tree.root), "--format", "json", "--show-secrets")
        expect(AWS_KEY in stdout and PASSWORD in stdout, stdout)
        code, _, stderr = run("baseline", "create", str(tree.root))
        expect_equal(code, 0)
        baseline = (tree.root / ".keylint-baseline.json").read_text()
        expect(len(json.loads(baseline)["entries"]) == 2, baseline)
        for secret in SECRETS:
            expect(secret not in baseline, f"raw secret {secret} in the baseline file")
        code, report, _ = scan_json(tree.root, "--verbose")
        expect_equal((code, report["summary"]["baselined"]), (0, 2))


# --- What keylint touches: every run below is traced with strace (all processes and threads) on
# a tree full of bait: programs named like the tools keylint or git might run (git, rg, keylint)
# in the tree and in relative PATH entries, a shared library, files named like keylint's own
# configuration, git hooks and an fsmonitor command. Each bait program leaves a mark in a
# directory outside the tree if it ever runs.

TRACED_CALLS = ("openat,open,creat,execve,execveat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,rmdir,"
                "link,linkat,symlink,symlinkat,truncate,mmap")
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
CALL = re.compile(r"^(\w+)\((.*)\) += (-?\d+|\?)")


def system_git():
    """The git on the absolute PATH entries, as keylint must find it."""
    absolute = os.pathsep.join(e for e in os.environ.get("PATH", "").split(os.pathsep) if e.startswith("/"))
    return os.path.realpath(shutil.which("git", path=absolute))


def unquote(text):
    return codecs.escape_decode(text.encode("utf-8", "surrogateescape"))[0].decode("utf-8", "surrogateescape")


class Trace:
    """The system calls of one traced run: per process or thread, (call, arguments, result, quoted
    strings, path of the first file descriptor printed with -y)."""

    def __init__(self, directory, cwd):
        self.calls = {}
        for path in sorted(pathlib.Path(directory).glob("trace.*")):
            pid = int(path.suffix[1:])
            calls = []
            for line in path.read_text("utf-8", "surrogateescape").splitlines():
                match = CALL.match(line)
                if match:
                    name, arguments, result = match.groups()
                    strings = [unquote(s) for s in QUOTED.findall(arguments)]
                    calls.append((name, arguments, result, strings))
            self.calls[pid] = calls
        self.cwd = cwd

    def absolute(self, path):
        return os.path.normpath(os.path.join(self.cwd, path))

    def programs(self):
        """Every program any process tried to execute, with the result."""
        return [(self.absolute(strings[0]), result) for calls in self.calls.values()
                for name, _, result, strings in calls if name.startswith("execve")]

    def keylint_pids(self):
        """keylint's process and threads: everything that never ran another program."""
        return [pid for pid, calls in self.calls.items()
                if all(not name.startswith("execve") or os.path.realpath(self.absolute(strings[0])) == os.path.realpath(KEYLINT)
                       for name, _, _, strings in calls)]

    def of(self, pids, *names):
        return [(name, arguments, result, strings) for pid in pids for name, arguments, result, strings in self.calls[pid]
                if name in names]


def traced(args, cwd, path_variable=None):
    """Runs keylint ARGS under strace in CWD; returns (exit code, stdout, stderr, Trace)."""
    expect(shutil.which("strace") is not None, "strace is not installed (scripts/setup installs it)")
    environment = dict(os.environ)
    environment.pop("KEYLINT_CONFIG", None)
    # LeakSanitizer cannot work under ptrace; the untraced runs keep checking leaks.
    environment["ASAN_OPTIONS"] = environment.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    if path_variable is not None:
        environment["PATH"] = path_variable
    trace_directory = tempfile.mkdtemp(prefix="keylint-trace-")
    try:
        command = ["strace", "-f", "-ff", "-qq", "-y", "-s", "65535", "-e", f"trace={TRACED_CALLS}",
                   "-o", os.path.join(trace_directory, "trace"), KEYLINT, *args]
        result = subprocess.run(command, capture_output=True, cwd=cwd, env=environment, timeout=HANG_BOUND)
        trace = Trace(trace_directory, str(cwd))
    finally:
        shutil.rmtree(trace_directory, ignore_errors=True)
    stdout, stderr = result.stdout.decode("utf-8", "surrogateescape"), result.stderr.decode("utf-8", "surrogateescape")
    expect(result.returncode in (0, 1, 2), f"keylint {args} under strace: exit {result.returncode}\n{stderr[-2000:]}")
    expect(trace.calls, f"strace recorded nothing: {stderr[-2000:]}")
    return result.returncode, stdout, stderr, trace


def plant_bait(tree, marks):
    """Bait programs that write MARKS/NAME when run, and files named like keylint's own."""
    program = f"#!/bin/sh\necho \"$0 $*\" > {marks}/$(basename \"$0\")-$$\nexit 0\n"
    for name in ("git", "rg", "keylint", "bin/git", "bin/rg", "tools/git"):
        tree.write(name, program).chmod(0o755)
    tree.write("libkeylint.so", b"\x7fELF\x02\x01\x01" + b"\x00" * 57)
    tree.write("lib/libre2.so.9", b"\x7fELF\x02\x01\x01" + b"\x00" * 57)
    tree.write(".keylint.toml", "[extend]\nuseDefault = true\n")
    tree.write(".gitleaks.toml", "[extend]\nuseDefault = true\n")
    tree.write(".keylintignore", "ignored/\n")
    tree.write(".keylint-baseline.json", '{"keylint_baseline": 1, "salt": "00ff", "entries": []}\n')
    tree.write("app.env", ENV_LINE)
    return program


# PATH as a careless user might have it: relative entries ("", ".", "bin") before the system's.
def hostile_path():
    return os.pathsep.join(["", ".", "bin", "tools", os.environ.get("PATH", "/usr/bin:/bin")])


def expect_inside_nothing_but_reads(trace, tree_root):
    """No process opened anything in the tree for writing, created, renamed or removed anything
    there, or mapped a file from it as code."""
    root = os.path.realpath(tree_root) + os.sep
    all_pids = list(trace.calls)
    for name, arguments, result, strings in trace.of(all_pids, "openat", "open", "creat"):
        if strings and trace.absolute(strings[0]).startswith(root):
            expect(name != "creat" and not any(flag in arguments for flag in WRITE_FLAGS),
                   f"opened in the scanned tree for writing: {name}({arguments})")
    for name, arguments, _, strings in trace.of(all_pids, "rename", "renameat", "renameat2", "unlink", "unlinkat",
                                                "mkdir", "mkdirat", "rmdir", "link", "linkat", "symlink",
                                                "symlinkat", "truncate"):
        expect(not any(trace.absolute(s).startswith(root) for s in strings),
               f"changed the scanned tree: {name}({arguments})")
    for name, arguments, _, _ in trace.of(all_pids, "mmap"):
        mapped = re.search(r"\d+<(/[^>]*)>", arguments)
        if mapped and "PROT_EXEC" in arguments:
            expect(not mapped.group(1).startswith(root), f"mapped code from the scanned tree: mmap({arguments})")


def expect_output_written_atomically(trace, output):
    """keylint's only write: a new temporary beside OUTPUT (O_CREAT|O_EXCL), renamed onto it."""
    pids = trace.keylint_pids()
    directory, name = os.path.dirname(output), os.path.basename(output)
    temporary = re.compile(re.escape(os.path.join(directory, "." + name + ".")) + r"[A-Za-z0-9]{6}\.keylint-tmp$")
    temporaries = []
    for call, arguments, result, strings in trace.of(pids, "openat", "open", "creat"):
        if call == "creat" or any(flag in arguments for flag in WRITE_FLAGS):
            path = trace.absolute(strings[0])
            expect(temporary.match(path), f"keylint opened for writing something other than its temporary: {call}({arguments})")
            expect("O_CREAT" in arguments and "O_EXCL" in arguments, f"temporary not created exclusively: {arguments}")
            temporaries.append(path)
    renames = [tuple(trace.absolute(s) for s in strings)
               for _, _, result, strings in trace.of(pids, "rename", "renameat", "renameat2") if result == "0"]
    expect_equal(len(temporaries), 1, "temporaries opened for writing")
    expect_equal(renames, [(temporaries[0], output)])
    expect_equal(trace.of(pids, "unlink", "unlinkat", "mkdir", "mkdirat", "rmdir", "link", "linkat", "symlink",
                          "symlinkat", "truncate", "creat"), [])
    expect_equal(sorted(os.listdir(directory)), [name])


def expect_no_mark(marks):
    expect_equal(sorted(os.listdir(marks)), [], "a bait program ran")


@test
def scan_writes_only_its_output_file_and_runs_nothing_from_the_scanned_tree():
    with Tree() as tree, Tree() as outside:
        marks, out = outside.root / "marks", outside.root / "out"
        marks.mkdir()
        out.mkdir()
        plant_bait(tree, marks)
        tree.write(".git/hooks/pre-commit", "#!/bin/sh\ntouch " + str(marks) + "/hook\n").chmod(0o755)
        output = str(out / "report.json")
        code, _, stderr, trace = traced(["scan", ".", "--format", "json", "--output", output], tree.root, hostile_path())
        expect_equal(code, 1, stderr)
        report = json.loads(pathlib.Path(output).read_text())
        expect_equal(findings(report), [("aws-access-key-id", "app.env", 1)])
        expect_equal(trace.programs(), [(KEYLINT, "0")])
        expect_inside_nothing_but_reads(trace, tree.root)
        expect_output_written_atomically(trace, output)
        expect_no_mark(marks)


@test
def policy_writes_only_its_output_file_and_runs_nothing_from_the_scanned_tree():
    with Tree() as tree, Tree() as outside:
        marks, out = outside.root / "marks", outside.root / "out"
        marks.mkdir()
        out.mkdir()
        plant_bait(tree, marks)
        tree.write("policies/admin.json", '{"Version": "2012-10-17", "Statement": '
                                          '[{"Effect": "Allow", "Action": "*", "Resource": "*"}]}')
        output = str(out / "policy.sarif")
        code, _, stderr, trace = traced(["policy", ".", "--format", "sarif", "--output", output], tree.root,
                                        hostile_path())
        expect_equal(code, 1, stderr)
        document = json.loads(pathlib.Path(output).read_text())
        jsonschema.validate(document, SCHEMA)
        expect_equal([r["ruleId"] for r in document["runs"][0]["results"]], ["iam-full-admin"])
        expect_equal(trace.programs(), [(KEYLINT, "0")])
        expect_inside_nothing_but_reads(trace, tree.root)
        expect_output_written_atomically(trace, output)
        expect_no_mark(marks)


@test
def staged_mode_runs_only_the_system_git_and_no_hook_or_fsmonitor_of_the_repository():
    with Tree() as tree, Tree() as outside:
        marks, out = outside.root / "marks", outside.root / "out"
        marks.mkdir()
        out.mkdir()
        repository = tree.root
        git = ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@example.com"]
        subprocess.run(["git", "init", "-q", str(repository)], check=True)
        bait = plant_bait(tree, marks)
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", "bait"], check=True)
        tree.write("deploy.env", f"AWS_ACCESS_KEY_ID={AWS_KEY_2}\n")
        subprocess.run([*git, "add", "deploy.env"], check=True)
        # Only now the hooks and the repository configuration that would run programs.
        for hook in ("pre-commit", "post-index-change", "reference-transaction", "post-checkout", "pre-auto-gc"):
            tree.write(f".git/hooks/{hook}", bait).chmod(0o755)
        tree.write("githooks/pre-commit", bait).chmod(0o755)
        fsmonitor = tree.write("fsmonitor", bait)
        fsmonitor.chmod(0o755)
        tree.write(".gitattributes", "* filter=bait diff=bait\n")
        for key, value in (("core.fsmonitor", str(fsmonitor)), ("core.hooksPath", "githooks"),
                           ("core.pager", str(fsmonitor)), ("diff.external", str(fsmonitor)),
                           ("filter.bait.clean", str(fsmonitor)), ("filter.bait.smudge", str(fsmonitor)),
                           ("filter.bait.process", str(fsmonitor)), ("diff.bait.textconv", str(fsmonitor)),
                           ("diff.bait.command", str(fsmonitor)), ("core.sshCommand", str(fsmonitor))):
            subprocess.run([*git, "config", key, value], check=True)
        output = str(out / "staged.sarif")
        code, _, stderr, trace = traced(["scan", "--staged", "--format", "sarif", "--output", output], repository,
                                        hostile_path())
        expect_equal(code, 1, stderr)
        document = json.loads(pathlib.Path(output).read_text())
        jsonschema.validate(document, SCHEMA)
        expect_equal([(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                      for r in document["runs"][0]["results"]], [("aws-access-key-id", "deploy.env")])
        programs = trace.programs()
        expect_equal(programs[0], (KEYLINT, "0"))
        expect(len(programs) > 1, "no git ran")
        expect_equal(sorted(set(programs[1:])), [(system_git(), "0")])
        expect_inside_nothing_but_reads(trace, repository)
        expect_output_written_atomically(trace, output)
        expect_no_mark(marks)


@test
def a_symlink_planted_at_the_old_temporary_name_is_left_alone():
    # Reports and baselines were once written through the fixed name `.NAME.keylint-tmp`,
    # following a symbolic link there: a scanned repository could aim the write anywhere.
    with Tree() as tree, Tree() as outside:
        victim = outside.write("victim.txt", "untouched\n")
        tree.write("app.env", ENV_LINE)
        for name in (".report.json.keylint-tmp", "..keylint-baseline.json.keylint-tmp"):
            os.symlink(victim, tree.root / name)
        code, _, _ = run("scan", str(tree.root), "--format", "json", "--output", str(tree.root / "report.json"))
        expect_equal(code, 1)
        expect_equal(findings(json.loads((tree.root / "report.json").read_text())), [("aws-access-key-id", "app.env", 1)])
        code, _, _ = run("baseline", "create", str(tree.root))
        expect_equal(code, 0)
        expect(json.loads((tree.root / ".keylint-baseline.json").read_text())["entries"], "empty baseline")
        expect_equal(victim.read_text(), "untouched\n")
        expect_equal(sorted(p.name for p in tree.root.iterdir()),
                     ["..keylint-baseline.json.keylint-tmp", ".keylint-baseline.json", ".report.json.keylint-tmp",
                      "app.env", "report.json"])
        mode = (tree.root / "report.json").stat().st_mode & 0o777
        umask = os.umask(0)
        os.umask(umask)
        expect_equal(oct(mode), oct(0o666 & ~umask))



@test
def count_for_each_and_dynamic_block_expansion_is_bounded_per_module():
    # 300 policies over a 256-item variable would be 76,800 instances; past 4,096 in a module the
    # rest are audited as written.
    items = "\n".join(f'    k{i} = "v{i}"' for i in range(256))
    policies = "".join(
        f'resource "aws_iam_policy" "p{i}" {{\n  for_each = var.big\n  name = "p-${{each.key}}"\n'
        f'  policy = jsonencode({{ Statement = [{{ Effect = "Allow", Action = "*", Resource = "*" }}] }})\n}}\n'
        for i in range(300))
    with Tree() as tree:
        tree.write("main.tf", f'variable "big" {{\n  default = {{\n{items}\n  }}\n}}\n{policies}')
        code, stdout, peak_mib = peak_memory_of("policy", str(tree.root), "--format", "json", "--checks", "iam-full-admin")
        comments.append(f"peak memory on 300 resources x 256 instances: {peak_mib:.0f} MiB")
        expect_equal(code, 1)
        report = json.loads(stdout)
        # One finding per policy block: the instances of a block report the same statement once.
        expect_equal(len(findings(report)), 300)
        expect(peak_mib < 1024, f"peak memory {peak_mib:.0f} MiB")
    # Dynamic blocks six deep, 256 items each, 50 times: 256^6 blocks if written out in full.
    items = ", ".join(f'"r{i}"' for i in range(256))
    body = "content { x = 1 }"
    for level in range(6):
        body = f'dynamic "b{level}" {{\n for_each = toset([{items}])\n content {{\n {body}\n }}\n}}'
    with Tree() as tree:
        tree.write("main.tf", 'resource "aws_secretsmanager_secret" "s" {\n' + "\n".join([body] * 50) + "\n}\n")
        code, stdout, peak_mib = peak_memory_of("policy", str(tree.root), "--format", "json")
        comments.append(f"peak memory on dynamic blocks six deep: {peak_mib:.0f} MiB")
        expect_equal(code, 1)
        expect_equal(sorted({f[0] for f in findings(json.loads(stdout))}),
                     ["secret-aws-managed-key", "secret-no-rotation", "secret-untagged"])
        expect(peak_mib < 1024, f"peak memory {peak_mib:.0f} MiB")


@test
def an_output_that_is_a_fifo_or_a_symlink_is_written_through_not_replaced():
    # Renaming over the target once replaced /dev/null (as root) and /dev/stdout with a plain file.
    with Tree() as tree, Tree() as outside:
        tree.write("app.env", ENV_LINE)
        fifo = outside.root / "report.fifo"
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        code, _, _ = run("scan", str(tree.root), "--format", "json", "--output", str(fifo))
        reader.join(timeout=HANG_BOUND)
        expect_equal(code, 1)
        expect(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
        expect_equal(findings(json.loads(received[0])), [("aws-access-key-id", "app.env", 1)])

        shared = outside.write("shared.json", "old\n")
        link = outside.root / "latest.json"
        os.symlink(shared, link)
        code, _, _ = run("scan", str(tree.root), "--format", "json", "--output", str(link))
        expect_equal(code, 1)
        expect(os.path.islink(link), "the symbolic link was replaced")
        expect_equal(findings(json.loads(shared.read_text())), [("aws-access-key-id", "app.env", 1)])

        code, _, err = run("scan", str(tree.root), "--output", str(outside.root))
        expect_equal((code, err.strip()), (2, f"keylint: error: {outside.root}: cannot write the report: Is a directory"))


if __name__ == "__main__":
    sys.exit(run_tests())
