#include "iam/terraform_extractor.hpp"

#include <map>
#include <string_view>

#include "iam/permission_policy.hpp"
#include "iam/raw_policy_extractor.hpp"
#include "infra/embedded_json.hpp"
#include "infra/references.hpp"
#include "infra/terraform_resolver.hpp"

namespace keylint {
namespace {

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

// principals { type = "AWS", identifiers = [...] } blocks → {"AWS": [...], …}
Value principal_object(const Value& statement, std::string_view block_name) {
    Value object = make(Value::Kind::object, statement.span);
    for (const Member& member : statement.members) {
        if (member.key != block_name || !member.value.is_object()) continue;
        const Value* type = member.value.find("type");
        const Value* identifiers = member.value.find("identifiers");
        if (!type || !identifiers) continue;
        object.span = member.value.span;
        add(object, type->scalar, type->span, *identifiers);
    }
    return object;
}

// A data "aws_iam_policy_document" body → a policy document in IAM JSON's shape.
Value policy_document_of(const Value& body) {
    Value document = make(Value::Kind::object, body.span);
    if (const Member* version = body.find_member("version")) add(document, "Version", version->key_span, version->value);
    Value statements = make(Value::Kind::array, body.span);
    for (const Member& member : body.members) {
        if (member.key != "statement" || !member.value.is_object()) continue;
        const Value& block = member.value;
        Value statement = make(Value::Kind::object, block.span);
        static const std::pair<const char*, const char*> renames[] = {
            {"sid", "Sid"}, {"effect", "Effect"}, {"actions", "Action"}, {"not_actions", "NotAction"},
            {"resources", "Resource"}, {"not_resources", "NotResource"}};
        for (const auto& [from, to] : renames) {
            if (const Member* found = block.find_member(from)) add(statement, to, found->key_span, found->value);
        }
        if (!statement.find("Effect")) add(statement, "Effect", member.key_span, make(Value::Kind::string, member.key_span, "Allow"));
        if (block.find("principals")) add(statement, "Principal", block.span, principal_object(block, "principals"));
        if (block.find("not_principals")) add(statement, "NotPrincipal", block.span, principal_object(block, "not_principals"));
        Value conditions = make(Value::Kind::object, block.span);
        for (const Member& condition : block.members) {
            if (condition.key != "condition" || !condition.value.is_object()) continue;
            const Value* test = condition.value.find("test");
            const Value* variable = condition.value.find("variable");
            const Value* values = condition.value.find("values");
            if (!test || !variable || !values) continue;
            Value inner = make(Value::Kind::object, condition.value.span);
            add(inner, variable->scalar, variable->span, *values);
            add(conditions, test->scalar, test->span, std::move(inner));
        }
        if (!conditions.members.empty()) add(statement, "Condition", block.span, std::move(conditions));
        statements.items.push_back(std::move(statement));
    }
    add(document, "Statement", body.span, std::move(statements));
    return document;
}

// `source_policy_documents = [data.aws_iam_policy_document.base.json, …]`: the addresses named.
std::vector<std::string> document_addresses(const Stack& module, const Value* list) {
    std::vector<std::string> addresses;
    if (!list) return addresses;
    for (const StackResource* document : mentioned_resources(module, *list)) {
        if (document->type == "aws_iam_policy_document") addresses.push_back(document->address);
    }
    return addresses;
}

std::string line_of(const Span& span) { return "line " + std::to_string(span.start_line); }

// Where a module's resources hold policy documents, by the AWS provider's documentation: the
// resource type, the attribute (inside each of the resource's `block` blocks where one is named)
// and what the document is. Lambda permissions are no documents: permission_policy.hpp.
// AWS Glue's one resource policy per region (aws_glue_resource_policy) has no CloudFormation
// counterpart.
struct DocumentSource {
    std::string_view type;
    std::string_view attribute;
    Policy::Kind kind;
    std::string_view block = {};
};

constexpr DocumentSource document_sources[] = {
    {"aws_iam_policy", "policy", Policy::Kind::identity},
    {"aws_iam_role_policy", "policy", Policy::Kind::identity},
    {"aws_iam_user_policy", "policy", Policy::Kind::identity},
    {"aws_iam_group_policy", "policy", Policy::Kind::identity},
    {"aws_iam_role", "assume_role_policy", Policy::Kind::trust},
    {"aws_iam_role", "policy", Policy::Kind::identity, "inline_policy"},
    {"aws_secretsmanager_secret_policy", "policy", Policy::Kind::resource},
    {"aws_kms_key", "policy", Policy::Kind::resource},
    {"aws_kms_key_policy", "policy", Policy::Kind::resource},
    {"aws_kms_replica_key", "policy", Policy::Kind::resource},
    {"aws_s3_bucket_policy", "policy", Policy::Kind::resource},
    {"aws_s3_access_point", "policy", Policy::Kind::resource},
    {"aws_s3control_access_point_policy", "policy", Policy::Kind::resource},
    {"aws_s3control_multi_region_access_point_policy", "policy", Policy::Kind::resource, "details"},
    {"aws_sqs_queue", "policy", Policy::Kind::resource},
    {"aws_sqs_queue_policy", "policy", Policy::Kind::resource},
    {"aws_sns_topic", "policy", Policy::Kind::resource},
    {"aws_sns_topic_policy", "policy", Policy::Kind::resource},
    {"aws_ecr_repository_policy", "policy", Policy::Kind::resource},
    {"aws_ecr_registry_policy", "policy", Policy::Kind::resource},
    {"aws_glacier_vault", "access_policy", Policy::Kind::resource},
    {"aws_glacier_vault_lock", "policy", Policy::Kind::resource},
    {"aws_opensearch_domain", "access_policies", Policy::Kind::resource},
    {"aws_opensearch_domain_policy", "access_policies", Policy::Kind::resource},
    {"aws_elasticsearch_domain", "access_policies", Policy::Kind::resource},
    {"aws_elasticsearch_domain_policy", "access_policies", Policy::Kind::resource},
    {"aws_api_gateway_rest_api", "policy", Policy::Kind::resource},
    {"aws_api_gateway_rest_api_policy", "policy", Policy::Kind::resource},
    {"aws_cloudwatch_event_bus_policy", "policy", Policy::Kind::resource},
    {"aws_backup_vault_policy", "policy", Policy::Kind::resource},
    {"aws_codeartifact_domain_permissions_policy", "policy_document", Policy::Kind::resource},
    {"aws_codeartifact_repository_permissions_policy", "policy_document", Policy::Kind::resource},
    {"aws_glue_resource_policy", "policy", Policy::Kind::resource},
    {"aws_vpc_endpoint", "policy", Policy::Kind::endpoint},
    {"aws_vpc_endpoint_policy", "policy", Policy::Kind::endpoint},
};

// "aws_iam_policy.p" for a `policy`, else the address and the attribute or block:
// "aws_iam_role.r assume_role_policy", "aws_iam_role.r inline_policy".
std::string origin_of(const StackResource& resource, const DocumentSource& source) {
    if (!source.block.empty()) return resource.address + " " + std::string(source.block);
    if (source.attribute == "policy") return resource.address;
    return resource.address + " " + std::string(source.attribute);
}

}  // namespace

TerraformExtraction extract_terraform_policies(const Stack& module) {
    TerraformExtraction result;
    const TerraformResolver resolver(module);
    std::map<std::string, Policy::Kind> referenced;  // data source address → kind of its first user

    auto take = [&](const StackResource& owner, const Value& written, const std::string& origin, Policy::Kind kind) {
        const Value value = resolver.resolve(written);
        // null or "": no policy, as Terraform reads an optional attribute (aws_sqs_queue's `policy`).
        if (value.kind == Value::Kind::null || (value.is_string() && value.scalar.empty())) return;
        const SourceText* text = module.text_of(owner.path);
        if (value.is_object()) {
            if (looks_like_policy_document(value)) {
                auto owned = std::make_shared<const Value>(value);
                Policy policy = extract_policy(*owned, owner.path, origin, kind);
                policy.resource = owner.address;
                policy.owned.push_back(std::move(owned));
                result.policies.push_back(std::move(policy));
            }
        } else if (value.is_string() && text) {
            std::string error;
            std::optional<Value> parsed = parse_embedded_json(value, *text, error);
            if (!parsed) {
                result.diagnostics.push_back({Diagnostic::Kind::warning, owner.path,
                                              origin + ": the policy is not valid JSON (" + error + ")"});
                return;
            }
            auto owned = std::make_shared<const Value>(std::move(*parsed));
            if (!looks_like_policy_document(*owned)) return;
            Policy policy = extract_policy(*owned, owner.path, origin, kind);
            policy.resource = owner.address;
            policy.owned.push_back(std::move(owned));
            result.policies.push_back(std::move(policy));
        } else if (const StackResource* document = referenced_resource(module, value);
                   document && document->type == "aws_iam_policy_document") {
            referenced.emplace(document->address, kind);
        } else {
            // Never silently passed: say which policy was not audited and why.
            result.diagnostics.push_back(
                {Diagnostic::Kind::warning, owner.path,
                 origin + " (" + line_of(written.span) + "): the policy is " + value.scalar +
                     ", which keylint cannot resolve within the module; it was not audited"});
        }
    };

    for (const StackResource& resource : module.resources) {
        if (resource.data_source) continue;
        const Value& body = *resource.body;
        for (const DocumentSource& source : document_sources) {
            if (source.type != resource.type) continue;
            const std::string origin = origin_of(resource, source);
            if (source.block.empty()) {
                if (const Value* policy = body.find(source.attribute)) take(resource, *policy, origin, source.kind);
                continue;
            }
            for (const Member& member : body.members) {
                if (member.key != source.block || !member.value.is_object()) continue;
                if (const Value* policy = member.value.find(source.attribute)) {
                    take(resource, *policy, origin, source.kind);
                }
            }
        }
        if (const PermissionShape* shape = permission_shape(resource.type)) {
            auto document =
                std::make_shared<const Value>(permission_document(*shape, resolver.resolve(body), true, resource.span));
            Policy policy = extract_policy(*document, resource.path, resource.address, Policy::Kind::resource);
            policy.resource = resource.address;
            policy.owned.push_back(std::move(document));
            result.policies.push_back(std::move(policy));
        }
    }
    // A document merged into another takes the kind of the policy that uses the other.
    for (bool changed = true; changed;) {
        changed = false;
        for (const StackResource* document : module.of_type("aws_iam_policy_document")) {
            const auto user = referenced.find(document->address);
            if (user == referenced.end()) continue;
            for (const char* key : {"source_policy_documents", "override_policy_documents"}) {
                for (const std::string& merged : document_addresses(module, document->property(key))) {
                    changed = referenced.emplace(merged, user->second).second || changed;
                }
            }
        }
    }
    for (const StackResource* document : module.of_type("aws_iam_policy_document")) {
        if (!document->data_source) continue;
        auto body = std::make_shared<const Value>(policy_document_of(resolver.resolve(*document->body)));
        const auto reference = referenced.find(document->address);
        Policy policy = extract_policy(*body, document->path, document->address,
                                       reference == referenced.end() ? std::nullopt : std::optional(reference->second));
        policy.resource = document->address;
        policy.source_documents = document_addresses(module, document->property("source_policy_documents"));
        policy.override_documents = document_addresses(module, document->property("override_policy_documents"));
        policy.owned.push_back(std::move(body));
        result.policies.push_back(std::move(policy));
    }
    return result;
}

}  // namespace keylint
