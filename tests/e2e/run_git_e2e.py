#!/usr/bin/env python3
"""End-to-end tests of the git scan modes, baselines and hooks: build throwaway repositories, run
the built keylint (and the real pre-commit framework) on them, and check exact findings (rule,
file, line, commit), exit codes and messages. Prints TAP.

usage: run_git_e2e.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

import jsonschema

from tap import expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
KEY_1, KEY_2, KEY_3 = "AKIAZ4T7XQ2LWN3RBVKE", "AKIA2MXPN7QR4TZLWV6J", "AKIAQW3ERT5YUI7OPLK2"



class Repo:
    """A temporary git repository with a fixed identity and no user or system git config."""

    def __init__(self, root):
        self.root = pathlib.Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        config = self.root.parent / f"{self.root.name}.gitconfig"
        config.write_text("[user]\n\tname = Jane Doe\n\temail = jane@example.com\n[init]\n\tdefaultBranch = main\n")
        self.env = dict(os.environ)
        self.env.pop("KEYLINT_CONFIG", None)
        self.env.update({"GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1",
                         "GIT_AUTHOR_DATE": "2024-05-01T10:00:00+00:00", "GIT_COMMITTER_DATE": "2024-05-01T10:00:00+00:00",
                         "PRE_COMMIT_HOME": str(self.root.parent / "pre-commit-cache"), "NO_COLOR": "1"})
        self.git("init", "-q")

    def git(self, *args, check=True):
        result = subprocess.run(["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {result.stderr}")
        return result.stdout.strip()

    def write(self, path, text):
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)

    def commit(self, message, *paths):
        self.git("add", *(paths or ["-A"]))
        self.git("commit", "-q", "--no-verify", "-m", message)
        return self.git("rev-parse", "HEAD")

    def keylint(self, *args, cwd=None):
        return subprocess.run([KEYLINT, *args], cwd=cwd or self.root, env=self.env, capture_output=True, text=True,
                              timeout=120)


def findings(result):
    report = json.loads(result.stdout)
    return sorted((f["rule_id"], f["path"], f["start_line"], f["properties"].get("commit", "")) for f in report["findings"])




def temporary_repo(function):
    """Runs the test with a fresh Repo in a temporary directory."""
    def wrapper():
        with tempfile.TemporaryDirectory() as tmp:
            function(Repo(pathlib.Path(tmp) / "repo"))
    wrapper.__name__ = function.__name__
    return wrapper


@test
@temporary_repo
def staged_reports_secrets_on_added_lines_with_staged_line_numbers(repo):
    repo.write("app/settings.py", "DEBUG = False\nOLD_KEY = '" + KEY_1 + "'\n")
    repo.commit("settings")
    # Staged: a new key on line 4; the old key stays on line 2 (not reported).
    repo.write("app/settings.py", "DEBUG = False\nOLD_KEY = '" + KEY_1 + "'\n# new\nNEW_KEY = '" + KEY_2 + "'\n")
    repo.write("deploy/prod.env", "AWS_ACCESS_KEY_ID=" + KEY_3 + "\n")
    repo.git("add", "-A")
    # Unstaged lines above the key must not shift the reported line.
    repo.write("app/settings.py", "# unstaged\n# unstaged\nDEBUG = False\nOLD_KEY = '" + KEY_1 + "'\n# new\nNEW_KEY = '" + KEY_2 + "'\n")
    result = repo.keylint("scan", "--staged", "--format", "json")
    expect_equal(result.returncode, 1)
    expect_equal(findings(result), [("aws-access-key-id", "app/settings.py", 4, ""),
                                    ("aws-access-key-id", "deploy/prod.env", 1, "")])


@test
@temporary_repo
def staged_removal_or_unrelated_edit_passes(repo):
    repo.write("a.py", "x = 1\nKEY = '" + KEY_1 + "'\ny = 2\n")
    repo.commit("with key")
    repo.write("a.py", "x = 1\nKEY = '" + KEY_1 + "'\ny = 3\n")
    repo.git("add", "-A")
    edit = repo.keylint("scan", "--staged", "--format", "json")
    expect_equal((edit.returncode, findings(edit)), (0, []))
    repo.write("a.py", "x = 1\ny = 3\n")
    repo.git("add", "-A")
    removal = repo.keylint("scan", "--staged")
    expect_equal(removal.returncode, 0)
    expect("No findings" in removal.stdout, removal.stdout)


@test
@temporary_repo
def staged_in_a_repository_without_commits(repo):
    repo.write("first.env", "KEY=" + KEY_1 + "\n")
    repo.git("add", "-A")
    result = repo.keylint("scan", "--staged", "--format", "json")
    expect_equal(findings(result), [("aws-access-key-id", "first.env", 1, "")])


@test
@temporary_repo
def staged_honours_inline_markers_and_the_blocked_message_is_readable(repo):
    repo.write("a.py", "KEY = '" + KEY_1 + "'  # keylint:allow\n")
    repo.git("add", "-A")
    allowed = repo.keylint("scan", "--staged")
    expect_equal(allowed.returncode, 0)
    repo.write("b.py", "KEY = '" + KEY_2 + "'\n")
    repo.git("add", "-A")
    blocked = repo.keylint("scan", "--staged", "--color", "never")
    expect_equal(blocked.returncode, 1)
    expect(blocked.stdout.startswith("b.py\n  1:8     error   aws-access-key-id"), blocked.stdout)
    expect(KEY_2 not in blocked.stdout + blocked.stderr, "secret leaked")
    expect("keylint: commit blocked" in blocked.stderr and "keylint:allow" in blocked.stderr, blocked.stderr)


@test
@temporary_repo
def pathspecs_limit_a_staged_scan(repo):
    repo.write("src/a.env", "K=" + KEY_1 + "\n")
    repo.write("docs/b.env", "K=" + KEY_2 + "\n")
    repo.git("add", "-A")
    result = repo.keylint("scan", "--staged", "--format", "json", "src")
    expect_equal(findings(result), [("aws-access-key-id", "src/a.env", 1, "")])
    inside = repo.keylint("scan", "--staged", "--format", "json", cwd=repo.root / "docs")
    expect_equal([f[1] for f in findings(inside)], ["docs/b.env", "src/a.env"])


@test
@temporary_repo
def keylintignore_files_apply_to_the_git_modes_and_no_ignore_turns_them_off(repo):
    repo.write(".keylintignore", "fixtures/\n")
    repo.write("tests/.keylintignore", "fake_*.env\n")
    repo.write(".gitignore", "*.env\n")  # about untracked files: committed ones are scanned anyway
    repo.write("fixtures/keys.env", "K=" + KEY_1 + "\n")
    repo.write("tests/fake_prod.env", "K=" + KEY_2 + "\n")
    repo.write("tests/real.env", "K=" + KEY_3 + "\n")
    repo.git("add", "-f", "-A")
    staged = repo.keylint("scan", "--staged", "--format", "json", "--verbose")
    expect_equal(findings(staged), [("aws-access-key-id", "tests/real.env", 1, "")])
    expect_equal(json.loads(staged.stdout)["summary"]["files_skipped"], 2)
    expect("keylint: skipped: fixtures/keys.env: ignored by .keylintignore" in staged.stderr, staged.stderr)
    everything = repo.keylint("scan", "--staged", "--format", "json", "--no-ignore")
    expect_equal([f[1] for f in findings(everything)], ["fixtures/keys.env", "tests/fake_prod.env", "tests/real.env"])
    commit = repo.commit("files")
    history = repo.keylint("scan", "--git-history", "--format", "json")
    expect_equal(findings(history), [("aws-access-key-id", "tests/real.env", 1, commit)])


@test
@temporary_repo
def range_reports_each_secret_with_the_commit_that_added_it(repo):
    repo.write("README", "hello\n")
    base = repo.commit("base")
    repo.write("a.py", "one = 1\nKEY = '" + KEY_1 + "'\n")
    first = repo.commit("add key")
    repo.write("a.py", "one = 1\nKEY = '" + KEY_1 + "'\ntwo = 2\n")
    repo.write("b/c.env", "\n\nSECOND=" + KEY_2 + "\n")
    second = repo.commit("more")
    repo.write("a.py", "one = 1\ntwo = 2\n")
    repo.commit("remove key")
    result = repo.keylint("scan", "--git-range", f"{base}..HEAD", "--format", "json")
    expect_equal(result.returncode, 1)
    expect_equal(findings(result), [("aws-access-key-id", "a.py", 2, first), ("aws-access-key-id", "b/c.env", 3, second)])
    item = json.loads(result.stdout)["findings"][0]
    expect_equal((item["properties"]["author"], item["properties"]["email"], item["properties"]["date"]),
                 ("Jane Doe", "jane@example.com", "2024-05-01T10:00:00+00:00"))
    expect(f"Added in commit {first[:12]} by Jane Doe on 2024-05-01." in item["message"], item["message"])
    since = repo.keylint("scan", "--since-commit", first, "--format", "json")
    expect_equal(findings(since), [("aws-access-key-id", "b/c.env", 3, second)])
    empty = repo.keylint("scan", "--git-range", "HEAD..HEAD")
    expect_equal(empty.returncode, 0)


@test
@temporary_repo
def range_sarif_validates_and_carries_commit_properties(repo):
    repo.write("README", "hello\n")
    base = repo.commit("base")
    repo.write("deploy.env", "AWS_ACCESS_KEY_ID=" + KEY_1 + "\n")
    added = repo.commit("deploy")
    result = repo.keylint("scan", "--git-range", f"{base}..{added}", "--format", "sarif")
    expect_equal(result.returncode, 1)
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))
    run = document["runs"][0]
    sarif_result = run["results"][0]
    location = sarif_result["locations"][0]["physicalLocation"]
    expect_equal((location["artifactLocation"]["uri"], location["region"]["startLine"]), ("deploy.env", 1))
    expect_equal(sarif_result["properties"]["commit"], added)
    expect_equal(sarif_result["properties"]["author"], "Jane Doe")
    expect_equal(run["originalUriBaseIds"]["SRCROOT"]["uri"], repo.root.resolve().as_uri() + "/")


@test
@temporary_repo
def history_scans_each_blob_once_and_names_the_first_commit(repo):
    repo.write("a.py", "KEY = '" + KEY_1 + "'\n")
    first = repo.commit("one")
    repo.write("a.py", "KEY = '" + KEY_1 + "'\nmore = 1\n")  # a new blob with the same secret
    repo.commit("two")
    repo.write("copy.py", "KEY = '" + KEY_1 + "'\n")  # the first blob again, at another path
    repo.commit("three")
    repo.git("checkout", "-q", "-b", "side")
    repo.write("side.env", "K=" + KEY_2 + "\n")
    side = repo.commit("side secret")
    repo.git("rm", "-q", "side.env")
    repo.commit("side removal")
    repo.git("checkout", "-q", "main")
    result = repo.keylint("scan", "--git-history", "--format", "json")
    expect_equal(result.returncode, 1)
    expect_equal(findings(result), [("aws-access-key-id", "a.py", 1, first), ("aws-access-key-id", "side.env", 1, side)])
    summary = json.loads(result.stdout)["summary"]
    expect_equal(summary["files_scanned"], 3)  # a.py twice, side.env; copy.py is a.py's first blob
    only_main = repo.keylint("scan", "--git-history", "--branch", "main", "--format", "json")
    expect_equal(findings(only_main), [("aws-access-key-id", "a.py", 1, first)])


@test
@temporary_repo
def history_reports_a_secret_whose_inline_marker_a_later_commit_removed(repo):
    repo.write("a.py", "KEY = '" + KEY_1 + "'  # keylint:allow\n")
    marked = repo.commit("marked")
    repo.write("a.py", "KEY = '" + KEY_1 + "'\n")
    unmarked = repo.commit("marker removed")
    directory = repo.keylint("scan", ".", "--format", "json")
    expect_equal(findings(directory), [("aws-access-key-id", "a.py", 1, "")])
    in_range = repo.keylint("scan", "--git-range", marked + ".." + unmarked, "--format", "json")
    expect_equal(findings(in_range), [("aws-access-key-id", "a.py", 1, unmarked)])
    history = repo.keylint("scan", "--git-history", "--format", "json")
    expect_equal(history.returncode, 1)
    expect_equal(findings(history), [("aws-access-key-id", "a.py", 1, unmarked)])
    expect_equal(json.loads(history.stdout)["summary"]["suppressed"], 1)
    with_suppressed = repo.keylint("scan", "--git-history", "--include-suppressed", "--format", "json")
    expect_equal(findings(with_suppressed), sorted([("aws-access-key-id", "a.py", 1, marked),
                                                    ("aws-access-key-id", "a.py", 1, unmarked)]))


@test
@temporary_repo
def history_skips_binary_and_oversized_blobs_and_says_so(repo):
    (repo.root / "logo.png").write_bytes(b"\x89PNG\x00\x00" + b"\x01" * 100)
    repo.write("big.txt", ("x" * 99 + "\n") * 20000)
    repo.write("ok.env", "K=" + KEY_1 + "\n")
    repo.commit("files")
    result = repo.keylint("scan", "--git-history", "--max-file-size", "1M", "--format", "json", "--verbose")
    expect_equal(result.returncode, 1)
    report = json.loads(result.stdout)
    expect_equal(report["summary"]["files_skipped"], 2)
    messages = sorted(d["path"] + ": " + d["message"].split(" (")[0] for d in report["diagnostics"])
    expect_equal(messages, ["big.txt: larger than --max-file-size", "logo.png: binary file"])


@test
@temporary_repo
def corrupt_object_is_reported_and_the_scan_goes_on(repo):
    repo.write("a.env", "K=" + KEY_1 + "\n")
    repo.write("b.txt", "just text\n")
    repo.commit("files")
    blob = repo.git("rev-parse", "HEAD:b.txt")
    path = repo.root / ".git" / "objects" / blob[:2] / blob[2:]
    path.chmod(0o644)
    path.write_bytes(b"this is not zlib data")
    result = repo.keylint("scan", "--git-history", "--format", "json")
    expect_equal(result.returncode, 1)
    report = json.loads(result.stdout)
    expect_equal(findings(result), [("aws-access-key-id", "a.env", 1, repo.git("rev-parse", "HEAD"))])
    expect_equal(report["summary"]["files_unreadable"], 1)
    expect_equal([d["path"] for d in report["diagnostics"]], ["b.txt"])


@test
def bad_input_is_a_clear_error_with_exit_2():
    with tempfile.TemporaryDirectory() as tmp:
        plain = pathlib.Path(tmp) / "plain"
        plain.mkdir()
        repo = Repo(pathlib.Path(tmp) / "repo")
        for mode in (["--staged"], ["--git-history"], ["--git-range", "a..b"]):
            result = repo.keylint("scan", *mode, cwd=plain)
            expect_equal((mode, result.returncode, result.stderr),
                         (mode, 2, f"keylint: error: {plain} is not inside a git repository (the git scan modes need one)\n"))
        repo.write("a.txt", "a\n")
        repo.commit("one")
        cases = {
            ("--git-range", "nope..HEAD"): "keylint: error: --git-range: 'nope' is not a commit in this repository\n",
            ("--git-range", "HEAD"): "keylint: error: --git-range: expected BASE..HEAD (for example origin/main..HEAD), got 'HEAD'\n",
            ("--since-commit", "v9"): "keylint: error: --since-commit: 'v9' is not a commit in this repository\n",
            ("--staged", "--git-history"): "keylint: error: choose one of --staged, --git-range, --since-commit and --git-history\n",
            ("--branch", "main"): "keylint: error: --branch needs --git-history\n",
            ("--staged", "-"): "keylint: error: standard input ('-') cannot be combined with a git scan mode\n",
            ("--git-history", "--branch", "nope"): "keylint: error: --branch: 'nope' is not a commit in this repository\n",
        }
        for args, message in cases.items():
            result = repo.keylint("scan", *args)
            expect_equal((args, result.returncode, result.stderr, result.stdout), (args, 2, message, ""))


@test
def shallow_clone_without_the_base_commit_says_how_to_fix_it():
    with tempfile.TemporaryDirectory() as tmp:
        repo = Repo(pathlib.Path(tmp) / "repo")
        repo.write("a.txt", "1\n")
        base = repo.commit("one")
        repo.write("a.txt", "2\n")
        repo.commit("two")
        repo.write("a.txt", "3\n")
        repo.commit("three")
        shallow = Repo(pathlib.Path(tmp) / "shallow")
        shutil.rmtree(shallow.root)
        subprocess.run(["git", "clone", "-q", "--depth", "1", repo.root.resolve().as_uri(), str(shallow.root)],
                       env=shallow.env, check=True, capture_output=True)
        result = shallow.keylint("scan", "--git-range", f"{base}..HEAD")
        expect_equal(result.returncode, 2)
        expect_equal(result.stderr,
                     f"keylint: error: --git-range: '{base}' is not a commit in this repository; this is a shallow clone, "
                     "so the commit may lie beyond the fetched history: fetch it (git fetch --unshallow, or "
                     "actions/checkout with fetch-depth: 0)\n")


@test
@temporary_repo
def baseline_hides_accepted_findings_and_the_summary_says_how_many(repo):
    repo.write("a.py", "KEY = '" + KEY_1 + "'\n")
    repo.write("b.env", "K=" + KEY_2 + "\n")
    repo.commit("secrets")
    created = repo.keylint("baseline", "create")
    expect_equal((created.returncode, created.stderr), (0, f"keylint: baseline {repo.root / '.keylint-baseline.json'}: 2 entries\n"))
    text = (repo.root / ".keylint-baseline.json").read_text()
    expect(KEY_1 not in text and KEY_2 not in text, "the baseline holds a secret")
    expect_equal([(e["path"], e["rule"]) for e in json.loads(text)["entries"]],
                 [("a.py", "aws-access-key-id"), ("b.env", "aws-access-key-id")])
    # Found by itself in the scanned directory; moving the code does not matter.
    repo.write("a.py", "\n\n# moved\nKEY = '" + KEY_1 + "'\n")
    repo.write("c.env", "K=" + KEY_3 + "\n")
    result = repo.keylint("scan", "--format", "json")
    expect_equal(findings(result), [("aws-access-key-id", "c.env", 1, "")])
    expect_equal(json.loads(result.stdout)["summary"]["baselined"], 2)
    text_report = repo.keylint("scan", "--color", "never")
    expect(text_report.stdout.rstrip().endswith("; 2 hidden by the baseline."), text_report.stdout)
    sarif = repo.keylint("scan", "--format", "sarif")
    expect_equal(json.loads(sarif.stdout)["runs"][0]["properties"]["findingsHiddenByBaseline"], 2)
    expect_equal(len(findings(repo.keylint("scan", "--no-baseline", "--format", "json"))), 3)
    # Staged mode uses the baseline at the repository root.
    repo.git("add", "a.py")
    expect_equal(repo.keylint("scan", "--staged").returncode, 0)
    # create refuses to replace; update keeps the salt, adds c.env, drops b.env.
    expect_equal(repo.keylint("baseline", "create").returncode, 2)
    (repo.root / "b.env").unlink()
    updated = repo.keylint("baseline", "update")
    expect_equal(updated.stderr, f"keylint: baseline {repo.root / '.keylint-baseline.json'}: 2 entries (1 added, 1 dropped)\n")
    after = json.loads((repo.root / ".keylint-baseline.json").read_text())
    expect_equal(after["salt"], json.loads(text)["salt"])
    expect_equal([e["path"] for e in after["entries"]], ["a.py", "c.env"])
    again = repo.keylint("baseline", "update")
    expect_equal(again.stderr, f"keylint: baseline {repo.root / '.keylint-baseline.json'}: 2 entries (0 added, 0 dropped)\n")
    explicit = repo.keylint("scan", "--baseline", str(repo.root / "missing.json"))
    expect_equal((explicit.returncode, explicit.stderr),
                 (2, f"keylint: configuration error: {repo.root / 'missing.json'}: cannot read the baseline file\n"))


@test
@temporary_repo
def install_hook_blocks_commits_and_leaves_foreign_hooks_alone(repo):
    repo.write("README", "hi\n")
    repo.commit("init")
    installed = repo.keylint("install-hook")
    hook = repo.root / ".git" / "hooks" / "pre-commit"
    expect_equal((installed.returncode, installed.stdout), (0, f"keylint: installed the pre-commit hook {hook}\n"))
    expect(os.access(hook, os.X_OK), "hook not executable")
    repo.write("a.env", "K=" + KEY_1 + "\n")
    repo.git("add", "-A")
    commit = subprocess.run(["git", "commit", "-q", "-m", "leak"], cwd=repo.root, env=repo.env, capture_output=True, text=True)
    expect_equal(commit.returncode, 1)
    output = commit.stdout + commit.stderr  # git passes the hook's output on to its standard error
    expect("aws-access-key-id" in output and "commit blocked" in output, output)
    expect_equal(repo.git("log", "--format=%s"), "init")
    # Reinstalling over its own hook is fine; a foreign hook needs --force.
    expect_equal(repo.keylint("install-hook").returncode, 0)
    hook.write_text("#!/bin/sh\necho mine\n")
    refused = repo.keylint("install-hook")
    expect_equal((refused.returncode, refused.stderr),
                 (2, f"keylint: error: {hook} exists and was not written by keylint; add `keylint scan --staged` to it "
                     "yourself, or use --force to replace it\n"))
    expect_equal(hook.read_text(), "#!/bin/sh\necho mine\n")
    expect_equal(repo.keylint("install-hook", "--force").returncode, 0)


@test
def pre_commit_framework_blocks_a_secret_and_passes_allowed_baselined_and_removed_ones():
    pre_commit = shutil.which("pre-commit")
    expect(pre_commit is not None, "the pre-commit framework is not installed (scripts/setup installs it)")
    import yaml  # pre-commit's own dependency
    manifest = yaml.safe_load((SOURCE_ROOT / ".pre-commit-hooks.yaml").read_text())
    validated = subprocess.run([pre_commit, "validate-manifest", str(SOURCE_ROOT / ".pre-commit-hooks.yaml")],
                               capture_output=True, text=True)
    expect_equal((validated.returncode, validated.stdout), (0, ""))
    hook = dict(next(h for h in manifest if h["id"] == "keylint"))
    expect(hook["entry"].startswith("keylint "), hook["entry"])
    hook["entry"] = KEYLINT + hook["entry"][len("keylint"):]
    with tempfile.TemporaryDirectory() as tmp:
        repo = Repo(pathlib.Path(tmp) / "repo")
        repo.write(".pre-commit-config.yaml", yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}))
        repo.write("README", "hello\n")
        repo.commit("init")
        installed = subprocess.run([pre_commit, "install"], cwd=repo.root, env=repo.env, capture_output=True, text=True)
        expect_equal(installed.returncode, 0)

        def commit(message):
            repo.git("add", "-A")
            return subprocess.run(["git", "commit", "-m", message], cwd=repo.root, env=repo.env, capture_output=True,
                                  text=True, timeout=120)

        repo.write("config.py", "DEBUG = True\nAWS_KEY = '" + KEY_1 + "'\n")
        blocked = commit("add a key")
        output = blocked.stdout + blocked.stderr
        expect_equal(blocked.returncode, 1)
        expect("keylint" in output and "Failed" in output, output)
        expect("config.py" in output and "2:12" in output and "aws-access-key-id" in output, output)
        expect("commit blocked" in output, output)
        expect(KEY_1 not in output, "secret leaked into the hook output")

        repo.write("config.py", "DEBUG = True\nAWS_KEY = '" + KEY_1 + "'  # keylint:allow\n")
        allowed = commit("add an allowed key")
        expect_equal((allowed.returncode, "Passed" in allowed.stdout + allowed.stderr), (0, True), allowed.stdout + allowed.stderr)

        repo.write("settings.py", "KEY = '" + KEY_2 + "'\n")
        expect_equal(commit("another key").returncode, 1)
        baseline = repo.keylint("baseline", "create")
        expect_equal(baseline.returncode, 0)
        with_baseline = commit("another key, accepted in the baseline")
        expect_equal(with_baseline.returncode, 0)

        repo.write("settings.py", "# key moved to the vault\n")
        removed = commit("remove the key")
        expect_equal(removed.returncode, 0)
        expect_equal(repo.git("log", "--format=%s"),
                     "remove the key\nanother key, accepted in the baseline\nadd an allowed key\ninit")


@test
def help_documents_the_git_options_and_new_commands():
    scan_help = subprocess.run([KEYLINT, "scan", "--help"], capture_output=True, text=True).stdout
    for option in ("--staged", "--git-range", "--since-commit", "--git-history", "--branch", "--baseline", "--no-baseline"):
        expect(option in scan_help, option)
    baseline_help = subprocess.run([KEYLINT, "baseline", "--help"], capture_output=True, text=True)
    expect_equal(baseline_help.returncode, 0)
    for word in ("create", "update", "--output", "--force", "salted"):
        expect(word in baseline_help.stdout, word)
    hook_help = subprocess.run([KEYLINT, "help", "install-hook"], capture_output=True, text=True)
    expect("--force" in hook_help.stdout and "core.hooksPath" in hook_help.stdout, hook_help.stdout)
    main_help = subprocess.run([KEYLINT, "help"], capture_output=True, text=True).stdout
    expect("  baseline" in main_help and "  install-hook" in main_help, main_help)


if __name__ == "__main__":
    sys.exit(run_tests())
