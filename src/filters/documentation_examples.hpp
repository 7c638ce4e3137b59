// Findings in documentation, examples and tests, or whose value is a documentation phrase, are
// lower confidence: API reference examples (`*.examples.json`, `"clientSecret": "VERYSECRET"`),
// sample configs, test fixtures. They are reported as `note` with the reason in the finding's
// `lowered` property (and its first level in `original_level`), and they do not fail the run
// (report_output.hpp); `keylint scan --strict` keeps every finding at its rule's level.
//   Example paths: a directory of the scanned tree named examples, docs, testdata, fixtures,
//   __tests__, __mocks__, test, tests, spec, samples (and spellings); a file named like
//   `*.examples.json`, `*.example.*`, `*.sample.*`, `test.js`, `*_test.go`, `*.test.ts`,
//   `*.spec.js`, `test_*.py`, `*_spec.rb`, `*Test.java`, `*Tests.cs`.
//   Documentation values: phrases made of filler words and one or two credential words
//   (`ThisIsATemporaryPassword`, `VERYSECRET`, `SomeSecretValue`, `my-example-token`).
// Tested in tests/unit/documentation_examples_test.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace keylint {

// Why `path` (relative to the scan root) is documentation, an example or a test; empty if not.
std::string example_path_reason(std::string_view path);

// Why `value` reads as a documentation phrase rather than a secret; empty if not.
std::string documentation_value_reason(std::string_view value);

// Lowers the findings of example paths and documentation values to `note` (see above).
void lower_documentation_findings(std::vector<Finding>& findings);

}  // namespace keylint
