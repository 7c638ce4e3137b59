// Is a setting of a workload (a Lambda environment variable, an ECS container's `environment`
// entry, a CodeBuild plaintext variable) a credential written into the template? The structural
// credential detector's judgement decides, so `DB_PASSWORD: Winter2024!` is one and
// `PASSWORD_MIN_LENGTH: 12`, `API_KEY: changeme`, `DB_PASSWORD: ${DbPasswordParam}` and
// `{{resolve:secretsmanager:…}}` are not. Only a literal counts: a value keylint cannot resolve
// (a Terraform reference, a parameter without a default) is not one.
// Tested in tests/unit/hygiene_workloads_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "syntax/document.hpp"

namespace keylint {

struct CredentialSetting {
    std::string name;
    std::string value;   // the literal: for redaction only, never for a message
    std::string reason;  // what made it a credential ("a typed password: …"), without the value
};

// `resolved` is the setting's value after resolution.
std::optional<CredentialSetting> credential_setting(std::string_view name, const Value& resolved);

}  // namespace keylint
