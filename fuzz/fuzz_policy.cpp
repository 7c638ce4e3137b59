// libFuzzer target: the IAM policy readers, extractors and checks on one file's bytes. The first
// byte picks the source format: raw policy JSON, a CloudFormation template (YAML or JSON), or a
// Terraform module of one file; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "audit/policy_analyzer.hpp"
#include "core/source_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    static const char* const names[] = {"policy.json", "template.yaml", "template.json", "main.tf"};
    const char* name = names[data[0] % 4];
    const keylint::SourceText text(name, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    if (keylint::is_terraform_file(name)) {
        const std::vector<const keylint::SourceText*> module = {&text};
        (void)keylint::analyze_terraform_module(module);
    } else {
        (void)keylint::analyze_policy_file(text);
    }
    return 0;
}
