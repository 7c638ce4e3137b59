// See principals.hpp.
#include "checks/escalation/principals.hpp"

#include <map>
#include <set>
#include <optional>

#include "checks/escalation/aws_managed_policies.hpp"
#include "infra/references.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

constexpr size_t max_document_depth = 8;  // source/override documents nest; cycles stop here

class Builder {
   public:
    Builder(const Stack& stack, const std::vector<Policy>& policies) : stack_(stack), reader_(stack), policies_(policies) {}

    std::vector<Principal> build() {
        const bool cfn = stack_.format == Stack::Format::cloudformation;
        for (const StackResource& resource : stack_.resources) {
            std::optional<Principal::Kind> kind;
            if (resource.type == (cfn ? "AWS::IAM::User" : "aws_iam_user")) kind = Principal::Kind::user;
            if (resource.type == (cfn ? "AWS::IAM::Group" : "aws_iam_group")) kind = Principal::Kind::group;
            if (resource.type == (cfn ? "AWS::IAM::Role" : "aws_iam_role")) kind = Principal::Kind::role;
            if (!kind || resource.data_source) continue;
            Principal principal;
            principal.kind = *kind;
            principal.resource = &resource;
            add_self(principal, resource);
            index_[&resource] = principals_.size();
            principals_.push_back(std::move(principal));
        }
        for (const StackResource& resource : stack_.resources) {
            if (resource.data_source || !resource.body) continue;
            if (cfn) read_cloudformation(resource);
            else read_terraform(resource);
        }
        inherit_group_policies();
        return std::move(principals_);
    }

   private:
    Value resolve(const Value& value) const { return reader_.resolve(value); }

    std::string literal_name(const StackResource& resource) const {
        for (const char* key : {"name", "UserName", "GroupName", "RoleName", "ManagedPolicyName"}) {
            if (const Value* written = resource.property(key)) {
                const Value value = resolve(*written);
                if (value.is_string()) return value.scalar;
            }
        }
        return {};
    }

    // The principal of `kind` that a single (resolved) value names, or null.
    Principal* principal_named(const Value& value, Principal::Kind kind) {
        const StackResource* resource = referenced_resource(stack_, value);
        if (!resource && value.is_string()) {
            for (Principal& principal : principals_) {
                if (principal.kind == kind && !principal.self_names.empty() && principal.self_names.front() == value.scalar) {
                    return &principal;
                }
            }
        }
        const auto found = resource ? index_.find(resource) : index_.end();
        if (found == index_.end() || principals_[found->second].kind != kind) return nullptr;
        return &principals_[found->second];
    }

    std::vector<Principal*> principals_in(const Value* written, Principal::Kind kind) {
        std::vector<Principal*> out;
        if (!written) return out;
        const Value value = resolve(*written);
        for (const Value* alternative : reader_.alternatives(value)) {
            if (Principal* principal = principal_named(*alternative, kind)) out.push_back(principal);
        }
        return out;
    }

    const Policy* policy_held_by(const std::string& address, Policy::Kind kind) const {
        for (const Policy& policy : policies_) {
            if (policy.resource == address && policy.kind == kind) return &policy;
        }
        return nullptr;
    }

    // A Terraform policy document's statements with its source documents first and override
    // documents last; a statement with the Sid of an earlier one replaces it. Each document is
    // merged once (memoised), and a document that includes itself contributes nothing the second time.
    std::vector<AppliedStatement> document_statements(const std::string& address, size_t depth) {
        if (const auto cached = merged_documents_.find(address); cached != merged_documents_.end()) return cached->second;
        std::vector<AppliedStatement> merged;
        if (depth > max_document_depth || !merging_.insert(address).second) return merged;
        const Policy* document = nullptr;
        for (const Policy& policy : policies_) {
            if (policy.resource == address) document = &policy;
        }
        auto put = [&](const AppliedStatement& added) {
            if (added.statement->sid && !added.statement->sid->text.empty()) {
                for (AppliedStatement& existing : merged) {
                    if (existing.statement->sid && existing.statement->sid->text == added.statement->sid->text) {
                        existing = added;
                        return;
                    }
                }
            }
            merged.push_back(added);
        };
        if (document) {
            for (const std::string& source : document->source_documents) {
                for (const AppliedStatement& statement : document_statements(source, depth + 1)) merged.push_back(statement);
            }
            for (const PolicyStatement& statement : document->statements) put({document, &statement});
            for (const std::string& override : document->override_documents) {
                for (const AppliedStatement& statement : document_statements(override, depth + 1)) put(statement);
            }
        }
        merging_.erase(address);
        merged_documents_[address] = merged;
        return merged;
    }

    // The policy document a Terraform attribute (`policy`, `assume_role_policy`) points to, if any.
    const StackResource* document_of(const Value* written) const {
        if (!written) return nullptr;
        const StackResource* document = referenced_resource(stack_, resolve(*written));
        return document && document->type == "aws_iam_policy_document" ? document : nullptr;
    }

