#include <catch2/catch.hpp>

#include <string>

#include "credentials/credential_store.hpp"
#include "credentials/value_judgement.hpp"

using namespace keylint;

namespace {

const NameMeaning password{CredentialKind::password, "password", false, {}};
const NameMeaning api_key{CredentialKind::secret, "api key", false, {}};
const NameMeaning service_key{CredentialKind::secret, "stripe key", true, {}};

bool credential(const char* value, const NameMeaning& meaning = password, const char* name = "db_password") {
    return judge_credential_value(value, name, meaning).credential;
}

}  // namespace

TEST_CASE("values: typed passwords and short human-made keys are credentials") {
    CHECK(credential("Winter2024!"));
    CHECK(credential("hunter22"));
    CHECK(credential("abcd1234xyz", api_key, "api_key"));
    CHECK(credential("efgh5678pqr", api_key, "api_secret"));
    CHECK(credential("sk9Qv2LmX4pR7tZ1wY8nB3cD", service_key, "STRIPE_KEY"));
}

TEST_CASE("values: the reason names the key and describes the value") {
    const ValueJudgement judgement = judge_credential_value("abcd1234xyz", "api_key", api_key);
    CHECK(judgement.reason ==
          "literal value under the credential name 'api_key': 11 characters (letters, digits), entropy 3.5 bits/char, "
          "not a placeholder or reference");
}

TEST_CASE("values: references and lookups are not credentials") {
    for (const char* value : {"${DB_PASSWORD}", "{{ .Values.password }}", "{{ secrets.TOKEN }}", "$(cat /run/secrets/db)",
                              "$DB_PASSWORD", "%DB_PASSWORD%", "ENC(AbCdEf123==)", "arn:aws:secretsmanager:us-east-1:1:secret:x",
                              "!Ref DbPassword", "op://vault/item/password", "@db.password@", "#{password}"}) {
        INFO(value);
        const ValueJudgement judgement = judge_credential_value(value, "password", password);
        CHECK_FALSE(judgement.credential);
        CHECK(judgement.reason == "a reference to a value kept elsewhere");
    }
}

TEST_CASE("values: placeholders are not credentials") {
    for (const char* value : {"changeme", "<password>", "your_api_key_here", "xxxxxxxx", "*****", "REPLACE_ME", "TODO",
                              "dummy", "example", "db_password", "password", "YOUR-TOKEN-HERE", "xxxx-xxxx-xxxx"}) {
        INFO(value);
        CHECK_FALSE(credential(value));
    }
}

TEST_CASE("values: other things that are not secrets") {
    CHECK(judge_credential_value("", "password", password).reason == "empty");
    CHECK(judge_credential_value("true", "password", password).reason == "a keyword, not a secret");
    CHECK(judge_credential_value("3600", "token", api_key).reason == "a number");
    CHECK(judge_credential_value("pw1", "password", password).reason == "too short to be a credential");
    CHECK(judge_credential_value("/etc/ssl/private/key.pem", "key", api_key).reason == "a file path");
    CHECK(judge_credential_value("~/.ssh/id_rsa", "key", api_key).reason == "a file path");
    CHECK(judge_credential_value("6f1c2a9e-4b7d-4e21-9a3f-0c5d8e7b1a24", "maps_key", service_key).reason == "a UUID");
    CHECK(judge_credential_value("sha512-AbCdEfGh1234==", "integrity", api_key).reason == "a content hash");
    CHECK(judge_credential_value("https://auth.example.com/token", "auth", api_key).reason ==
          "a URL (credentials inside URLs are the URL rules' job)");
    CHECK(judge_credential_value("Forgot your password?", "password", password).reason == "text with spaces, not a secret");
    CHECK(judge_credential_value("prod/db/credentials", "secret", api_key).reason == "a name or identifier, not a secret");
    CHECK(judge_credential_value("DB_PASSWORD_FILE", "password", password).reason == "a name or identifier, not a secret");
    CHECK(judge_credential_value("ops@acme-corp.io", "auth", api_key).reason == "an email address");
    CHECK(judge_credential_value("192.0.2.44/32", "token", api_key).reason == "an IP address");
    CHECK(judge_credential_value("10.1.2.3:8080", "token", api_key).reason == "an IP address");
    CHECK(judge_credential_value("Unexpected_token_A_constructor_was_expected_1068", "token", api_key).reason ==
          "a name or identifier, not a secret");
    CHECK(judge_credential_value("v2-cachekey1", "stripe_key", service_key).reason == "not random enough for a 'stripe key' value");
}

