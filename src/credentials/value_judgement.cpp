// See value_judgement.hpp.
#include "credentials/value_judgement.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/ascii_case.hpp"
#include "secrets/entropy.hpp"

namespace keylint {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Lower-case letters and digits only: `Your-API-Key` → `yourapikey`.
std::string folded(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (is_letter(c) || is_digit(c)) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

constexpr std::array<std::string_view, 14> not_secret_words = {
    "true", "false", "yes", "no", "on", "off", "null", "nil", "none", "undefined", "empty", "required", "optional", "~"};

// Whole values (folded) that stand in for a secret.
constexpr std::array<std::string_view, 40> placeholder_values = {
    "changeme", "changeit", "changethis", "password", "passwd", "secret", "example", "sample", "dummy", "test",
    "testing", "placeholder", "replaceme", "todo", "tbd", "fixme", "redacted", "hidden", "masked", "default",
    "foo", "bar", "foobar", "xxx", "mypassword", "yourpassword", "yoursecret", "secretkey", "apikey", "token",
    "yourtoken", "string", "value", "notset", "unset", "removed", "censored", "omitted", "secretvalue", "pass"};

// Parts (lower-case) that mark a value as a stand-in wherever they occur.
constexpr std::array<std::string_view, 22> placeholder_parts = {
    "your_", "your-", "yourapi", "yourkey", "yoursecret", "yourtoken", "yourpass", "replace", "changeme", "change_me",
    "change-me", "placeholder", "insert_", "insert-", "example", "dummy", "xxxx", "****", "redacted", "_here",
    "-here", "sample"};

// Prefixes of references to a secret kept elsewhere (lower-case).
// `@Microsoft.KeyVault(SecretUri=…)` is an Azure App Service Key Vault reference; `{REF:P@I:…}` a
// KeePass field reference; `:'name'` and `:name` a psql variable.
constexpr std::array<std::string_view, 28> reference_prefixes = {
    "enc(", "enc:", "encrypted:", "vault:", "op://", "arn:", "ref+", "sm://", "ssm:", "awssm:", "{cipher}",
    "secret:", "secretref:", "env:", "env(", "process.env", "os.environ", "system.getenv", "getenv(", "keyvault:",
    "azurekeyvault", "gcp:", "gsm:", "file:", "@microsoft.keyvault(", "{ref:", ":'", ":\""};

bool is_base64_char(char c) { return is_letter(c) || is_digit(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_'; }

// Ciphertext a tool keeps in place of the password and decrypts with a key held elsewhere: Maven's
// and Jenkins' `{base64}` (settings-security.xml's master key, Jenkins' secrets/master.key),
// and a Windows DPAPI blob (NuGet's `Password`, .NET `ProtectedData`), whose base64 always opens
// with the DPAPI version and provider GUID. A psql `:name` variable is no literal either.
bool is_ciphertext(std::string_view value) {
    if (value.size() >= 18 && value.front() == '{' && value.back() == '}' &&
        std::all_of(value.begin() + 1, value.end() - 1, is_base64_char)) {
        return true;
    }
    return value.starts_with("AQAAANCMnd8BFdERjHoAwE/Cl+sB");
}

bool is_psql_variable(std::string_view value) {
    return value.size() >= 2 && value.front() == ':' &&
           std::all_of(value.begin() + 1, value.end(), [](char c) { return is_letter(c) || is_digit(c) || c == '_'; });
}

// A JSON object or array kept where a password goes (Firefox's account entry in a logins export).
bool is_structured_data(std::string_view value) {
    return value.size() >= 4 && ((value.starts_with("{\"") && value.back() == '}') || (value.starts_with("[{") && value.back() == ']'));
}

constexpr std::array<std::string_view, 29> path_suffixes = {
    ".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".jks", ".keystore", ".json", ".txt", ".yaml", ".yml", ".env", ".gpg", ".asc",
    ".der", ".pub", ".ppk", ".conf", ".cfg", ".ini", ".properties", ".war", ".jar", ".zip", ".gz", ".tar", ".sh", ".xml"};

bool is_reference(std::string_view value, bool dollar_names_are_references = true) {
    if (contains(value, "${") || contains(value, "{{") || contains(value, "$(") || contains(value, "#{") ||
        contains(value, "%(") || contains(value, "{%")) {
        return true;
    }
    if (dollar_names_are_references && value.size() >= 2 && value.front() == '$' && (is_letter(value[1]) || value[1] == '_')) {
        return true;
    }
    if (value.size() >= 3 && value.front() == '%' && value.back() == '%') return true;
    if (value.size() >= 3 && value.front() == '@' && value.back() == '@') return true;
    if (value.front() == '!') return true;  // a YAML tag such as !Ref, !Sub, !vault
    const std::string lower = ascii_lowered(value);
    return std::any_of(reference_prefixes.begin(), reference_prefixes.end(),
                       [&](std::string_view prefix) { return lower.starts_with(prefix); });
}

bool is_placeholder(std::string_view value, std::string_view name) {
    const std::string fold = folded(value);
    if (fold.empty()) return true;
    if (std::find(placeholder_values.begin(), placeholder_values.end(), fold) != placeholder_values.end()) return true;
    if (fold == folded(name)) return true;
    const std::string lower = ascii_lowered(value);
    if (std::any_of(placeholder_parts.begin(), placeholder_parts.end(),
                    [&](std::string_view part) { return contains(lower, part); })) {
        return true;
    }
    if (value.front() == '<' && value.back() == '>') return true;
    if (value.front() == '[' && value.back() == ']') return true;
    if (std::all_of(value.begin(), value.end(), [&](char c) { return c == value.front(); })) return true;
    return contains(value, "...") || contains(value, "\xE2\x80\xA6");  // an ellipsis
}

// Markers of a template left unfilled, the only placeholders a credential store is held to:
// `<password>`, `[token]`, `your_password_here`, `changeme`, `****`, `xxxx`, an ellipsis.
constexpr std::array<std::string_view, 18> template_parts = {
    "your_", "your-", "yourpass", "yoursecret", "yourtoken", "_here", "-here", "changeme", "change_me", "change-me",
    "replace_", "replaceme", "replace-", "placeholder", "insert_", "redacted", "xxxx", "****"};

bool is_template_marker(std::string_view value) {
    if (value.empty()) return true;
    if ((value.front() == '<' && value.back() == '>') || (value.front() == '[' && value.back() == ']')) return true;
    if (std::all_of(value.begin(), value.end(), [&](char c) { return c == value.front(); })) return true;
    const std::string lower = ascii_lowered(value);
    if (lower == "changeit" || lower == "todo" || lower == "tbd" || lower == "fixme") return true;
    return std::any_of(template_parts.begin(), template_parts.end(), [&](std::string_view p) { return contains(lower, p); }) ||
           contains(value, "...") || contains(value, "\xE2\x80\xA6");
}

// `4B1D2C3E5F607182`, `0x4B1D2C3E5F607182`: a GPG key id or fingerprint, as gpg prints them
// (upper-case hex of 8, 16 or 40 digits). Under git's `user.signingkey` it names a key in the
// keyring, not the key.
bool is_key_id(std::string_view value) {
    if (value.starts_with("0x") || value.starts_with("0X")) value.remove_prefix(2);
    if (value.size() != 8 && value.size() != 16 && value.size() != 40) return false;
    return std::all_of(value.begin(), value.end(), [](char c) { return is_digit(c) || (c >= 'A' && c <= 'F'); });
}

bool is_uuid(std::string_view value) {
    if (value.size() != 36) return false;
    for (size_t i = 0; i < value.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? value[i] != '-' : !is_hex(value[i])) return false;
    }
    return true;
}

bool is_content_hash(std::string_view value) {
    const std::string lower = ascii_lowered(value.substr(0, 8));
    for (std::string_view algorithm : {"sha1", "sha256", "sha384", "sha512", "md5"}) {
        if (lower.starts_with(algorithm) && lower.size() > algorithm.size() &&
            (lower[algorithm.size()] == '-' || lower[algorithm.size()] == ':' || lower[algorithm.size()] == '=')) {
            return true;
        }
    }
    return false;
}

bool is_file_path(std::string_view value) {
    const std::string lower = ascii_lowered(value);
    if (std::any_of(path_suffixes.begin(), path_suffixes.end(), [&](std::string_view s) { return lower.ends_with(s); })) {
        return true;
    }
    const bool rooted = value.starts_with("/") || value.starts_with("./") || value.starts_with("../") ||
                        value.starts_with("~/") || value.starts_with("\\\\") ||
                        (value.size() > 2 && is_letter(value[0]) && value[1] == ':' && (value[2] == '\\' || value[2] == '/'));
    if (!rooted) return false;
    // Base64 secrets may start with '/', but they do not have path segments of words.
    return value.find_first_of("+=") == std::string_view::npos && !looks_generated(value);
}

bool is_url(std::string_view value) {
    const size_t scheme_end = value.find("://");
    if (scheme_end == std::string_view::npos || scheme_end == 0) return false;
    return std::all_of(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(scheme_end),
                       [](char c) { return is_letter(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; });
}

bool is_email(std::string_view value) {
    const size_t at = value.find('@');
    return at != std::string_view::npos && at > 0 && value.find('.', at) != std::string_view::npos &&
           value.find_first_of(":/") == std::string_view::npos;
}

bool is_number(std::string_view value) {
    size_t digits = 0;
    for (char c : value) {
        if (is_digit(c)) ++digits;
        else if (c != '.' && c != '-' && c != '_' && c != '+') return false;
    }
    return digits > 0;
}

bool is_separator(char c) { return c == '-' || c == '_' || c == '.' || c == '/' || c == ':'; }

// A word of a name: letters, a number, or short letters-then-digits such as `MD5`, `v2`, `ec2`
// (not `Ld4p`, the shape of a typed password).
bool is_name_segment(std::string_view segment) {
    if (segment.empty()) return true;
    if (std::all_of(segment.begin(), segment.end(), is_letter)) return true;
    if (std::all_of(segment.begin(), segment.end(), is_digit)) return true;
    const size_t digits_from = segment.find_first_of("0123456789");
    return segment.size() <= 4 && digits_from != std::string_view::npos && digits_from > 0 &&
           std::all_of(segment.begin(), segment.begin() + static_cast<std::ptrdiff_t>(digits_from), is_letter) &&
           std::all_of(segment.begin() + static_cast<std::ptrdiff_t>(digits_from), segment.end(), is_digit);
}

// camelCase or PascalCase words with at most two digits: `capabilityValue1`, `Ipv6CidrAssociations`.
bool is_camel_case_name(std::string_view value) {
    size_t digits = 0, humps = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (is_digit(c)) ++digits;
        else if (!is_letter(c)) return false;
        if (is_upper(c) && i + 2 < value.size() && is_lower(value[i + 1]) && is_lower(value[i + 2])) ++humps;
    }
    if (digits > 2 || humps == 0) return false;
    // Every upper-case letter starts a hump (no random mix such as `sk9Qv2LmX4`).
    size_t uppers = 0;
    for (char c : value) uppers += is_upper(c) ? 1 : 0;
    return uppers <= humps + 1;
}

// Words joined by separators: `db-credentials`, `prod/db/credentials`, `DB_PASSWORD`,
// `settings.SECRET_KEY`, `x-amz-server-side-encryption-customer-key-MD5`, or camelCase words.
// A number among the words makes it a typed password instead (`Nw-catalog-9931`).
bool is_name_like(std::string_view value) {
    if (is_camel_case_name(value)) return true;
    size_t start = 0;
    size_t segments = 0;
    bool only_letters = true;
    for (size_t i = 0; i <= value.size(); ++i) {
        if (i < value.size() && !is_separator(value[i])) {
            if (!is_letter(value[i])) only_letters = false;
            continue;
        }
        const std::string_view segment = value.substr(start, i - start);
        if (!is_name_segment(segment)) return false;
        if (!segment.empty() && std::all_of(segment.begin(), segment.end(), is_digit)) return false;
        ++segments;
        start = i + 1;
    }
    return only_letters || segments >= 3;
}

// Sentence-like keys and message ids: `Unexpected_token_A_constructor_was_expected_1068`.
bool is_word_chain(std::string_view value) {
    size_t words = 0, start = 0;
    for (size_t i = 0; i <= value.size(); ++i) {
        if (i < value.size() && !is_separator(value[i])) continue;
        const std::string_view segment = value.substr(start, i - start);
        if (!is_name_segment(segment)) return false;
        if (!segment.empty() && std::all_of(segment.begin(), segment.end(), is_letter)) ++words;
        start = i + 1;
    }
    return words >= 5;
}

// `192.0.2.44`, `10.0.0.0/16`, `127.0.0.1:8080`.
bool is_ip_address(std::string_view value) {
    size_t dots = 0, digits = 0;
    size_t i = 0;
    for (; i < value.size() && value[i] != '/' && value[i] != ':'; ++i) {
        if (value[i] == '.') {
            if (digits == 0 || digits > 3) return false;
            ++dots;
            digits = 0;
        } else if (is_digit(value[i])) {
            ++digits;
        } else {
            return false;
        }
    }
    if (dots != 3 || digits == 0 || digits > 3) return false;
    return std::all_of(value.begin() + static_cast<std::ptrdiff_t>(std::min(value.size(), i + 1)), value.end(), is_digit);
}

// `Bearer abc…`, `token abc…`: the credential is what follows the HTTP authentication scheme.
std::string_view without_auth_scheme(std::string_view value) {
    for (std::string_view scheme : {"Bearer ", "bearer ", "Basic ", "basic ", "Token ", "token ", "Bot "}) {
        if (value.starts_with(scheme) && value.size() > scheme.size()) return value.substr(scheme.size());
    }
    return value;
}

// Random through and through: letters, digits and symbols, with high entropy once spaces are
// dropped, and at most two runs of six lower-case letters (a prefix such as `django-insecure-`
// may name the key; prose has more words).
bool is_random_key(std::string_view value) {
    std::string compact;
    for (char c : value) {
        if (!is_space(c)) compact += c;
    }
    const bool letters = std::any_of(compact.begin(), compact.end(), is_letter);
    const bool digits = std::any_of(compact.begin(), compact.end(), is_digit);
    const bool symbols = std::any_of(compact.begin(), compact.end(), [](char c) { return !is_letter(c) && !is_digit(c); });
    size_t run = 0, words = 0;
    for (char c : value) {
        run = is_lower(c) ? run + 1 : 0;
        words += run == 6;
    }
    return letters && digits && symbols && words <= 2 && shannon_entropy(compact) > 4.5;
}

bool is_markup(std::string_view value) {
    return value.find("</") != std::string_view::npos || value.find("/>") != std::string_view::npos;
}

bool is_format_template(std::string_view value) {
    return contains(value, "%s") || contains(value, "%d") || contains(value, "{}") || contains(value, "{0}");
}

std::string describe_classes(std::string_view value) {
    const bool lower = std::any_of(value.begin(), value.end(), is_lower);
    const bool upper = std::any_of(value.begin(), value.end(), is_upper);
    const bool digits = std::any_of(value.begin(), value.end(), is_digit);
    const bool symbols = std::any_of(value.begin(), value.end(), [](char c) { return !is_letter(c) && !is_digit(c); });
    std::string out;
    auto add = [&](bool present, const char* what) {
        if (!present) return;
        if (!out.empty()) out += ", ";
        out += what;
    };
    add(lower || upper, "letters");
    add(digits, "digits");
    add(symbols, "symbols");
    return out;
}

// Consul ACL tokens, Postmark server tokens and Heroku API keys are UUIDs; most other UUIDs under a
// token name are request or change ids (`ChangeToken`, `LifecycleActionToken`).
bool names_uuid_token(const NameMeaning& meaning) {
    if (meaning.needs_generated_value) return false;
    constexpr std::array<std::string_view, 16> credential_modifiers = {
        "api", "access", "auth", "acl", "server", "master", "secret", "service",
        "app", "account", "admin", "management", "root", "bot", "deploy", "personal"};
    return meaning.modifier.empty() ||
           std::find(credential_modifiers.begin(), credential_modifiers.end(), meaning.modifier) != credential_modifiers.end();
}

ValueJudgement rejected(std::string reason) { return ValueJudgement{false, std::move(reason)}; }

}  // namespace

bool looks_generated(std::string_view value) {
    if (value.size() < 16) return false;
    if (std::any_of(value.begin(), value.end(), is_space)) return false;
    const bool letters = std::any_of(value.begin(), value.end(), is_letter);
    const bool digits = std::any_of(value.begin(), value.end(), is_digit);
    return letters && digits && shannon_entropy(value) > 3.2;
}

namespace {

// The judgement of a value stored on purpose: a `.pgpass` column, a password in `.my.cnf`.
ValueJudgement judge_stored_value(std::string_view value, std::string_view what) {
    if (value.empty()) return rejected("empty");
    const std::string lower = ascii_lowered(value);
    if (std::find(not_secret_words.begin(), not_secret_words.end(), lower) != not_secret_words.end()) {
        return rejected("a keyword, not a secret");
    }
    const bool crypt_hash = value.size() > 3 && value.front() == '$' && value.find('$', 1) != std::string_view::npos;
    if (!crypt_hash && (is_reference(value) || is_psql_variable(value))) return rejected("a reference to a value kept elsewhere");
    if (is_ciphertext(value)) return rejected("ciphertext decrypted with a key kept elsewhere");
    if (is_structured_data(value)) return rejected("structured data, not a password");
    if (is_template_marker(value)) return rejected("a template placeholder");
    return ValueJudgement{true, std::string(what) + " holds a literal of " + std::to_string(value.size()) +
                                    " characters (a file that stores credentials: any literal counts)"};
}

std::string_view trimmed_value(std::string_view value) {
    while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
    while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
    return value;
}

}  // namespace

ValueJudgement judge_positional_value(std::string_view value, std::string_view field) {
    return judge_stored_value(trimmed_value(value), "the " + std::string(field));
}

ValueJudgement judge_credential_value(std::string_view value, std::string_view name, const NameMeaning& meaning,
                                      const JudgementContext& context) {
    value = without_auth_scheme(trimmed_value(value));
    if (context.credential_store && meaning.kind == CredentialKind::password && !is_url(value)) {
        return judge_stored_value(value, "the password setting '" + std::string(name) + "'");
    }
    if (value.empty()) return rejected("empty");
    const std::string lower = ascii_lowered(value);
    if (std::find(not_secret_words.begin(), not_secret_words.end(), lower) != not_secret_words.end()) {
        return rejected("a keyword, not a secret");
    }
    if (is_reference(value, context.dollar_names_are_references) || is_psql_variable(value)) {
        return rejected("a reference to a value kept elsewhere");
    }
    if (is_ciphertext(value)) return rejected("ciphertext decrypted with a key kept elsewhere");
    if (is_url(value)) return rejected("a URL (credentials inside URLs are the URL rules' job)");
    if (is_placeholder(value, name)) return rejected("a placeholder");
    // A long machine-made key may hold spaces and `%` (WordPress salts, Django keys): a space or a
    // format directive rules out only values that are not random through and through.
    const bool generated_key = value.size() >= 32 && is_random_key(value);
    if (!generated_key && std::any_of(value.begin(), value.end(), is_space)) return rejected("text with spaces, not a secret");
    if (!generated_key && is_markup(value)) return rejected("markup, not a secret");
    if (is_uuid(value) && !names_uuid_token(meaning)) return rejected("a UUID");
    if (is_content_hash(value)) return rejected("a content hash");
    if (ascii_lowered(name).find("signingkey") != std::string::npos || ascii_lowered(name).find("signing_key") != std::string::npos) {
        if (is_key_id(value)) return rejected("a key id, not the key");
    }
    if (value.starts_with("data:")) return rejected("a data URI");
    if (is_file_path(value)) return rejected("a file path");
    if (is_email(value)) return rejected("an email address");
    if (!generated_key && is_format_template(value)) return rejected("a format template");
    if (is_number(value)) return rejected("a number");
    const size_t minimum = meaning.kind == CredentialKind::password ? 6 : 8;
    if (value.size() < minimum) return rejected("too short to be a credential");
    if (is_name_like(value) || is_word_chain(value)) return rejected("a name or identifier, not a secret");
    if (is_ip_address(value)) return rejected("an IP address");
    const bool generated = looks_generated(value);
    if (meaning.needs_generated_value && !generated) return rejected("not random enough for a '" + meaning.head + "' value");

    char entropy[16];
    std::snprintf(entropy, sizeof entropy, "%.1f", shannon_entropy(value));
    std::string reason = "literal value under the " +
                         std::string(meaning.kind == CredentialKind::password ? "password" : "credential") + " name '" +
                         std::string(name) + "': " + std::to_string(value.size()) + " characters (" +
                         describe_classes(value) + "), entropy " + entropy + " bits/char";
    reason += generated ? ", machine-generated shape" : ", not a placeholder or reference";
    return ValueJudgement{true, std::move(reason)};
}

}  // namespace keylint
