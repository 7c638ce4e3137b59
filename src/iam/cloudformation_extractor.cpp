#include "iam/cloudformation_extractor.hpp"

#include "iam/raw_policy_extractor.hpp"
#include "infra/cloudformation_resolver.hpp"

namespace keylint {
namespace {

struct Source {
    const char* property;
    std::optional<Policy::Kind> kind;
};

}  // namespace

std::vector<Policy> extract_cloudformation_policies(const Stack& stack) {
    std::vector<Policy> policies;
    if (!stack.template_root) return policies;
    const CloudFormationResolver resolver(*stack.template_root);
    auto add = [&](const StackResource& resource, const Value& document, const std::string& origin,
                   std::optional<Policy::Kind> kind) {
        auto resolved = std::make_shared<const Value>(resolver.resolve(document));
        if (!looks_like_policy_document(*resolved)) return;
        Policy policy = extract_policy(*resolved, stack.path, origin, kind);
        policy.resource = resource.address;
        policy.owned.push_back(std::move(resolved));
        policies.push_back(std::move(policy));
    };
    for (const StackResource& resource : stack.resources) {
        const Value* properties = resource.body;
        if (!properties) continue;
        const std::string& type = resource.type;
        const std::string origin = "resource " + resource.name + " (" + type + ")";
        std::vector<Source> sources;
        if (type == "AWS::IAM::Policy" || type == "AWS::IAM::ManagedPolicy") {
            sources = {{"PolicyDocument", Policy::Kind::identity}};
        } else if (type == "AWS::IAM::Role") {
            sources = {{"AssumeRolePolicyDocument", Policy::Kind::trust}};
        } else if (type == "AWS::SecretsManager::ResourcePolicy") {
            sources = {{"ResourcePolicy", Policy::Kind::resource}};
        } else if (type == "AWS::KMS::Key") {
            sources = {{"KeyPolicy", Policy::Kind::resource}};
        } else if (type == "AWS::S3::BucketPolicy") {
            sources = {{"PolicyDocument", Policy::Kind::resource}};
        } else if (type == "AWS::EC2::VPCEndpoint") {
            sources = {{"PolicyDocument", Policy::Kind::endpoint}};
        }
        for (const Source& source : sources) {
            if (const Value* document = properties->find(source.property)) add(resource, *document, origin, source.kind);
        }
        if (type == "AWS::IAM::Role" || type == "AWS::IAM::User" || type == "AWS::IAM::Group") {
            const Value* inline_policies = properties->find("Policies");
            if (!inline_policies || !inline_policies->is_array()) continue;
            for (const Value& item : inline_policies->items) {
                const Value* document = item.find("PolicyDocument");
                if (!document) continue;
                const Value* name = item.find("PolicyName");
                add(resource, *document, origin + " policy " + (name && name->is_string() ? name->scalar : "(unnamed)"),
                    Policy::Kind::identity);
            }
        }
    }
    return policies;
}

}  // namespace keylint
