// What a name says about the value it holds: is `DB_PASSWORD`, `apiKey`, `client-secret` or
// `//registry.npmjs.org/:_authToken` the name of a credential, and which kind?
//
// A name is split into lower-case words (snake_case, kebab-case, camelCase, dotted paths, glued
// forms such as `apikey`), and judged by its head: the last word, as in English compounds. So
// `password` and `db_password` name a password while `password_length`, `token_url`,
// `secret_name`, `passwordField` and `auth_method` name a length, a URL, a name, a field and a
// method. `key` is a credential only with a modifier that makes it one (`api_key`, `AUTH_KEY`,
// `stripe_key`), never alone and never as `public_key`, `primary_key` or `cache_key`.
// Tested in tests/unit/credential_name_test.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keylint {

enum class CredentialKind { none, password, secret };

struct NameMeaning {
    CredentialKind kind = CredentialKind::none;
    std::string head;  // the word that made it a credential ("password", "api key", …)
    // A name that only suggests a credential (`STRIPE_KEY`, `maps_key`): its value must look
    // generated, not typed by a person.
    bool needs_generated_value = false;
    std::string modifier;  // the word before the head, if any (`acl` in `acl_token`)
};

// Lower-case words of an identifier or key path, in order.
std::vector<std::string> split_name_words(std::string_view name);

NameMeaning classify_credential_name(std::string_view name);

// Whether the name alone says a credential (`db_password`, `ApiToken`, `stripe_api_key`), not one
// that only suggests it (`replica_keys`, `MapsKey`): for settings judged without a value, such
// as template parameters and module variables.
bool names_a_credential(std::string_view name);

// A name that says its value is encrypted (`encryptedPassword`, `sealed_token`, a SealedSecret's
// `encryptedData`): ciphertext, no credential without its key.
bool names_ciphertext(std::string_view name);

// A type or factory whose name says it is built from a login: NetworkCredential, HTTPBasicAuth,
// UsernamePasswordCredentials, NewStaticCredentialsProvider. Not a getter or a check
// (get_credentials, verifyPassword).
bool names_credential_builder(std::string_view function_name);

// The argument position of the password in a call that logs in with positional arguments:
// `login(user, password)` (smtplib, ftplib, imaplib), `authenticate(user, password)`,
// `simple_bind_s(dn, password)` → 1; `DriverManager.getConnection(url, user, password)`,
// `new PDO(dsn, user, password)`, `mysqli_connect(host, user, password)` → 2. Else -1.
int login_password_position(std::string_view function_name);

}  // namespace keylint
