// libFuzzer target: the IAM policy extractor and checks on one file's bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/source_text.hpp"
#include "policy/policy_analyzer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    keylint::SourceText text("policy.json", std::string(reinterpret_cast<const char*>(data), size));
    keylint::PolicyFileOutcome outcome = keylint::analyze_policy_file(text);
    (void)outcome;
    return 0;
}