TEST_CASE("values: separated words with symbols and no digits are judged without reading past them") {
    // A regression found by AddressSanitizer: a short segment with a symbol and no digit.
    CHECK(judge_credential_value("ab-c!d-ef-gh", "password", password).credential);
    CHECK(judge_credential_value("x!-y!-z!", "password", password).credential);
}

TEST_CASE("values: a UUID under a token name is a token (Consul, Postmark and Heroku issue UUIDs)") {
    const char* uuid = "6f1c2a9e-4b7d-4e21-9a3f-0c5d8e7b1a24";
    CHECK(judge_credential_value(uuid, "token", classify_credential_name("token")).credential);
    CHECK(judge_credential_value(uuid, "CONSUL_ACL_TOKEN", classify_credential_name("CONSUL_ACL_TOKEN")).credential);
    CHECK(judge_credential_value(uuid, "ChangeToken", classify_credential_name("ChangeToken")).reason == "a UUID");
}

TEST_CASE("values: an HTTP authentication scheme is not part of the credential") {
    CHECK(judge_credential_value("Bearer QvPRCkMDn6oxURwGV191t8BOXfH4", "token", api_key).credential);
    CHECK(judge_credential_value("Bearer ${TOKEN}", "token", api_key).reason == "a reference to a value kept elsewhere");
}

TEST_CASE("values: a credential field of a credential file needs only a literal") {
    CHECK(judge_positional_value("$apr1$x$y", "htpasswd hash").credential);
    CHECK(judge_positional_value("s3cret", "password field of .pgpass").credential);
    CHECK_FALSE(judge_positional_value("*", "password field of .pgpass").credential);
    CHECK_FALSE(judge_positional_value("${PGPASSWORD}", "password field of .pgpass").credential);
}

TEST_CASE("values: in a credential store a weak literal password is still a stored password") {
    const NameMeaning password = classify_credential_name("password");
    const JudgementContext store{true, true};
    for (const char* weak : {"password", "hunter2", "123456", "admin", "test"}) {
        CHECK(judge_credential_value(weak, "password", password, store).credential);
    }
    for (const char* weak : {"password", "123456", "admin", "test"}) {  // in code: placeholders, numbers, too short
        CHECK_FALSE(judge_credential_value(weak, "password", password).credential);
    }
    CHECK(judge_positional_value("password", "password field of .pgpass").credential);
    for (const char* stand_in : {"", "<password>", "your_password_here", "changeme", "****", "${DB_PASS}", "true", "..."}) {
        CHECK_FALSE(judge_credential_value(stand_in, "password", password, store).credential);
    }
    // Only passwords are lenient: a store's `key` setting keeps the usual judgement.
    CHECK_FALSE(judge_credential_value("default", "api_key", classify_credential_name("api_key"), store).credential);
}

TEST_CASE("values: `$NAME` is a reference where it expands, two characters inside a Python or Java string") {
    const NameMeaning secret_key = classify_credential_name("SECRET_KEY");
    const std::string django_key = "$x9!kq2#vbn4@w7zp0^e&r5t8y1u3i6o";
    CHECK(judge_credential_value(django_key, "SECRET_KEY", secret_key).reason == "a reference to a value kept elsewhere");
    CHECK(judge_credential_value(django_key, "SECRET_KEY", secret_key, JudgementContext{false, false}).credential);
    CHECK_FALSE(judge_credential_value("${SECRET_KEY}", "SECRET_KEY", secret_key, JudgementContext{false, false}).credential);
}

