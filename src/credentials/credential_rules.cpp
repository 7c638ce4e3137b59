// The metadata of the structural detector's two rules, for SARIF, `keylint rules list` and
// docs/rules.md. See credential_detector.hpp.
#include "credentials/credential_detector.hpp"

namespace keylint {

const std::vector<RuleInfo>& CredentialDetector::rules() {
    static const std::vector<RuleInfo> infos = {
        RuleInfo{
            "generic-password",
            "Hardcoded password under a password name",
            "A literal password assigned to a name that means a password (password, passwd, pwd, "
            "passphrase, DB_PASS, …) in configuration or code, or the password field of a credential "
            "file (.pgpass, .netrc, .git-credentials, htpasswd, shadow).",
            "keylint read the file's structure (tree-sitter for JSON, YAML, TOML, XML, HCL and code; "
            "line readers for .env, INI, properties and credential files) and found a literal value, not "
            "a reference, placeholder, path or number, under a password name. The finding's `key` "
            "property names it and `reason` says why the value counts.\n\n"
            "**Fix:** remove the password from the file, rotate it, and read it at run time from the "
            "environment or a secrets manager (AWS Secrets Manager, Vault, …). A value that is not a "
            "secret can be marked with `keylint:allow` on its line.",
            "",
            Level::error,
            {"secret", "password", "generic"},
            "medium",
            7.5},
        RuleInfo{
            "generic-secret",
            "Hardcoded API key, token or secret under a credential name",
            "A literal API key, access token, client secret, signing key or other credential assigned to "
            "a name that means one (api_key, apiKey, client-secret, AUTH_TOKEN, SECRET_KEY, credentials, "
            "…) in configuration or code.",
            "keylint read the file's structure and found a literal value, not a reference, placeholder, "
            "path, UUID, hash or number, under a credential name. Names that only suggest a key "
            "(`STRIPE_KEY`) need a value that looks generated. The finding's `key` property names it and "
            "`reason` says why the value counts.\n\n"
            "**Fix:** remove the credential from the file, revoke and reissue it, and read it at run time "
            "from the environment or a secrets manager. A value that is not a secret can be marked with "
            "`keylint:allow` on its line.",
            "",
            Level::error,
            {"secret", "generic"},
            "medium",
            7.0},
    };
    return infos;
}

}  // namespace keylint
