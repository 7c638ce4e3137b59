"""The small test harness the end-to-end scripts share: a registry of test functions, assertions
that explain themselves, and a runner that runs every test (a failure never stops the others)
and prints TAP for meson.
"""
import traceback

tests = []
comments = []  # "# ..." lines printed before the plan


class Skip(Exception):
    """Raised by a test that cannot run here (a tool or daemon is missing); reported as TAP's SKIP
    with the reason, and counted neither as passed nor as failed."""


def test(function):
    tests.append(function)
    return function


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_equal(actual, expected, context=""):
    if actual != expected:
        raise AssertionError(f"expected {expected!r}\n     got {actual!r}" + (f"\n{context}" if context else ""))


def run_tests(extra_results=lambda: []):
    """Runs every registered test, then adds `extra_results()` ((name, failure text) pairs), and
    prints the TAP report. Returns the process exit status: meson reads the TAP lines."""
    results = []
    for function in tests:
        name = function.__name__.replace("_", " ")
        try:
            function()
            results.append((name, ""))
        except Skip as skip:
            results.append((f"{name} # SKIP {skip}", ""))
        except Exception:  # report and go on: every test is counted
            results.append((name, traceback.format_exc()))
    results.extend(extra_results())
    for comment in comments:
        print(f"# {comment}")
    print(f"1..{len(results)}")
    for number, (name, failure) in enumerate(results, 1):
        if failure:
            for line in failure.rstrip().splitlines():
                print(f"# {line}")
            print(f"not ok {number} - {name}")
        else:
            print(f"ok {number} - {name}")
    return 0
