#include "checks/support/kms_key_reference.hpp"

#include <algorithm>
#include <cctype>

#include "checks/support/declared_secrets.hpp"
#include "checks/support/resource_policy_facts.hpp"
#include "core/ascii_case.hpp"
#include "infra/references.hpp"

namespace keylint {
namespace {

bool is_key_type(const StackResource& resource) {
    return resource.type == "AWS::KMS::Key" || resource.type == "aws_kms_key";
}

bool is_alias_type(const StackResource& resource) {
    return resource.type == "AWS::KMS::Alias" || resource.type == "aws_kms_alias";
}

KeyChoice judge_resource(const StackReader& reader, const StackResource& resource, const std::string& text) {
    KeyChoice choice{KeyChoice::Kind::customer_managed, text, nullptr};
    if (resource.data_source) {
        // data "aws_kms_alias" "x" { name = "alias/aws/secretsmanager" } looks up the AWS-managed key.
        const Value* name = resource.type == "aws_kms_alias" ? resource.property("name")
                            : resource.type == "aws_kms_key" ? resource.property("key_id")
                                                             : nullptr;
        if (!name) return {KeyChoice::Kind::unknown, text, nullptr};
        const Value resolved = reader.resolve(*name);
        if (!resolved.is_string()) return {KeyChoice::Kind::unknown, text, nullptr};
        if (names_aws_managed_key(resolved.scalar)) {
            return {KeyChoice::Kind::aws_managed, resource.address + " (" + resolved.scalar + ")", nullptr};
        }
    } else if (is_key_type(resource)) {
        choice.key = &resource;
    } else if (is_alias_type(resource)) {
        // An alias in the stack names its target key; an alias cannot be created under alias/aws/.
        const Value* target = reader.property(resource, "TargetKeyId");
        if (target) {
            const Value resolved = reader.resolve(*target);
            if (const StackResource* key = referenced_resource(reader.stack(), resolved); key && is_key_type(*key)) {
                choice.key = key;
            }
        }
    } else {
        // Some other resource's attribute: keylint cannot tell which key it is.
        choice.kind = KeyChoice::Kind::unknown;
    }
    return choice;
}

}  // namespace

bool names_aws_managed_key(std::string_view text) {
    const std::string spelled = ascii_lowered(text);
    constexpr std::string_view alias = "alias/aws/";
    if (spelled.starts_with(alias)) return spelled.size() > alias.size();
    // arn:<partition>:kms:<region>:<account>:alias/aws/<service>
    if (!spelled.starts_with("arn:")) return false;
    const size_t at = spelled.find(":alias/aws/");
    if (at == std::string::npos || at + 11 >= spelled.size()) return false;
    return spelled.find(":kms:") != std::string::npos || spelled.find("${aws::partition}:kms:") != std::string::npos;
}

std::vector<KeyChoice> judge_kms_key(const StackReader& reader, const Value* written) {
    if (!written) return {KeyChoice{}};
    std::vector<KeyChoice> choices;
    const Value resolved = reader.resolve(*written);
    for (const Value* branch : reader.branches(resolved)) {
        const std::string text = describe(*branch);
        if (const StackResource* resource = referenced_resource(reader.stack(), *branch)) {
            choices.push_back(judge_resource(reader, *resource, text));
        } else if (branch->is_string() && names_aws_managed_key(branch->scalar)) {
            choices.push_back({KeyChoice::Kind::aws_managed, text, nullptr});
        } else if (branch->is_string() && !branch->scalar.empty() &&
                   (branch->scalar.find("${") == std::string::npos || branch->scalar.starts_with("arn:"))) {
            choices.push_back({KeyChoice::Kind::customer_managed, text, nullptr});  // a key id, key ARN or alias
        } else if (branch->kind == Value::Kind::null) {
            choices.push_back(KeyChoice{});  // Terraform: null is the argument left out, so no key
        } else if (branch->is_string() && branch->scalar.empty()) {
            choices.push_back({KeyChoice::Kind::aws_managed, "\"\"", nullptr});  // empty means the default key
        } else {
            choices.push_back({KeyChoice::Kind::unknown, text, nullptr});
        }
    }
    if (choices.empty()) choices.push_back(KeyChoice{});  // only AWS::NoValue: no key
    return choices;
}

std::vector<ReplicaKey> replica_keys(const StackReader& reader, const StackResource& secret) {
    std::vector<ReplicaKey> replicas;
    for (const Value* replica : reader.items(secret.body, "ReplicaRegions", "replica")) {
        if (!replica->is_object()) continue;
        replicas.push_back({replica, reader.member(*replica, "KmsKeyId")});
    }
    return replicas;
}

std::vector<const StackResource*> keys_used_by_secrets(const StackReader& reader) {
    std::vector<const StackResource*> keys;
    auto add = [&keys](const std::vector<KeyChoice>& choices) {
        for (const KeyChoice& choice : choices) {
            if (choice.key && std::find(keys.begin(), keys.end(), choice.key) == keys.end()) keys.push_back(choice.key);
        }
    };
    for (const StackResource* secret : declared_secrets(reader.stack())) {
        add(judge_kms_key(reader, reader.property(*secret, "KmsKeyId")));
        for (const ReplicaKey& replica : replica_keys(reader, *secret)) {
            if (replica.key) add(judge_kms_key(reader, replica.key));
        }
    }
    std::sort(keys.begin(), keys.end(), [&reader](const StackResource* a, const StackResource* b) {
        return a - reader.stack().resources.data() < b - reader.stack().resources.data();
    });
    return keys;
}

namespace {

// The key whose policy `applier` sets: the key itself, or the key an aws_kms_key_policy names.
const StackResource* policy_key(const Stack& stack, const StackResource& applier) {
    if (applier.type != "aws_kms_key_policy") return &applier;
    const Value* key_id = applier.property("key_id");
    return key_id ? referenced_resource(stack, *key_id) : nullptr;
}

}  // namespace

void for_each_secrets_key_allow(
    const StackContext& context,
    const std::function<void(const StackResource& key, const Policy& policy, const PolicyStatement& statement)>& visit) {
    const StackReader reader(context.stack);
    const std::vector<const StackResource*> keys = keys_used_by_secrets(reader);
    for (const Policy& policy : context.policies) {
        if (policy.kind != Policy::Kind::resource) continue;
        for (const StackResource* applier : policy_appliers(context.stack, policy)) {
            const StackResource* key = policy_key(context.stack, *applier);
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) continue;
            for (const PolicyStatement& statement : policy.statements) {
                if (statement.allows()) visit(*key, policy, statement);
            }
        }
    }
}

}  // namespace keylint
