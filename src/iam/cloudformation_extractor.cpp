#include "iam/cloudformation_extractor.hpp"

#include <string_view>

#include "iam/permission_policy.hpp"
#include "iam/raw_policy_extractor.hpp"
#include "infra/cloudformation_resolver.hpp"
#include "syntax/json_reader.hpp"

namespace keylint {
namespace {

// What a property holds: a policy document, or one statement to be read as a document of it.
enum class Shape { document, statement };

// Where a template's resources hold policy documents, by the CloudFormation resource reference:
// the resource type, the property (in each item of the list property `within` where one is named,
// the item naming itself by PolicyName) and what the document is. AWS::SQS::Queue and
// AWS::SNS::Topic take no policy (AWS::SQS::QueuePolicy and AWS::SNS::TopicPolicy do), and AWS Glue
// has no resource-policy resource in CloudFormation. Lambda permissions are no documents:
// permission_policy.hpp.
struct DocumentSource {
    std::string_view type;
    std::string_view property;
    Policy::Kind kind;
    std::string_view within = {};
    Shape shape = Shape::document;
};

constexpr DocumentSource document_sources[] = {
    {"AWS::IAM::Policy", "PolicyDocument", Policy::Kind::identity},
    {"AWS::IAM::ManagedPolicy", "PolicyDocument", Policy::Kind::identity},
    {"AWS::IAM::Role", "AssumeRolePolicyDocument", Policy::Kind::trust},
    {"AWS::IAM::Role", "PolicyDocument", Policy::Kind::identity, "Policies"},
    {"AWS::IAM::User", "PolicyDocument", Policy::Kind::identity, "Policies"},
    {"AWS::IAM::Group", "PolicyDocument", Policy::Kind::identity, "Policies"},
    {"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy", Policy::Kind::resource},
    {"AWS::KMS::Key", "KeyPolicy", Policy::Kind::resource},
    {"AWS::KMS::ReplicaKey", "KeyPolicy", Policy::Kind::resource},
    {"AWS::S3::BucketPolicy", "PolicyDocument", Policy::Kind::resource},
    {"AWS::S3::AccessPoint", "Policy", Policy::Kind::resource},
    {"AWS::S3::MultiRegionAccessPointPolicy", "Policy", Policy::Kind::resource},
    {"AWS::SQS::QueuePolicy", "PolicyDocument", Policy::Kind::resource},
    {"AWS::SNS::TopicPolicy", "PolicyDocument", Policy::Kind::resource},
    {"AWS::SNS::TopicInlinePolicy", "PolicyDocument", Policy::Kind::resource},
    {"AWS::ECR::Repository", "RepositoryPolicyText", Policy::Kind::resource},
    {"AWS::ECR::RegistryPolicy", "PolicyText", Policy::Kind::resource},
    {"AWS::Glacier::Vault", "AccessPolicy", Policy::Kind::resource},
    {"AWS::OpenSearchService::Domain", "AccessPolicies", Policy::Kind::resource},
    {"AWS::Elasticsearch::Domain", "AccessPolicies", Policy::Kind::resource},
    {"AWS::ApiGateway::RestApi", "Policy", Policy::Kind::resource},
    {"AWS::Events::EventBusPolicy", "Statement", Policy::Kind::resource, {}, Shape::statement},
    {"AWS::Backup::BackupVault", "AccessPolicy", Policy::Kind::resource},
    {"AWS::CodeArtifact::Domain", "PermissionsPolicyDocument", Policy::Kind::resource},
    {"AWS::CodeArtifact::Repository", "PermissionsPolicyDocument", Policy::Kind::resource},
    {"AWS::EC2::VPCEndpoint", "PolicyDocument", Policy::Kind::endpoint},
};

void respan(Value& value, const Span& span) {
    value.span = span;
    for (Member& member : value.members) {
        member.key_span = span;
        respan(member.value, span);
    }
    for (Value& item : value.items) respan(item, span);
}

// A document written as a JSON string (`PolicyDocument: '{"Statement": …}'`, or an Fn::Sub of one),
// which CloudFormation accepts for a policy: its values all span the string. Null when it is no JSON.
std::optional<Value> parsed_json_string(const Value& resolved, const std::string& path) {
    if (!resolved.is_string()) return std::nullopt;
    ParseResult parsed = read_json(SourceText(path, resolved.scalar));
    if (parsed.root) respan(*parsed.root, resolved.span);
    return std::move(parsed.root);
}

}  // namespace

std::vector<Policy> extract_cloudformation_policies(const Stack& stack) {
    std::vector<Policy> policies;
    if (!stack.template_root) return policies;
    const CloudFormationResolver resolver(*stack.template_root);
    auto keep = [&](const StackResource& resource, std::shared_ptr<const Value> document, const std::string& origin,
                    Policy::Kind kind) {
        if (!looks_like_policy_document(*document)) return;
        Policy policy = extract_policy(*document, stack.path, origin, kind);
        policy.resource = resource.address;
        policy.owned.push_back(std::move(document));
        policies.push_back(std::move(policy));
    };
    auto add = [&](const StackResource& resource, const Value& written, const std::string& origin,
                   const DocumentSource& source) {
        Value resolved = resolver.resolve(written);
        if (std::optional<Value> parsed = parsed_json_string(resolved, stack.path)) resolved = std::move(*parsed);
        if (source.shape == Shape::statement) resolved = single_statement_document(resolved);
        keep(resource, std::make_shared<const Value>(std::move(resolved)), origin, source.kind);
    };
    for (const StackResource& resource : stack.resources) {
        const Value* properties = resource.body;
        if (!properties) continue;
        const std::string origin = "resource " + resource.name + " (" + resource.type + ")";
        for (const DocumentSource& source : document_sources) {
            if (source.type != resource.type) continue;
            if (source.within.empty()) {
                if (const Value* document = properties->find(source.property)) add(resource, *document, origin, source);
                continue;
            }
            const Value* list = properties->find(source.within);
            if (!list || !list->is_array()) continue;
            for (const Value& item : list->items) {
                const Value* document = item.find(source.property);
                if (!document) continue;
                const Value* name = item.find("PolicyName");
                const std::string policy_name = name && name->is_string() ? name->scalar : "(unnamed)";
                add(resource, *document, origin + " policy " + policy_name, source);
            }
        }
        if (const PermissionShape* shape = permission_shape(resource.type)) {
            auto document = std::make_shared<const Value>(
                permission_document(*shape, resolver.resolve(*properties), false, resource.span));
            keep(resource, std::move(document), origin, Policy::Kind::resource);
        }
    }
    return policies;
}

}  // namespace keylint
