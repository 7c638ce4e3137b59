// See credential_name.hpp.
#include "credentials/credential_name.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace keylint {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_lower(c) || is_upper(c) || is_digit(c); }

template <size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Words after the head that do not change what the name holds: `password_value`,
// `SECRET_KEY_BASE`, `DB_PASSWORD_PROD`, `api_key_2`; and the generations of a rotated key
// (Django's `SECRET_KEY_FALLBACKS`, `API_KEY_OLD`, `TOKEN_SECONDARY`).
constexpr std::array<std::string_view, 31> transparent_suffixes = {
    "value", "val",  "str",  "b64",     "base64",  "hex",     "raw",   "plain",   "plaintext", "base", "prod",
    "production", "dev", "development", "staging", "stage", "test", "local", "live", "sandbox", "default", "enc",
    "fallback", "fallbacks", "old", "previous", "legacy", "backup", "primary", "secondary", "current"};

constexpr std::array<std::string_view, 12> password_heads = {
    "password", "passwords", "passwd", "pwd", "pass", "passphrase", "passcode", "pw", "pword", "pswd", "passwort",
    "motdepasse"};

constexpr std::array<std::string_view, 14> secret_heads = {
    "secret", "secrets", "token", "tokens", "credential", "credentials", "creds", "cred",
    "apikey", "apitoken", "authtoken", "auth", "bearer", "salt"};

// Glued lower-case compounds whose ending names a credential: `dbpassword`, `clientsecret`,
// `accesstoken`, `secretkey`. Only endings that are not the tail of common unrelated words.
constexpr std::array<std::string_view, 6> glued_password_endings = {"password", "passwd", "passphrase", "pwd",
                                                                     "passwords", "passcode"};
// `requirepass`, `smtppass`, `dbpass`, `storepass`: `pass` glued to what holds the password. Only
// these holders, so `bypass`, `compass`, `overpass` and `trespass` stay out.
constexpr std::array<std::string_view, 34> glued_pass_holders = {
    "require", "master", "smtp", "imap", "pop", "mail", "db", "database", "root", "admin", "user", "ftp", "sftp",
    "ssh", "ldap", "bind", "proxy", "redis", "mysql", "pg", "sql", "login", "vnc", "wifi", "sudo", "become",
    "keystore", "store", "key", "truststore", "trust", "rabbit", "mq", "broker"};
// Glued names of one server setting each: Redis's `masterauth` (the replica's password).
constexpr std::array<std::string_view, 1> glued_credential_settings = {"masterauth"};
constexpr std::array<std::string_view, 9> glued_secret_endings = {
    "secret", "token", "apikey", "secretkey", "privatekey", "accesskey", "authkey", "credentials", "signingkey"};

// `<modifier> key` names a credential with any of these modifiers before it (not only directly).
constexpr std::array<std::string_view, 40> credential_key_modifiers = {
    "api",     "access",  "secret",   "private",  "signing", "sign",    "encryption", "encrypt", "crypt",  "crypto",
    "master",  "auth",    "client",   "app",      "hmac",    "jwt",     "session",    "consumer", "subscription",
    "service", "storage", "account",  "shared",   "admin",   "license", "licence",    "webhook",  "deploy", "nonce",
    "logged",  "secure",  "cipher",   "aes",      "root",    "mac",     "integration", "server",  "write",  "token",
    "cookie"};

// `<modifier> key` never names a credential with these directly before `key`.
constexpr std::array<std::string_view, 51> non_credential_key_modifiers = {
    "public",  "pub",       "primary", "foreign",  "sort",     "partition", "cache",   "idempotency", "object",
    "s3",      "bucket",    "hot",     "map",      "lookup",   "translation", "i18n",  "unique",      "composite",
    "shard",     "hash",    "range",    "row",      "index",     "registry", "shortcut",   "enter",
    "escape",  "esc",       "dedup",   "dedupe",   "publishable", "site",   "anon",    "kms",         "gpg",
    "pgp",     "ssh",       "react",   "list",     "group",    "sequence",  "natural", "surrogate",
    "field",   "property",  "attribute", "column", "entry",    "item",      "node",    "element"};

// `<modifier> token` that names something other than a credential.
// (`ClientToken` and `request_token` are idempotency tokens in the AWS and Stripe APIs.)
constexpr std::array<std::string_view, 25> non_credential_token_modifiers = {
    "next",   "page",   "pagination", "continuation", "cancellation", "cancel", "sync",   "resume",      "csrf",
    "xsrf",   "forgery", "lexer",     "parser",       "max",          "min",    "num",    "count",       "input",
    "output", "prompt", "completion", "syntax",       "client",       "request", "idempotency"};

bool is_transparent(std::string_view word) {
    if (!word.empty() && std::all_of(word.begin(), word.end(), is_digit)) return true;
    return one_of(word, transparent_suffixes);
}

bool ends_with_any(std::string_view word, const auto& endings) {
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view ending) { return word.ends_with(ending); });
}

NameMeaning key_meaning(const std::vector<std::string>& words, size_t head) {
    if (head == 0) return {};
    const std::string& before = words[head - 1];
    if (one_of(std::string_view(before), non_credential_key_modifiers)) return {};
    // `pgp_default_key`, `gpg_sign_key`: the id of a key in a keyring, not key material.
    for (size_t i = 0; i < head; ++i) {
        if (words[i] == "pgp" || words[i] == "gpg") return {};
    }
    for (size_t i = 0; i < head; ++i) {
        if (one_of(std::string_view(words[i]), credential_key_modifiers)) {
            return NameMeaning{CredentialKind::secret, words[i] + " key", false, {}};
        }
    }
    // `STRIPE_KEY`, `MAPS_KEY`: a key of some service. Said by a value that looks generated.
    return NameMeaning{CredentialKind::secret, before + " key", true, {}};
}

