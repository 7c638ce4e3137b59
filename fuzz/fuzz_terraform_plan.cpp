// libFuzzer target: a Terraform plan's JSON → read_terraform_plan and the policy analysis of every
// module instance, with the bytes after the first NUL as the root module's main.tf that findings
// are pointed back at. The plan reader must end with modules or a diagnostic, never a crash, a
// hang or a leak; every document it writes keeps spans inside the plan, and every finding points
// inside the file it names.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/policy_analyzer.hpp"
#include "fuzz_checks.hpp"
#include "infra/terraform_plan.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const size_t split = bytes.find('\0');
    const keylint::SourceText plan("plan.json", std::string(bytes.substr(0, split)));
    const keylint::SourceText main("main.tf", split == std::string_view::npos ? std::string() : std::string(bytes.substr(split + 1)));
    keylint::ParseResult parsed = keylint::read_json(plan);
    if (!parsed.root || !keylint::looks_like_terraform_plan(*parsed.root)) return 0;
    const keylint::TerraformPlan read = keylint::read_terraform_plan(*parsed.root, plan.path());
    for (const keylint::PlanModule& module : read.modules) keylint::fuzz::check_document(module.document, plan);

    keylint::ParseResult configuration = keylint::read_hcl(main);
    std::vector<keylint::TerraformFile> files;
    if (configuration.root) files.push_back({&main, &*configuration.root});
    const keylint::ModuleFiles loader = [&](const std::string& directory) -> const std::vector<keylint::TerraformFile>* {
        return directory.empty() && !files.empty() ? &files : nullptr;
    };
    const keylint::PolicyFileOutcome outcome = keylint::analyze_terraform_plan(plan, *parsed.root, {}, loader);
    for (const keylint::Finding& finding : outcome.findings) {
        if (finding.path == plan.path()) {
            keylint::fuzz::check_span(finding.span, plan);
        } else if (finding.path == main.path()) {
            keylint::fuzz::check_span(finding.span, main);
        } else {
            __builtin_trap();
        }
    }
    return 0;
}
