// secret-aws-managed-key: a secret (or one of its replicas) encrypted with the AWS-managed key
// `aws/secretsmanager`, because it names no key or names that key in any spelling; a key keylint
// cannot resolve is a warning naming the value.
#include "checks/secrets_manager/secret_aws_managed_key.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/declared_secrets.hpp"
#include "checks/support/kms_key_reference.hpp"

namespace keylint {
namespace {

// One finding for a key value: the AWS-managed key wins over an unknown alternative.
void judge(const StackCheck& self, const StackReader& reader, const StackResource& secret, const Value* key,
           const Span& where, const std::string& subject, std::vector<Finding>& out) {
    const std::vector<KeyChoice> choices = judge_kms_key(reader, key);
    const KeyChoice* unknown = nullptr;
    for (const KeyChoice& choice : choices) {
        if (choice.kind == KeyChoice::Kind::aws_managed) {
            const std::string how = choice.text.empty()
                                        ? "names no KMS key, so Secrets Manager uses the AWS-managed key aws/secretsmanager"
                                        : "is encrypted with the AWS-managed key (" + choice.text + ")";
            out.push_back(stack_finding(self, secret, where, subject + " " + how +
                                                                 ": its key policy cannot be restricted and the secret "
                                                                 "cannot be shared with other accounts."));
            return;
        }
        if (choice.kind == KeyChoice::Kind::unknown && !unknown) unknown = &choice;
    }
    if (unknown) {
        Finding finding = stack_finding(self, secret, where,
                                        subject + " uses the KMS key " + unknown->text +
                                            ", which keylint cannot resolve; if it is the AWS-managed key "
                                            "aws/secretsmanager, use a customer-managed key instead.");
        finding.level = Level::warning;
        out.push_back(std::move(finding));
    }
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* secret : declared_secrets(context.stack)) {
        const Value* key = reader.property(*secret, "KmsKeyId");
        judge(self, reader, *secret, key, key ? key->span : secret->span, "Secret " + secret->address, out);
        for (const ReplicaKey& replica : replica_keys(reader, *secret)) {
            judge(self, reader, *secret, replica.key, replica.key ? replica.key->span : replica.replica->span,
                  "A replica of secret " + secret->address, out);
        }
    }
}

}  // namespace

StackCheck secret_aws_managed_key_check() { return StackCheck{check_metadata("secret-aws-managed-key"), run}; }

}  // namespace keylint
