// See permission_policy.hpp.
#include "iam/permission_policy.hpp"

#include <string>

#include "iam/raw_policy_extractor.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

// What Lambda writes into the function's policy for each property of AddPermission.
constexpr PermissionCondition function_conditions[] = {
    {"SourceArn", "ArnLike", "aws:SourceArn"},
    {"SourceAccount", "StringEquals", "aws:SourceAccount"},
    {"PrincipalOrgID", "StringEquals", "aws:PrincipalOrgID"},
    {"FunctionUrlAuthType", "StringEquals", "lambda:FunctionUrlAuthType"},
};

// AddLayerVersionPermission: an organization id limits a "*" principal to that organization.
constexpr PermissionCondition layer_conditions[] = {
    {"OrganizationId", "StringEquals", "aws:PrincipalOrgID"},
};

constexpr PermissionShape shapes[] = {
    {"AWS::Lambda::Permission", "aws_lambda_permission", "StatementId", "Principal", "Action", "FunctionName", "",
     function_conditions},
    {"AWS::Lambda::LayerVersionPermission", "aws_lambda_layer_version_permission", "StatementId", "Principal", "Action",
     "LayerVersionArn", "layer_name", layer_conditions},
};

Value make(Value::Kind kind, const Span& span, std::string scalar = {}) {
    Value value;
    value.kind = kind;
    value.span = span;
    value.scalar = std::move(scalar);
    return value;
}

void add(Value& object, std::string key, const Span& key_span, Value value) {
    object.members.push_back(Member{std::move(key), key_span, std::move(value)});
}

// "*" as written; a service's domain-style name under "Service"; an account id, an ARN or a value
// keylint cannot resolve under "AWS".
Value principal_of(const Value& written) {
    if (written.is_string() && written.scalar == "*") return written;
    const bool service = (written.is_string() || written.is_unknown()) &&
                         written.scalar.find(".amazonaws.com") != std::string::npos;
    Value principal = make(Value::Kind::object, written.span);
    add(principal, service ? "Service" : "AWS", written.span, written);
    return principal;
}

}  // namespace

const PermissionShape* permission_shape(std::string_view type) {
    for (const PermissionShape& shape : shapes) {
        if (shape.cloudformation_type == type || shape.terraform_type == type) return &shape;
    }
    return nullptr;
}

Value permission_document(const PermissionShape& shape, const Value& properties, bool terraform, const Span& span) {
    const auto find = [&](std::string_view cloudformation_name, std::string_view terraform_name = {}) -> const Member* {
        if (cloudformation_name.empty()) return nullptr;
        if (!terraform) return properties.find_member(cloudformation_name);
        const std::string name = terraform_name.empty() ? snake_case(cloudformation_name) : std::string(terraform_name);
        return properties.find_member(name);
    };
    Value statement = make(Value::Kind::object, span);
    if (const Member* sid = find(shape.sid)) add(statement, "Sid", sid->key_span, sid->value);
    add(statement, "Effect", span, make(Value::Kind::string, span, "Allow"));
    if (const Member* principal = find(shape.principal)) {
        add(statement, "Principal", principal->key_span, principal_of(principal->value));
    }
    if (const Member* action = find(shape.action)) add(statement, "Action", action->key_span, action->value);
    if (const Member* resource = find(shape.resource, shape.terraform_resource)) {
        add(statement, "Resource", resource->key_span, resource->value);
    }
    Value condition = make(Value::Kind::object, span);
    for (const PermissionCondition& row : shape.conditions) {
        const Member* written = find(row.property);
        if (!written) continue;
        Member* test = nullptr;
        for (Member& existing : condition.members) {
            if (existing.key == row.op) test = &existing;
        }
        if (!test) {
            add(condition, std::string(row.op), written->key_span, make(Value::Kind::object, written->value.span));
            test = &condition.members.back();
        }
        add(test->value, std::string(row.key), written->key_span, written->value);
    }
    if (!condition.members.empty()) add(statement, "Condition", span, std::move(condition));
    return single_statement_document(statement);
}

}  // namespace keylint
