#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "filters/documentation_examples.hpp"

using namespace keylint;

TEST_CASE("documentation: example, documentation and test paths inside the scanned tree") {
    for (const char* path : {"aws-sdk/apis/iam-2010-05-08.examples.json", "docs/setup.md", "pkg/testdata/config.yml",
                             "src/__tests__/api.js", "url/test.js", "db/store_test.go", "web/login.test.ts",
                             "app/auth.spec.js", "tests/conf.py", "test_settings.py", "spec/models/user_spec.rb",
                             "src/main/java/LoginTest.java", "Api.Tests/ClientTests.cs", "config.example.yml",
                             "examples/basic/main.tf"}) {
        INFO(path);
        CHECK_FALSE(example_path_reason(path).empty());
    }
    for (const char* path : {"config/settings.py", ".env", "src/latest.js", "contest/app.py", "deploy/attestation.yml",
                             "src/Testimonial.java", "docker-compose.yml", "app/services/payment.rb"}) {
        INFO(path);
        CHECK(example_path_reason(path).empty());
    }
    CHECK(example_path_reason("a/examples/b.json") == "in a documentation, example or test directory ('examples/')");
    CHECK(example_path_reason("iam.examples.json") == "in an example or test file ('.examples.')");
}

TEST_CASE("documentation: phrases of filler words around one credential word") {
    for (const char* value : {"VERYSECRET", "ThisIsATemporaryPassword", "SomeSecretValue", "my-example-token",
                              "MyNewPassword", "super_secret_key", "your secret here"}) {
        INFO(value);
        CHECK_FALSE(documentation_value_reason(value).empty());
    }
    for (const char* value : {"Summer2024!", "CorrectHorseBatteryStaple", "hunter2", "Qx7!vR2m#Lp9", "secretsecretsecret",
                              "passwordless", "tokenizer"}) {
        INFO(value);
        CHECK(documentation_value_reason(value).empty());
    }
}

TEST_CASE("documentation: lowered findings become notes with the reason and their first level") {
    auto finding = [](const char* path, Level level, const char* secret) {
        Finding f;
        f.rule_id = "generic-password";
        f.level = level;
        f.path = path;
        f.secret = secret;
        return f;
    };
    std::vector<Finding> findings = {finding("docs/a.yml", Level::error, "Winter2024!"),
                                     finding("app/config.json", Level::warning, "VERYSECRET"),
                                     finding("app/config.json", Level::error, "Winter2024!")};
    lower_documentation_findings(findings);
    CHECK(findings[0].level == Level::note);
    CHECK(findings[0].properties.at("original_level") == "error");
    CHECK(findings[0].properties.at("lowered") == "in a documentation, example or test directory ('docs/')");
    CHECK(findings[1].level == Level::note);
    CHECK(findings[1].properties.at("original_level") == "warning");
    CHECK(findings[2].level == Level::error);
    CHECK(findings[2].properties.count("lowered") == 0);
}
