// See resource_requirements.hpp.
#include "checks/escalation/resource_requirements.hpp"

#include <algorithm>
#include <cctype>

#include "iam/action_database.hpp"
#include "infra/references.hpp"

namespace keylint {
namespace {

// The strings a principal element lists under `key` ("Service", "AWS"), or {"*"} for "Principal": "*".
std::vector<std::string> principal_values(const Value* principal, std::string_view key) {
    std::vector<std::string> values;
    if (!principal) return values;
    if (principal->is_string()) {
        if (principal->scalar == "*") values.push_back("*");
        return values;
    }
    const Value* listed = principal->find(key);
    if (!listed) return values;
    if (listed->is_string()) values.push_back(listed->scalar);
    for (const Value& item : listed->items) {
        if (item.is_string()) values.push_back(item.scalar);
    }
    return values;
}

bool unconditional(const PolicyStatement& statement, std::chrono::sys_days today) {
    const ConditionVerdict::Kind kind = classify_condition(statement.condition, today).kind;
    return kind == ConditionVerdict::Kind::none || kind == ConditionVerdict::Kind::always_holds;
}

bool is_account_wide(const std::string& value) {
    if (value == "*") return true;
    if (value.ends_with(":root")) return true;
    return value.size() == 12 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool trusts_every_account_principal(const Principal& role, std::chrono::sys_days today) {
    for (const Policy* trust : role.trust) {
        for (const PolicyStatement& statement : trust->statements) {
            if (!statement.allows() || !statement_covers_action(statement, "sts:AssumeRole")) continue;
            if (!unconditional(statement, today)) continue;
            std::vector<std::string> values = principal_values(statement.principal, "AWS");
            if (std::any_of(values.begin(), values.end(), is_account_wide)) return true;
        }
    }
    return false;
}

// The role principals of the stack a resource value names: by reference, or by name in an ARN.
std::vector<const Principal*> roles_named(const LocatedString& resource, const RequirementContext& context) {
    std::vector<const Principal*> roles;
    Value value;
    value.kind = resource.unknown ? Value::Kind::unknown : Value::Kind::string;
    value.scalar = resource.text;
    const std::vector<const StackResource*> mentioned = mentioned_resources(context.stack, value);
    const size_t slash = resource.text.rfind('/');
    const std::string name = resource.text.find(":role/") != std::string::npos && slash != std::string::npos
                                 ? resource.text.substr(slash + 1)
                                 : std::string();
    for (const Principal& principal : context.principals) {
        if (principal.kind != Principal::Kind::role) continue;
        const bool by_reference = std::find(mentioned.begin(), mentioned.end(), principal.resource) != mentioned.end();
        const bool by_name = !name.empty() && !principal.self_names.empty() && principal.self_names.front() == name;
        if (by_reference || by_name) roles.push_back(&principal);
    }
    return roles;
}

bool names_self(const LocatedString& resource, const Principal& principal, const RequirementContext& context) {
    if (resource.text.find("${aws:username}") != std::string::npos && principal.kind == Principal::Kind::user) return true;
    Value value;
    value.kind = resource.unknown ? Value::Kind::unknown : Value::Kind::string;
    value.scalar = resource.text;
    for (const StackResource* mentioned : mentioned_resources(context.stack, value)) {
        if (std::find(principal.self_resources.begin(), principal.self_resources.end(), mentioned) !=
            principal.self_resources.end()) {
            return true;
        }
    }
    const size_t slash = resource.text.rfind('/');
    if (resource.unknown || slash == std::string::npos) return false;
    const std::string last = resource.text.substr(slash + 1);
    if (std::find(principal.self_names.begin(), principal.self_names.end(), last) != principal.self_names.end()) return true;
    // A pattern (`arn:aws:iam::*:policy/app-*`) names itself when it matches one of its own ARNs.
    if (resource.text.find_first_of("*?") == std::string::npos || arn_service(resource.text) != "iam") return false;
    const std::string_view text = resource.text;
    size_t colons = 0, at = 0;
    while (colons < 5 && (at = text.find(':', at)) != std::string_view::npos) ++colons, ++at;
    if (colons < 5) return false;
    const std::string_view pattern = text.substr(at);
    return std::any_of(principal.self_arn_resources.begin(), principal.self_arn_resources.end(),
                       [&](const std::string& own) { return iam_wildcard_match(pattern, own); });
}

// An unresolved value that refers to a resource of the stack (`aws_secretsmanager_secret.db.arn`)
// names that resource: it is not a wildcard.
bool names_stack_resource(const LocatedString& resource, const RequirementContext& context) {
    Value value;
    value.kind = Value::Kind::unknown;
    value.scalar = resource.text;
    return !mentioned_resources(context.stack, value).empty();
}

// An iam:PassedToService test in the grant's condition that leaves out `service`.
bool passed_to_service_excludes(const Grant& grant, std::string_view service) {
    const Value* condition = grant.source.statement->condition;
    if (!condition || !condition->is_object()) return false;
    for (const Member& test : condition->members) {
        if (!test.value.is_object()) continue;
        for (const Member& key : test.value.members) {
            std::string lowered = key.key;
            for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lowered != "iam:passedtoservice") continue;
            std::vector<std::string> values;
            if (key.value.is_string()) values.push_back(key.value.scalar);
            for (const Value& item : key.value.items) {
                if (!item.is_string()) return false;  // unknown: cannot say it excludes
                values.push_back(item.scalar);
            }
            if (!key.value.is_string() && !key.value.is_array()) return false;
            const bool admits = std::any_of(values.begin(), values.end(),
                                            [&](const std::string& value) { return iam_wildcard_match(value, service); });
            if (!admits) return true;
        }
    }
    return false;
}

// An ARN of another service ("arn:aws:s3:::b" for a kms action) grants that action nothing, except
// where a service's actions act on another service's resources (ssm:SendCommand on an instance,
// sts:AssumeRole on a role).
bool may_name_resource_of(const std::string& resource, std::string_view service) {
    static const std::pair<std::string_view, std::string_view> acts_on[] = {
        {"ssm", "ec2"}, {"sts", "iam"}, {"ec2-instance-connect", "ec2"}};
    const std::string_view named = arn_service(resource);
    if (named.empty() || named.find("${") != std::string_view::npos) return true;
    for (const auto& [actor, owner] : acts_on) {
        if (service == actor && named == owner) return true;
    }
    return iam_wildcard_match(named, service);
}

}  // namespace

bool trusts_service(const Principal& role, std::string_view service, std::chrono::sys_days today) {
    for (const Policy* trust : role.trust) {
        for (const PolicyStatement& statement : trust->statements) {
            if (!statement.allows() || !statement_covers_action(statement, "sts:AssumeRole")) continue;
            if (classify_condition(statement.condition, today).kind == ConditionVerdict::Kind::never_holds) continue;
            if (principal_values(statement.principal, "AWS") == std::vector<std::string>{"*"}) return true;
            for (const std::string& value : principal_values(statement.principal, "Service")) {
                if (iam_wildcard_match(value, service)) return true;
            }
        }
    }
    return false;
}

StepMatch step_resource_match(const SignatureStep& step, std::string_view action, const Grant& grant,
                              const Principal& principal, const RequirementContext& context) {
    const std::string_view service = action.substr(0, action.find(':'));
    StepMatch match;
    if (step.resource == ResourceRequirement::pass_role && passed_to_service_excludes(grant, step.pass_to)) return match;
    for (const LocatedString& resource : grant.resources) {
        if (!resource.unknown && !may_name_resource_of(resource.text, service)) continue;
        if (!resource.unknown && covers_every_resource(resource.text, service)) {
            return {true, false, ""};
        }
        switch (step.resource) {
            case ResourceRequirement::any: return {true, false, ""};
            case ResourceRequirement::every:
            case ResourceRequirement::self_or_every:
                if (step.resource == ResourceRequirement::self_or_every && names_self(resource, principal, context)) {
                    return {true, false, std::string(action) + " on itself: " + resource.text};
                }
                if (resource.unknown && !names_stack_resource(resource, context)) {
                    match = {true, true, std::string(action) + " on " + resource.text + ", which keylint cannot resolve"};
                }
                break;
            case ResourceRequirement::pass_role: {
                const std::vector<const Principal*> roles = roles_named(resource, context);
                if (roles.empty()) {
                    match = {true, true, "iam:PassRole on " + resource.text +
                                             (resource.unknown ? ", which keylint cannot resolve"
                                                               : ", a role outside the stack whose trust policy keylint cannot see")};
                    break;
                }
                for (const Principal* role : roles) {
                    if (trusts_service(*role, step.pass_to, context.today)) {
                        return {true, false, "iam:PassRole on " + role->resource->address + ", which " + step.pass_to + " may assume"};
                    }
                }
                break;
            }
            case ResourceRequirement::assumable_role:
                for (const Principal* role : roles_named(resource, context)) {
                    if (role != &principal && trusts_every_account_principal(*role, context.today)) {
                        return {true, false, "sts:AssumeRole on " + role->resource->address + ", whose trust policy trusts a whole account"};
                    }
                }
                break;
        }
    }
    return match;
}

}  // namespace keylint