    // The statements a policy-holding resource (aws_iam_policy, AWS::IAM::ManagedPolicy, a role
    // policy…) carries: its own extracted document, or the policy document it points to.
    std::vector<AppliedStatement> held_statements(const StackResource& holder) {
        std::vector<AppliedStatement> statements;
        if (const Policy* policy = policy_held_by(holder.address, Policy::Kind::identity)) {
            for (const PolicyStatement& statement : policy->statements) statements.push_back({policy, &statement});
        }
        if (const StackResource* document = document_of(holder.property("policy"))) {
            statements = document_statements(document->address, 0);
        }
        return statements;
    }

    void attach_holder(Principal& principal, const StackResource& holder) {
        AppliedPolicy applied;
        applied.name = holder.address;
        applied.statements = held_statements(holder);
        if (applied.statements.empty()) {
            principal.unknown_policies.push_back(holder.address + " (its policy could not be read)");
            return;
        }
        principal.policies.push_back(std::move(applied));
        add_self(principal, holder);
    }

    void add_self(Principal& principal, const StackResource& resource) {
        principal.self_resources.push_back(&resource);
        const std::string name = literal_name(resource);
        if (name.empty()) return;
        principal.self_names.push_back(name);
        if (const char* kind = arn_resource_kind(resource.type)) principal.self_arn_resources.push_back(kind + name);
    }

    // What an IAM ARN calls a resource of this type ("user/" in arn:aws:iam::1:user/ci); null for
    // what has no ARN of its own (inline policies).
    static const char* arn_resource_kind(std::string_view type) {
        static const std::pair<std::string_view, const char*> kinds[] = {
            {"aws_iam_user", "user/"},     {"AWS::IAM::User", "user/"},
            {"aws_iam_group", "group/"},   {"AWS::IAM::Group", "group/"},
            {"aws_iam_role", "role/"},     {"AWS::IAM::Role", "role/"},
            {"aws_iam_policy", "policy/"}, {"AWS::IAM::ManagedPolicy", "policy/"}};
        for (const auto& [name, kind] : kinds) {
            if (type == name) return kind;
        }
        return nullptr;
    }

    // A policy ARN value: a managed policy of the stack, an AWS-managed policy, or unknown.
    void attach_arn(Principal& principal, const StackResource& attachment, const Value& written) {
        const Value value = resolve(written);
        for (const Value* alternative : reader_.alternatives(value)) {
            const StackResource* holder = referenced_resource(stack_, *alternative);
            if (holder && (holder->type == "aws_iam_policy" || holder->type == "AWS::IAM::ManagedPolicy")) {
                attach_holder(principal, *holder);
            } else if (const AwsManagedPolicy* managed = alternative->is_string() ? aws_managed_policy(alternative->scalar) : nullptr) {
                AppliedPolicy applied;
                applied.name = "AWS managed policy " + managed->name;
                applied.aws_managed = true;
                applied.attached_path = attachment.path;
                applied.attached_at = alternative->span;
                for (const PolicyStatement& statement : managed->policy.statements) {
                    applied.statements.push_back({&managed->policy, &statement});
                }
                principal.policies.push_back(std::move(applied));
            } else {
                principal.unknown_policies.push_back(alternative->scalar.empty() ? "(empty)" : alternative->scalar);
            }
        }
    }

    void attach_arns(Principal& principal, const StackResource& attachment, const Value* list) {
        if (list) attach_arn(principal, attachment, *list);
    }

    void read_cloudformation(const StackResource& resource) {
        const std::string& type = resource.type;
        if (const auto found = index_.find(&resource); found != index_.end()) {
            Principal& principal = principals_[found->second];
            for (const Policy& policy : policies_) {
                if (policy.resource != resource.address) continue;
                if (policy.kind == Policy::Kind::trust) {
                    principal.trust.push_back(&policy);
                } else if (policy.kind == Policy::Kind::identity) {
                    AppliedPolicy applied;
                    applied.name = policy.origin;
                    for (const PolicyStatement& statement : policy.statements) applied.statements.push_back({&policy, &statement});
                    principal.policies.push_back(std::move(applied));
                }
            }
            attach_arns(principal, resource, resource.property("ManagedPolicyArns"));
            if (principal.kind == Principal::Kind::user) {
                for (Principal* group : principals_in(resource.property("Groups"), Principal::Kind::group)) {
                    memberships_.emplace_back(&principal, group);
                }
            }
        } else if (type == "AWS::IAM::Policy" || type == "AWS::IAM::ManagedPolicy") {
            for (auto [key, kind] : {std::pair{"Roles", Principal::Kind::role}, std::pair{"Users", Principal::Kind::user},
                                     std::pair{"Groups", Principal::Kind::group}}) {
                for (Principal* principal : principals_in(resource.property(key), kind)) attach_holder(*principal, resource);
            }
        } else if (type == "AWS::IAM::UserToGroupAddition") {
            for (Principal* group : principals_in(resource.property("GroupName"), Principal::Kind::group)) {
                for (Principal* user : principals_in(resource.property("Users"), Principal::Kind::user)) {
                    memberships_.emplace_back(user, group);
                }
            }
        }
    }

