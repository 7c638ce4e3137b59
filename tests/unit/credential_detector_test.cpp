#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "credentials/credential_detector.hpp"
#include "credentials/file_format.hpp"

using namespace keylint;

namespace {

using Key = std::tuple<std::string, uint32_t, std::string>;

std::set<Key> keys_of(const std::vector<Finding>& findings) {
    std::set<Key> keys;
    for (const Finding& f : findings) keys.insert({f.rule_id, f.span.start_line, f.properties.at("key")});
    return keys;
}

std::vector<Finding> scan(const std::string& path, const std::string& text) {
    std::vector<Finding> findings;
    CredentialDetector().scan(SourceText(path, text), findings);
    return findings;
}

}  // namespace

TEST_CASE("credential detector: file formats by name, lock files never read") {
    CHECK(file_format_of("app/config/settings.py") == FileFormat::python);
    CHECK(file_format_of("deploy/.env.production") == FileFormat::dotenv);
    CHECK(file_format_of("web.config") == FileFormat::xml);
    CHECK(file_format_of("home/.pgpass") == FileFormat::pgpass);
    CHECK(file_format_of("infra/main.tf") == FileFormat::hcl);
    CHECK(file_format_of("package-lock.json") == FileFormat::lock_file);
    CHECK(file_format_of("README.md") == FileFormat::unknown);
    CHECK(scan("package-lock.json", R"({"password": "Winter2024!"})").empty());
    CHECK(scan("notes.md", "password = Winter2024!\n").empty());
}

TEST_CASE("credential detector: findings name the rule, the key, the format and the reason") {
    const std::vector<Finding> findings = scan("settings.py", "import os\nDB_PASSWORD = 'Winter2024!'\nTOKEN = os.environ['TOKEN']\n");
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule_id == "generic-password");
    CHECK(f.span.start_line == 2);
    CHECK(f.span.start_column == 16);
    CHECK(f.secret == "Winter2024!");
    CHECK(f.message == "Hardcoded password in 'DB_PASSWORD' (Python).");
    CHECK(f.properties.at("key") == "DB_PASSWORD");
    CHECK(f.properties.at("format") == "Python");
    CHECK(f.properties.at("reason").starts_with("literal value under the password name 'DB_PASSWORD': 11 characters"));
}

TEST_CASE("credential detector: inline suppression applies to structural findings") {
    const std::vector<Finding> findings = scan("a.yml", "db:\n  password: Winter2024!  # keylint:allow\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].suppressed_by == "keylint:allow");
}

TEST_CASE("credential detector: files over the size cap are not read") {
    std::string big = "password = \"Winter2024!\"\n";
    big.resize(CredentialDetector::max_structured_bytes + 1, ' ');
    CHECK(scan("big.py", big).empty());
}

// The prefilter decides which files are parsed; it must not lose a finding the parse would make.
TEST_CASE("credential detector: the prefilter loses no finding on the labelled corpus") {
    const CredentialDetector detector;
    size_t files = 0, findings = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator("fixtures/credentials")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        const SourceText text(entry.path().lexically_relative("fixtures/credentials").generic_string(), bytes.str());
        std::vector<Finding> filtered, unfiltered;
        detector.scan(text, filtered);
        detector.scan_every_file(text, unfiltered);
        INFO(text.path());
        CHECK(keys_of(filtered) == keys_of(unfiltered));
        ++files;
        findings += unfiltered.size();
    }
    CHECK(files > 100);
    CHECK(findings > 100);
}
