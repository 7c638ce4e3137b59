// What every mode of `keylint scan` shares (files, standard input and the git modes): the input
// limits, the detectors and the filter stage's options. SecretScanRequest and GitScanRequest each
// hold one, so the command line fills it once whichever mode runs.
#pragma once

#include <cstdint>

#include "credentials/credential_detector.hpp"
#include "filters/filter_stage.hpp"

namespace keylint {

struct ScanSettings {
    uint64_t max_file_size = 0;
    unsigned threads = 0;  // 0: one per core
    // The structural detector of generic credentials; null (--regex-only) runs the rule pack's
    // regexes alone. Unless null, the scanner must carry CredentialDetector::name_stems() as its
    // extra keywords.
    const CredentialDetector* credentials = nullptr;
    FilterOptions filters;
};

}  // namespace keylint
