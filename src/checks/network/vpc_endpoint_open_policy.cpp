// vpc-endpoint-open-policy. An endpoint policy limits what can be done through the endpoint; one
// that allows every action (`*` or `secretsmanager:*`) on every resource to every principal
// (`"*"` or `{"AWS": "*"}`) without a Condition that limits it (iam/condition_verdict.hpp) limits
// nothing, so any credentials (from any account) can reach any secret through the VPC. An absent policy is AWS's default, which is exactly
// that full access: reported as a note, since it is the documented default rather than a choice
// written in the template. Only Secrets Manager interface endpoints (or ones whose type keylint
// cannot resolve) are checked: a Gateway one cannot exist, vpc-endpoint-missing says so. Policies come from
// `PolicyDocument` (object or JSON string) and `policy` (`jsonencode`, heredoc, string, or
// `data.aws_iam_policy_document.x.json`, read from the stack's extracted policies).
#include "checks/network/vpc_endpoint_open_policy.hpp"

#include <algorithm>
#include <memory>

#include "checks/check_metadata.hpp"
#include "checks/support/vpc_endpoints.hpp"
#include "iam/condition_verdict.hpp"
#include "iam/principals.hpp"
#include "iam/raw_policy_extractor.hpp"
#include "infra/embedded_json.hpp"
#include "infra/references.hpp"
#include "infra/stack_reader.hpp"
#include "syntax/json_reader.hpp"

namespace keylint {
namespace {

bool is_every_action(const LocatedString& action) {
    if (action.unknown) return false;
    std::string lower = action.text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "*" || lower == "secretsmanager:*";
}

bool allows_everything_to_everyone(const PolicyStatement& statement) {
    if (!statement.allows() || !names_anyone(statement.principal)) return false;
    // A Condition that limits nothing (`Bool aws:SecureTransport true`, `StringLike … "*"`) leaves the
    // statement open; one that never holds grants nothing.
    const ConditionVerdict::Kind condition = classify_condition(statement.condition, today_utc()).kind;
    if (condition != ConditionVerdict::Kind::none && condition != ConditionVerdict::Kind::always_holds) return false;
    if (!std::any_of(statement.actions.begin(), statement.actions.end(), is_every_action)) return false;
    if (statement.has_not_resource) return false;
    return !statement.has_resource || std::any_of(statement.resources.begin(), statement.resources.end(),
                                                  [](const LocatedString& r) { return !r.unknown && r.text == "*"; });
}

// The endpoint's policy, extracted; `document` keeps what it points into. Null when keylint
// cannot read it.
struct EndpointPolicy {
    std::shared_ptr<const Value> document;
    std::optional<Policy> policy;
    const Policy* extracted = nullptr;  // a Terraform policy document of the stack
    bool exact_spans = true;            // false: report at the property
};

EndpointPolicy read_policy(const StackReader& reader, const StackContext& context, const StackResource& resource,
                           const Value& written) {
    EndpointPolicy result;
    const Value value = reader.resolve(written);
    if (value.is_object()) {
        result.document = std::make_shared<const Value>(value);
    } else if (value.is_string()) {
        std::string error;
        std::optional<Value> parsed;
        if (const SourceText* text = context.stack.text_of(resource.path)) {
            parsed = parse_embedded_json(value, *text, error);
        } else {
            parsed = read_json(SourceText(resource.path, value.scalar)).root;
            result.exact_spans = false;
        }
        if (parsed) result.document = std::make_shared<const Value>(std::move(*parsed));
    } else if (const StackResource* document = referenced_resource(context.stack, value)) {
        for (const Policy& policy : context.policies) {
            if (policy.resource == document->address) result.extracted = &policy;
        }
        return result;
    }
    if (result.document && looks_like_policy_document(*result.document)) {
        result.policy = extract_policy(*result.document, resource.path, resource.address, Policy::Kind::endpoint);
    }
    return result;
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const VpcEndpoint& endpoint : vpc_endpoints(reader)) {
        if (!endpoint.secrets_manager || !(endpoint.interface() || endpoint.type.empty())) continue;
        const StackResource& resource = *endpoint.resource;
        const std::string key = reader.spelling("PolicyDocument", "policy");
        const Member* member = resource.body ? resource.body->find_member(key) : nullptr;
        const std::string name = "Secrets Manager endpoint " + resource.address;
        if (!member) {
            Finding finding = stack_finding(
                self, resource, resource.span,
                name + " has no " + key + ": the default endpoint policy allows every principal every action on "
                "every secret through it. Add a policy that names the principals and secrets that use the endpoint.");
            finding.level = Level::note;
            out.push_back(std::move(finding));
            continue;
        }
        const EndpointPolicy read = read_policy(reader, context, resource, member->value);
        const Policy* policy = read.extracted ? read.extracted : read.policy ? &*read.policy : nullptr;
        if (!policy) continue;
        for (const PolicyStatement& statement : policy->statements) {
            if (!allows_everything_to_everyone(statement)) continue;
            const bool in_place = read.exact_spans && (read.extracted || read.document);
            const StackResource* holder = read.extracted ? context.stack.find(read.extracted->resource) : &resource;
            out.push_back(stack_finding(
                self, holder ? *holder : resource, in_place ? statement.span : member_span(*member),
                name + ": its policy allows every action on every resource to every principal (\"Principal\": \"*\", "
                "no Condition), which is the same as no policy. Name the principals (or require "
                "aws:PrincipalAccount / aws:PrincipalOrgID) and the secrets that use the endpoint."));
        }
    }
}

}  // namespace

StackCheck vpc_endpoint_open_policy_check() { return StackCheck{check_metadata("vpc-endpoint-open-policy"), run}; }

}  // namespace keylint