TEST_CASE("credential store: client configs that hold logins by design, by name and by path tail") {
    for (const char* path : {"home/.my.cnf", "x/.aws/credentials", ".docker/config.json", "a/FileZilla/sitemanager.xml",
                             "proj/.vscode/sftp.json", "sftp-config.json", "site.duck", "WinSCP.ini", "conf/tomcat-users.xml"}) {
        CHECK(is_credential_store(path));
    }
    for (const char* path : {"app/config.json", "credentials.py", "docker/config.json.md", "settings.ini"}) {
        CHECK_FALSE(is_credential_store(path));
    }
}

TEST_CASE("values: git's signingkey names a GPG key id, not key material") {
    const NameMeaning signing = classify_credential_name("signingkey");
    CHECK(judge_credential_value("4B1D2C3E5F607182", "signingkey", signing).reason == "a key id, not the key");
    CHECK(judge_credential_value("0x4B1D2C3E5F607182", "signingkey", signing).reason == "a key id, not the key");
    CHECK(judge_credential_value("c29tZS1zZWNyZXQta2V5LWJ5dGVzLWhlcmUtMTIzNA", "signingKey",
                                 classify_credential_name("signingKey")).credential);
    CHECK(classify_credential_name("pgp_default_key").kind == CredentialKind::none);
    CHECK(classify_credential_name("gpg_passphrase").kind == CredentialKind::password);
}

TEST_CASE("values: long machine-made keys may hold spaces and % (WordPress salts, Django keys)") {
    const NameMeaning auth_key = classify_credential_name("AUTH_KEY");
    CHECK(judge_credential_value("HAxW3|Uh+$QjsXiXG9JSYkF8X)?`7*BR-aC|tNtk1ui4rT-_S,3JzOD [/x2VmZE", "AUTH_KEY", auth_key).credential);
    const NameMeaning secret_key = classify_credential_name("SECRET_KEY");
    CHECK(judge_credential_value("django-insecure-^r71v(2ao9d&7jw#&7-%dfx14rth@h)rdgc6a_cumzf2mo#kjs", "SECRET_KEY", secret_key,
                                 JudgementContext{false, false})
              .credential);
    CHECK_FALSE(judge_credential_value("put your unique phrase here", "AUTH_KEY", auth_key).credential);
    CHECK_FALSE(judge_credential_value("Hello %s, your password expires in %d days", "password_message",
                                       classify_credential_name("password")).credential);
}

TEST_CASE("values: ciphertext, Key Vault and KeePass references and psql variables are not credentials") {
    JudgementContext store;
    store.credential_store = true;
    for (const char* value : {"{COQLCE6DU6GtcS5P=}", "{AQAAABAAAAAQxYmvPvUqCzKnFNh0cuzRK1zBeP0p6W4g8fiA7bXuwnk=}",
                              "AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAABfrwXqyHEiujhcYP1oMcuGBTv40h"}) {
        INFO(value);
        CHECK(judge_credential_value(value, "password", password).reason == "ciphertext decrypted with a key kept elsewhere");
        CHECK(judge_credential_value(value, "password", password, store).reason ==
              "ciphertext decrypted with a key kept elsewhere");
    }
    for (const char* value : {"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/s/)", "{REF:P@I:1C0C8925B09DB95A}",
                              ":'grafana_password'", ":app_password"}) {
        INFO(value);
        CHECK(judge_credential_value(value, "password", password, store).reason == "a reference to a value kept elsewhere");
    }
    CHECK(judge_credential_value("{\"version\":1,\"accountData\":{}}", "password", password, store).reason ==
          "structured data, not a password");
    CHECK(credential("{Winter-2024}"));  // braces around a short typed password are still a password
}

TEST_CASE("values: a long random key may contain `/>` without being markup") {
    CHECK(credential("wi`-}4*Q_h/FOEZY!G*[Jb9z~P.@wstbQWt}]{e708Q^[3&h#AOK#e{/>N@]KJ", api_key, "SECURE_AUTH_SALT"));
    CHECK_FALSE(credential("<b>bold</b> text", api_key, "api_key"));
}
