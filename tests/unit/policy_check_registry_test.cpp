// The registry of checks (src/audit/check_registry.cpp): every check lives in
// src/checks/<family>/<id>.cpp; every per-policy check has a unique id in
// the iam- namespace, a title, a description, help with a **Fix:** paragraph, a help URI, tags
// starting with "policy", a precision and a security severity, and at least one expected finding
// in fixtures/policy/checks/expected.tsv (read from the source root, the tests' working directory).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "audit/check_registry.hpp"
#include "checks/check_metadata.hpp"
#include "iam/conditions.hpp"
#include "checks/policy_check.hpp"

using namespace keylint;

namespace {

// The source files named after `id` (dashes as underscores) in any family folder of src/checks/.
std::vector<std::string> files_named_after(const std::string& id) {
    std::string stem = id;
    std::replace(stem.begin(), stem.end(), '-', '_');
    std::vector<std::string> found;
    for (const auto& family : std::filesystem::directory_iterator("src/checks")) {
        if (!family.is_directory()) continue;
        if (std::filesystem::exists(family.path() / (stem + ".cpp"))) found.push_back(family.path().filename().string());
    }
    return found;
}

std::set<std::string> checks_with_expected_findings() {
    std::ifstream file("fixtures/policy/checks/expected.tsv");
    REQUIRE(file);
    std::set<std::string> ids;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        ids.insert(line.substr(0, line.find('\t')));
    }
    return ids;
}

}  // namespace

TEST_CASE("policy check registry: ids are unique and every check is documented") {
    std::set<std::string> ids;
    for (const PolicyCheck& check : policy_checks()) {
        const RuleInfo& info = check.info;
        INFO(info.id);
        CHECK(ids.insert(info.id).second);
        CHECK(info.id.starts_with("iam-"));
        CHECK(check.run != nullptr);
        CHECK_FALSE(info.title.empty());
        CHECK_FALSE(info.description.empty());
        CHECK(info.help.starts_with("**" + info.title + "**\n\n"));
        CHECK(info.help.find("\n\n**Fix:** ") != std::string::npos);
        CHECK(info.help_uri.starts_with("https://docs.aws.amazon.com/"));
        REQUIRE(info.tags.size() >= 3);
        CHECK(info.tags[0] == "policy");
        CHECK(info.tags[1] == "iam");
        CHECK(std::set<std::string>{"very-high", "high", "medium", "low"}.count(info.precision) == 1);
        CHECK(info.security_severity > 0.0);
        CHECK(info.security_severity <= 10.0);
    }
    CHECK(ids.size() == 14);
}

TEST_CASE("policy check registry: every check has an expected finding in the fixtures") {
    const std::set<std::string> expected = checks_with_expected_findings();
    std::set<std::string> registered;
    for (const PolicyCheck& check : policy_checks()) registered.insert(check.info.id);
    CHECK(expected == registered);
}

TEST_CASE("check registry: every stack check has an expected finding in the stack fixtures") {
    std::set<std::string> expected;
    for (const char* path : {"fixtures/hygiene/secrets/expected.tsv", "fixtures/hygiene/workloads/expected.tsv"}) {
        std::ifstream file(path);
        REQUIRE(file);
        std::string line;
        while (std::getline(file, line)) {
            if (!line.empty() && line[0] != '#') expected.insert(line.substr(0, line.find('\t')));
        }
    }
    for (const StackCheck& check : stack_checks()) {
        INFO(check.info.id);
        CHECK(expected.count(check.info.id) == 1);
    }
}

TEST_CASE("check registry: every check is one file named after its id, in the folder of its family") {
    for (const PolicyCheck& check : policy_checks()) {
        INFO(check.info.id);
        CHECK(files_named_after(check.info.id) == std::vector<std::string>{"iam"});
    }
    std::set<std::string> ids;
    for (const StackCheck& check : stack_checks()) {
        INFO(check.info.id);
        CHECK(ids.insert(check.info.id).second);
        const std::vector<std::string> families = files_named_after(check.info.id);
        REQUIRE(families.size() == 1);
        CHECK(families[0] != "iam");
        CHECK(families[0] != "support");
    }
    CHECK(ids.size() == 23);
}

TEST_CASE("check metadata: one file per registered check, beside its code") {
    std::set<std::string> registered;
    for (const PolicyCheck& check : policy_checks()) registered.insert(check.info.id);
    for (const StackCheck& check : stack_checks()) registered.insert(check.info.id);
    std::set<std::string> with_file;
    for (const auto& [id, file] : check_metadata_files()) {
        INFO(file);
        CHECK(with_file.insert(id).second);
        std::string stem = id;
        std::replace(stem.begin(), stem.end(), '-', '_');
        CHECK(file.ends_with("/" + stem + ".toml"));
        CHECK(std::filesystem::exists(file.substr(0, file.size() - 5) + ".cpp"));
        const RuleInfo info = check_metadata(id);
        // scripts/new_check writes TODO in every text field: a check is not done until they are written.
        for (const std::string* text : {&info.title, &info.description, &info.help, &info.help_uri}) {
            CHECK(text->find("TODO") == std::string::npos);
        }
    }
    CHECK(with_file == registered);
}

TEST_CASE("check metadata: a broken file is an error naming it and the problem") {
    const std::string good =
        "id = \"x-check\"\ntitle = \"T\"\nlevel = \"warning\"\ntags = [\"a\"]\nprecision = \"high\"\n"
        "security_severity = 4.0\nhelp_uri = \"https://docs.aws.amazon.com/\"\ndescription = \"D\"\nhelp = \"H\"\n";
    const RuleInfo info = parse_check_metadata("x.toml", good);
    CHECK(info.id == "x-check");
    CHECK(info.level == Level::warning);
    CHECK(info.tags == std::vector<std::string>{"a"});
    CHECK(info.security_severity == 4.0);
    CHECK_THROWS_WITH(parse_check_metadata("x.toml", good + "levels = 1\n"), "x.toml: unknown key 'levels'");
    std::string bad_level = good;
    bad_level.replace(bad_level.find("warning"), 7, "severe");
    CHECK_THROWS_WITH(parse_check_metadata("x.toml", bad_level), "x.toml: 'level' must be note, warning or error");
    CHECK_THROWS_WITH(parse_check_metadata("x.toml", "id = \"x\"\n"), "x.toml: 'title' must be a non-empty string");
    CHECK_THROWS_WITH(check_metadata("no-such-check"), "no metadata file for check 'no-such-check'");
}

TEST_CASE("check metadata: the help of every check that accepts a caller restriction lists the same keys") {
    for (const char* id : {"iam-anyone-principal", "secret-policy-wildcard-principal", "kms-policy-wildcard-decrypt"}) {
        const RuleInfo info = check_metadata(id);
        for (std::string_view key : caller_restricting_keys) {
            INFO(id << " " << key);
            CHECK(info.help.find(key) != std::string::npos);
        }
    }
}
