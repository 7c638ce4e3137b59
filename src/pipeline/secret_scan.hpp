// The `scan` pipeline: inputs (walk/) → detectors (secrets/ regex rules, credentials/ structure)
// → the per-file filters (filters/filter_stage.hpp) → findings with fingerprints → the per-run
// filters → a RunResult for the reporters. Files are read and scanned on every core; the result
// is the same whatever the thread count.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/run_result.hpp"
#include "credentials/credential_detector.hpp"
#include "pipeline/scan_settings.hpp"
#include "secrets/secret_scanner.hpp"
#include "walk/file_walker.hpp"

namespace keylint {

struct SecretScanRequest {
    std::vector<std::string> paths;  // files and directories; "-" is standard input
    std::string stdin_name = "<stdin>";
    WalkOptions walk;
    ScanSettings settings;
};

RunResult run_secret_scan(const SecretScanner& scanner, const SecretScanRequest& request);

// One text through the detectors and the per-file filters: appends its findings, with
// fingerprints and suppressed ones included, to `out` (expected empty: the per-file filters look
// at every finding in it). The git scan modes (pipeline/git_scan.hpp) use it on blob contents.
// `credentials` may be null (--regex-only); otherwise `scanner` must carry
// CredentialDetector::name_stems() as its extra keywords.
// Returns a problem worth a warning (a structural parse that ran out of time), else nullopt.
std::optional<std::string> detect_secrets(const SecretScanner& scanner, const CredentialDetector* credentials,
                                          const SourceText& text, std::vector<Finding>& out);

}  // namespace keylint
