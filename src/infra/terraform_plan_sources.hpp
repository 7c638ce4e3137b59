// Where a value of a Terraform plan (terraform_plan.hpp) is written in the configuration: the
// plan's module directories are read (the root module's is the plan's own directory, as
// `terraform show -json` is run in Terraform's working directory), and a place of the plan is
// followed along its configuration path into the .tf files: the block that declares a resource,
// variable or provider, then its arguments and the n-th of its repeated nested blocks, as deep as
// the files write them (a `dynamic` block or a `for` expression ends the path at its parent). A
// place whose module is not in the tree, or whose block is not found, has no source: findings
// there point into the plan.
// Tested through fixtures/policy/plans (tests/e2e/run_policy_plans.py).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "infra/terraform_modules.hpp"
#include "infra/terraform_plan.hpp"

namespace keylint {

struct SourcePlace {
    std::string path;
    Span span;
};

class PlanSources {
   public:
    PlanSources(const TerraformPlan& plan, const ModuleFiles& files);

    // The place in the .tf files that writes what `span` of the plan holds; nullopt when unknown.
    std::optional<SourcePlace> source_of(const Span& span) const;

    // The module directories whose .tf files were read, in plan order, each once.
    const std::vector<std::string>& directories() const { return directories_; }

   private:
    struct Entry {
        const PlanPlace* place;
        const std::vector<TerraformFile>* files;
    };
    std::vector<Entry> entries_;
    std::vector<std::string> directories_;
};

}  // namespace keylint