NameMeaning meaning_of_head(const std::vector<std::string>& words, size_t head) {
    const std::string_view word = words[head];
    const std::string_view before = head > 0 ? std::string_view(words[head - 1]) : std::string_view();
    if (word == "key" || word == "keys") return key_meaning(words, head);
    if (one_of(word, password_heads)) {
        if (word == "pass" && (before == "first" || before == "second" || before == "multi" || before == "single")) {
            return {};
        }
        return NameMeaning{CredentialKind::password, std::string(word), false, {}};
    }
    if (one_of(word, secret_heads)) {
        if ((word == "token" || word == "tokens") && one_of(before, non_credential_token_modifiers)) return {};
        if (word == "secret" && before == "top") return {};
        // A bare salt is stored beside its hash; WordPress's AUTH_SALT and kin are secret keys.
        if (word == "salt" && before.empty()) return {};
        return NameMeaning{CredentialKind::secret, std::string(word), false, {}};
    }
    if (ends_with_any(word, glued_password_endings) && word != "compass") {
        return NameMeaning{CredentialKind::password, std::string(word), false, {}};
    }
    if (word.ends_with("pass") && one_of(word.substr(0, word.size() - 4), glued_pass_holders)) {
        return NameMeaning{CredentialKind::password, std::string(word), false, {}};
    }
    if (one_of(word, glued_credential_settings)) return NameMeaning{CredentialKind::password, std::string(word), false, {}};
    if (ends_with_any(word, glued_secret_endings)) return NameMeaning{CredentialKind::secret, std::string(word), false, {}};
    return {};
}

}  // namespace

std::vector<std::string> split_name_words(std::string_view name) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (!is_alnum(c)) {
            flush();
            continue;
        }
        if (!word.empty()) {
            const char previous = name[i - 1];
            const bool lower_to_upper = (is_lower(previous) || is_digit(previous)) && is_upper(c);
            const bool acronym_end = is_upper(previous) && is_upper(c) && i + 1 < name.size() && is_lower(name[i + 1]);
            if (lower_to_upper || acronym_end) flush();
        }
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    flush();
    return words;
}

bool names_a_credential(std::string_view name) {
    const NameMeaning meaning = classify_credential_name(name);
    return meaning.kind != CredentialKind::none && !meaning.needs_generated_value;
}

bool names_ciphertext(std::string_view name) {
    const std::vector<std::string> words = split_name_words(name);
    return std::any_of(words.begin(), words.end(), [](const std::string& word) {
        return word == "encrypted" || word == "sealed" || word == "ciphertext" || word == "wrapped";
    });
}

NameMeaning classify_credential_name(std::string_view name) {
    std::vector<std::string> words = split_name_words(name);
    if (words.empty()) return {};
    // `encryptedPassword` (Firefox logins.json), `sealed_token`: ciphertext, useless without its key.
    if (names_ciphertext(name)) return {};
    size_t head = words.size() - 1;
    while (head > 0 && is_transparent(words[head])) --head;
    const size_t letters = words[head].find_last_not_of("0123456789");  // `password2`, `Key1`
    if (letters != std::string::npos) words[head].resize(letters + 1);
    NameMeaning meaning = meaning_of_head(words, head);
    if (meaning.kind != CredentialKind::none && meaning.modifier.empty() && head > 0) meaning.modifier = words[head - 1];
    return meaning;
}

bool names_credential_builder(std::string_view function_name) {
    const std::vector<std::string> words = split_name_words(function_name);
    if (words.empty()) return false;
    constexpr std::array<std::string_view, 13> verbs = {"get",    "fetch", "read", "load",     "find",  "lookup", "resolve",
                                                        "retrieve", "has", "is",   "check", "validate", "verify"};
    if (one_of(std::string_view(words.front()), verbs)) return false;
    return std::any_of(words.begin(), words.end(), [](const std::string& word) {
        return word == "credential" || word == "credentials" || word == "auth" || word == "password";
    });
}

int login_password_position(std::string_view function_name) {
    std::vector<std::string> words = split_name_words(function_name);
    if (words.empty()) return -1;
    std::string last = words.back();
    if (words.size() >= 2 && (last == "s" || last == "async")) last = words[words.size() - 2] + last;  // simple_bind_s
    if (words.size() >= 2 && (last == "in" || last == "on")) last = words[words.size() - 2] + last;     // log_in, logOn
    constexpr std::array<std::string_view, 9> user_then_password = {"login", "logon", "signin", "authenticate", "loginuser",
                                                                    "bind", "binds", "simplebinds", "authenticateuser"};
    constexpr std::array<std::string_view, 5> address_user_password = {"getconnection", "pdo", "mysqli", "mysqliconnect",
                                                                       "mysqlconnect"};
    std::string glued;
    for (const std::string& word : words) glued += word;
    if (one_of(std::string_view(last), user_then_password)) return 1;
    if (one_of(std::string_view(last), address_user_password) || one_of(std::string_view(glued), address_user_password)) {
        return 2;
    }
    if (words.size() >= 2 && words[words.size() - 2] == "get" && last == "connection") return 2;
    return -1;
}

}  // namespace keylint
