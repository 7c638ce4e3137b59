#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "credentials/credential_name.hpp"

using namespace keylint;

TEST_CASE("credential names: identifiers split into lower-case words") {
    CHECK(split_name_words("DB_PASSWORD") == std::vector<std::string>{"db", "password"});
    CHECK(split_name_words("apiKey") == std::vector<std::string>{"api", "key"});
    CHECK(split_name_words("APIKey") == std::vector<std::string>{"api", "key"});
    CHECK(split_name_words("spring.datasource.password") == std::vector<std::string>{"spring", "datasource", "password"});
    CHECK(split_name_words("//registry.npmjs.org/:_authToken") ==
          std::vector<std::string>{"registry", "npmjs", "org", "auth", "token"});
}

TEST_CASE("credential names: names of passwords in any case or separator style") {
    for (const char* name : {"password", "DB_PASSWORD", "dbPassword", "db-password", "passwd", "PWD", "db_pass",
                             "SMTP_PASS", "passphrase", "mysqlpassword", "Password2", "password_value"}) {
        INFO(name);
        CHECK(classify_credential_name(name).kind == CredentialKind::password);
    }
}

TEST_CASE("credential names: names of keys, tokens and secrets") {
    for (const char* name : {"api_key", "apiKey", "x-api-key", "AUTH_TOKEN", "client_secret", "clientSecret", "SECRET_KEY",
                             "SECRET_KEY_BASE", "AUTH_KEY", "LOGGED_IN_KEY", "credentials", "accessToken", "secretkey",
                             "auth", "refresh_token", "NONCE_SALT", "private_key"}) {
        INFO(name);
        CHECK(classify_credential_name(name).kind == CredentialKind::secret);
        CHECK_FALSE(classify_credential_name(name).needs_generated_value);
    }
}

TEST_CASE("credential names: a service's key needs a generated-looking value") {
    const NameMeaning stripe = classify_credential_name("STRIPE_KEY");
    CHECK(stripe.kind == CredentialKind::secret);
    CHECK(stripe.needs_generated_value);
}

TEST_CASE("credential names: names about a credential that do not hold one") {
    for (const char* name : {"password_length", "passwordMinLength", "token_url", "tokenEndpoint", "secret_name",
                             "passwordField", "auth_method", "auth_type", "api_key_header", "token_expiry", "secretArn",
                             "password_reset_url", "keyboard", "passthrough", "author", "key", "public_key",
                             "primary_key", "cache_key", "next_token", "max_tokens", "compass", "key_id", "bypass", "salt",
                             "encryptedPassword", "encrypted_api_key", "sealed_token", "wrapped_key",
                             "_classPrivateFieldKey", "column_key", "itemKey"}) {
        INFO(name);
        CHECK(classify_credential_name(name).kind == CredentialKind::none);
    }
}

TEST_CASE("names: `pass` glued to what holds the password, not to other words") {
    for (const char* name : {"requirepass", "smtppass", "dbpass", "rootpass", "storepass", "keypass", "masterauth"}) {
        CHECK(classify_credential_name(name).kind == CredentialKind::password);
    }
    for (const char* name : {"bypass", "compass", "overpass", "trespass", "surpass", "pass_through", "password_hint"}) {
        CHECK(classify_credential_name(name).kind == CredentialKind::none);
    }
}

TEST_CASE("credential names: the generations of a rotated key name the key") {
    for (const char* name : {"SECRET_KEY_FALLBACKS", "API_KEY_OLD", "db_password_previous", "TOKEN_SECONDARY"}) {
        INFO(name);
        CHECK(classify_credential_name(name).kind != CredentialKind::none);
    }
    CHECK(classify_credential_name("primary_key").kind == CredentialKind::none);
}
