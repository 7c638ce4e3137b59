// Policy extraction and the iam-full-admin check on raw policy documents.
#include <catch2/catch.hpp>

#include "audit/policy_analyzer.hpp"

using namespace keylint;

namespace {

std::vector<std::pair<std::string, uint32_t>> findings_of(const std::string& json) {
    const PolicyFileOutcome outcome = analyze_policy_file(SourceText("p.json", json));
    std::vector<std::pair<std::string, uint32_t>> result;
    for (const Finding& f : outcome.findings) result.emplace_back(f.rule_id, f.span.start_line);
    return result;
}

}  // namespace

TEST_CASE("Allow * on * is flagged on the statement's line") {
    const auto found = findings_of(R"({
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "ReadLogs", "Effect": "Allow", "Action": "logs:Get*", "Resource": "*"},
    {
      "Sid": "Everything",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "*"],
      "Resource": "*"
    }
  ]
})");
    CHECK(found == std::vector<std::pair<std::string, uint32_t>>{{"iam-full-admin", 5}});
}

TEST_CASE("a single statement object and *:* are understood") {
    CHECK(findings_of(R"({"Statement": {"Effect": "Allow", "Action": "*:*", "Resource": ["*"]}})") ==
          std::vector<std::pair<std::string, uint32_t>>{{"iam-full-admin", 1}});
}

TEST_CASE("Deny, scoped resources and resource policies are not full admin") {
    CHECK(findings_of(R"({"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]})").empty());
    CHECK(findings_of(R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"}]})").empty());
    CHECK(findings_of(
              R"({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*", "Resource": "*"}]})")
              .empty());
}

TEST_CASE("JSON files that are not policies produce nothing") {
    const PolicyFileOutcome outcome = analyze_policy_file(SourceText("package.json", R"({"name": "x", "version": "1.0.0"})"));
    CHECK(outcome.findings.empty());
    CHECK(outcome.diagnostics.empty());
    CHECK(outcome.policies == 0);
}

TEST_CASE("an unparsable JSON file is a diagnostic naming the problem") {
    const PolicyFileOutcome outcome = analyze_policy_file(SourceText("broken.json", "{\"Statement\": [\n"));
    REQUIRE(outcome.diagnostics.size() == 1);
    CHECK(outcome.diagnostics[0].path == "broken.json");
    CHECK(outcome.diagnostics[0].message.starts_with("invalid JSON: "));
}
