#!/usr/bin/env python3
"""Prints "N passed, N failed" over every test case that `meson test` ran.

TAP tests (recognised by their plan line "1..N") count one per test case, a skipped case ("ok N - … # SKIP
reason") in neither number; a TAP test that died
before its plan was complete counts every missing case as failed, and one that failed without a
failing case counts one failure. Other tests, and tests that printed no plan, count one each by
meson's verdict. usage: count_tests.py BUILD_DIR/meson-logs/testlog.json
"""
import json
import re
import sys

passed = failed = 0
for line in open(sys.argv[1], encoding="utf-8"):
    entry = json.loads(line)
    stdout = entry.get("stdout") or ""
    plan = re.search(r"^1\.\.(\d+)", stdout, re.M)
    if plan:  # a TAP test (meson's log does not record the protocol)
        ok = len(re.findall(r"^ok \d+", stdout, re.M))
        skipped = len(re.findall(r"^ok \d+.*# SKIP", stdout, re.M))
        not_ok = len(re.findall(r"^not ok \d+", stdout, re.M))
        planned = int(plan.group(1))
        missing = max(0, planned - ok - not_ok)
        ok -= skipped
        if entry.get("result") != "OK" and not_ok + missing == 0:
            missing += 1
        passed += ok
        failed += not_ok + missing
    elif entry.get("result") in ("OK", "EXPECTEDFAIL"):
        passed += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed")
