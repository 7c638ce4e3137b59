// The `scan` pipeline: inputs (walk/) → detectors (secrets/ regex rules, credentials/ structure)
// → findings with fingerprints
// → filters (suppression, redaction) → a RunResult for the reporters. Files are read and scanned
// on every core; the result is the same whatever the thread count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/run_result.hpp"
#include "credentials/credential_detector.hpp"
#include "secrets/secret_scanner.hpp"
#include "walk/file_walker.hpp"

namespace keylint {

struct SecretScanRequest {
    std::vector<std::string> paths;  // files and directories; "-" is standard input
    std::string stdin_name = "<stdin>";
    WalkOptions walk;
    uint64_t max_file_size = 0;
    unsigned threads = 0;  // 0: one per core
    bool include_suppressed = false;
    bool show_secrets = false;
    // The structural detector of generic credentials; null runs the rule pack's regexes alone.
    // The scanner must then carry CredentialDetector::name_stems() as its extra keywords.
    const CredentialDetector* credentials = nullptr;
};

RunResult run_secret_scan(const SecretScanner& scanner, const SecretScanRequest& request);

}  // namespace keylint