    void read_terraform(const StackResource& resource) {
        const std::string& type = resource.type;
        if (const auto found = index_.find(&resource); found != index_.end()) {
            Principal& principal = principals_[found->second];
            if (principal.kind != Principal::Kind::role) return;
            if (const Policy* trust = policy_held_by(resource.address, Policy::Kind::trust)) principal.trust.push_back(trust);
            if (const StackResource* document = document_of(resource.property("assume_role_policy"))) {
                if (const Policy* trust = policy_held_by(document->address, Policy::Kind::trust)) principal.trust.push_back(trust);
            }
            AppliedPolicy inline_policies;
            inline_policies.name = resource.address + " inline_policy";
            if (const Policy* policy = policy_held_by(resource.address, Policy::Kind::identity)) {
                for (const PolicyStatement& statement : policy->statements) inline_policies.statements.push_back({policy, &statement});
            }
            for (const Member& member : resource.body->members) {
                if (member.key != "inline_policy" || !member.value.is_object()) continue;
                if (const StackResource* document = document_of(member.value.find("policy"))) {
                    for (const AppliedStatement& statement : document_statements(document->address, 0)) {
                        inline_policies.statements.push_back(statement);
                    }
                }
            }
            if (!inline_policies.statements.empty()) principal.policies.push_back(std::move(inline_policies));
            attach_arns(principal, resource, resource.property("managed_policy_arns"));
            return;
        }
        struct Link {
            const char* type;
            const char* key;  // the attribute naming the principal
            Principal::Kind kind;
            bool inline_policy;  // else an attachment with `policy_arn`
        };
        static const Link links[] = {
            {"aws_iam_role_policy", "role", Principal::Kind::role, true},
            {"aws_iam_user_policy", "user", Principal::Kind::user, true},
            {"aws_iam_group_policy", "group", Principal::Kind::group, true},
            {"aws_iam_role_policy_attachment", "role", Principal::Kind::role, false},
            {"aws_iam_user_policy_attachment", "user", Principal::Kind::user, false},
            {"aws_iam_group_policy_attachment", "group", Principal::Kind::group, false},
        };
        for (const Link& link : links) {
            if (type != link.type) continue;
            for (Principal* principal : principals_in(resource.property(link.key), link.kind)) {
                if (link.inline_policy) attach_holder(*principal, resource);
                else attach_arns(*principal, resource, resource.property("policy_arn"));
            }
        }
        if (type == "aws_iam_policy_attachment") {
            for (auto [key, kind] : {std::pair{"roles", Principal::Kind::role}, std::pair{"users", Principal::Kind::user},
                                     std::pair{"groups", Principal::Kind::group}}) {
                for (Principal* principal : principals_in(resource.property(key), kind)) {
                    attach_arns(*principal, resource, resource.property("policy_arn"));
                }
            }
        } else if (type == "aws_iam_group_membership") {
            for (Principal* group : principals_in(resource.property("group"), Principal::Kind::group)) {
                for (Principal* user : principals_in(resource.property("users"), Principal::Kind::user)) {
                    memberships_.emplace_back(user, group);
                }
            }
        } else if (type == "aws_iam_user_group_membership") {
            for (Principal* user : principals_in(resource.property("user"), Principal::Kind::user)) {
                for (Principal* group : principals_in(resource.property("groups"), Principal::Kind::group)) {
                    memberships_.emplace_back(user, group);
                }
            }
        }
    }

    void inherit_group_policies() {
        for (auto [user, group] : memberships_) {
            for (const AppliedPolicy& policy : group->policies) {
                if (!policy.via.empty()) continue;
                AppliedPolicy inherited = policy;
                inherited.via = "group " + group->resource->address;
                user->policies.push_back(std::move(inherited));
            }
            for (const std::string& unknown : group->unknown_policies) {
                user->unknown_policies.push_back(unknown + " (group " + group->resource->address + ")");
            }
            for (const StackResource* resource : group->self_resources) user->self_resources.push_back(resource);
            for (const std::string& name : group->self_names) user->self_names.push_back(name);
            for (const std::string& name : group->self_arn_resources) user->self_arn_resources.push_back(name);
        }
    }

    const Stack& stack_;
    const StackReader reader_;
    const std::vector<Policy>& policies_;
    std::vector<Principal> principals_;
    std::map<const StackResource*, size_t> index_;
    std::vector<std::pair<Principal*, Principal*>> memberships_;  // user, group
    std::map<std::string, std::vector<AppliedStatement>> merged_documents_;
    std::set<std::string> merging_;
};

}  // namespace

const char* principal_kind_name(Principal::Kind kind) {
    switch (kind) {
        case Principal::Kind::user: return "user";
        case Principal::Kind::group: return "group";
        case Principal::Kind::role: return "role";
    }
    return "user";
}

std::vector<Principal> stack_principals(const Stack& stack, const std::vector<Policy>& policies) {
    return Builder(stack, policies).build();
}

}  // namespace keylint
