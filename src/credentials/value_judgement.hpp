// Is a literal under a credential name a credential? Only a literal that someone could log in or
// sign with counts: not a reference or lookup (`${DB_PASSWORD}`, `{{ .Values.x }}`, `$(cat …)`,
// `ENC(…)`, `arn:aws:…`), not a placeholder (`changeme`, `<password>`, `your_api_key_here`,
// `xxxx`, `*****`), not an empty or trivially short value, a file path, a URL, an SRI or
// lock-file hash, a number, a boolean, a word of prose or an identifier that names another
// setting. A UUID counts only under a name that means a token, secret or password (Consul,
// Postmark and Heroku issue UUIDs as tokens); under any other key name it is an identifier. Randomness (entropy and character classes) is one signal among these: a password a
// person typed is still a password under a password name.
// Tested in tests/unit/value_judgement_test.cpp.
#pragma once

#include <string>
#include <string_view>

#include "credentials/credential_name.hpp"

namespace keylint {

struct ValueJudgement {
    bool credential = false;
    // Why: for a credential, what made the value one ("a typed password: 11 characters, letters
    // and digits"); otherwise what ruled it out ("a placeholder").
    std::string reason;
};

// Where the value was written.
struct JudgementContext {
    // `$NAME` is expanded in shell, .env, PHP strings and the templating of YAML and INI files,
    // but inside a Python, JavaScript, Go, Java, C# or Ruby string it is just two characters
    // (a Django SECRET_KEY may start with `$`).
    bool dollar_names_are_references = true;
    // The file exists to hold credentials (credential_store.hpp): a literal password is a stored
    // password however weak (`password`, `hunter2`, `123456`); only emptiness, keywords,
    // references and template markers (`<password>`, `your_password_here`, `****`) rule it out.
    bool credential_store = false;
};

// `name` is the name the value was assigned to (a value equal to its own name is a placeholder).
ValueJudgement judge_credential_value(std::string_view value, std::string_view name, const NameMeaning& meaning,
                                      const JudgementContext& context = {});

// A value that its file format puts in a credential field (the password column of `.pgpass`, an
// htpasswd hash): judged as in a credential store, whatever the context says.
ValueJudgement judge_positional_value(std::string_view value, std::string_view field);

// Entropy-and-classes test for values that must look machine-generated.
bool looks_generated(std::string_view value);

}  // namespace keylint
