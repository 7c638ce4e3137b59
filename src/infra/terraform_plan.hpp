// A Terraform plan in its JSON form (`terraform show -json plan.out`, format_version 0.x or 1.x):
// every module instance of `planned_values` (and the data sources read into `prior_state`) is
// written back as a Terraform document shaped like the module's .tf files (`resource`, `data`,
// `variable` and `provider` blocks, nested blocks as repeated blocks), so a plan is audited by
// the same stacks, extractors and checks as the configuration, with every value as Terraform
// resolved it. Where the resolved value is not what a check should judge, the document holds what
// the configuration wrote instead, taken from the plan's `configuration` expressions:
//   - a value computed from another object (a resource's, data source's or module's attribute)
//     is that reference, so the checks still see which resource names which (a rotation's
//     `secret_id`); a policy document stays the document Terraform rendered, unless a policy
//     document data source rendered it: the extractors follow that reference, as in the .tf files;
//   - an empty string is left out: providers read an unset optional string back as "";
//   - a sensitive value that came through a reference (`password = var.db_password`) is that
//     reference, so a credential is judged by where it comes from, not by its plain-text value
//     in the plan; a sensitive constant is the literal that is written in the .tf file;
//   - a value known only after apply (`after_unknown`) is an unknown holding its reference;
//   - `tags` are `tags_all`, the tags with the provider's `default_tags` merged in.
// Each value keeps its span in the plan, and each module records the configuration path of every
// value it wrote (terraform_plan_sources.hpp maps them back to the .tf files). A module call's
// constant arguments are bound to the called module's variables; its other arguments are unknown.
// Tested in tests/unit/terraform_plan_test.cpp and through fixtures/policy/plans.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/run_result.hpp"
#include "core/source_text.hpp"
#include "infra/stack.hpp"
#include "syntax/document.hpp"

namespace keylint {

// One step of a configuration path: the `occurrence`-th member called `key` (a repeated nested
// block's position), or any member so called (a block's labels: `resource`, its type, its name).
struct PlanStep {
    static constexpr size_t any = static_cast<size_t>(-1);
    std::string key;
    size_t occurrence = any;
};

// A value the document holds, where it is in the plan (from its key to the end of its value) and
// the path that writes it in the module's configuration.
struct PlanPlace {
    Span span;
    std::vector<PlanStep> path;
};

// A resource instance of the document, in document order.
struct PlanResource {
    std::string address;       // in its module: "aws_iam_role.r", "aws_iam_role.r[0]", "data.aws_x.y"
    std::string base_address;  // without the instance key
    std::string instance_key;  // "0", "\"db\"" as the address writes it; empty for a single instance
};

struct PlanModule {
    std::string address;  // "" for the root, "module.app", "module.app[\"db\"].module.key"
    // The module's directory relative to the run, as Terraform's working directory (the plan's
    // own directory) and the calls' local sources give it; nullopt under a non-local source.
    std::optional<std::string> directory;
    Value document;
    std::vector<PlanResource> resources;
    std::map<std::string, ModuleArgument> arguments;
    std::vector<PlanPlace> places;
};

struct TerraformPlan {
    std::vector<PlanModule> modules;  // the root first, then child modules depth first
    std::vector<Diagnostic> diagnostics;
};

// Whether a JSON document is a plan: an object with `format_version` and `planned_values` or
// `resource_changes`.
bool looks_like_terraform_plan(const Value& root);

// The plan's module instances; a format_version other than 0.x or 1.x gives none and a diagnostic.
TerraformPlan read_terraform_plan(const Value& root, const std::string& path);

// The stack of one module instance, its resources named by the plan's instance addresses. `text`
// is the plan; the module must outlive the stack.
Stack terraform_plan_stack(const PlanModule& module, const SourceText& text);

}  // namespace keylint
