#include "checks/support/credential_setting.hpp"

#include "credentials/credential_name.hpp"
#include "credentials/value_judgement.hpp"
#include "infra/cloudformation_resolver.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {

std::optional<CredentialSetting> credential_setting(std::string_view name, const Value& resolved) {
    if (!resolved.is_string() || has_dynamic_reference(resolved.scalar)) return std::nullopt;
    const NameMeaning meaning = classify_credential_name(name);
    if (meaning.kind == CredentialKind::none) return std::nullopt;
    const ValueJudgement judgement = judge_credential_value(resolved.scalar, name, meaning);
    if (!judgement.credential) return std::nullopt;
    return CredentialSetting{std::string(name), resolved.scalar, judgement.reason};
}

}  // namespace keylint
