// The filter stage (filters/filter_stage.hpp): what each filter does to a run's findings, in
// order, with exact results: suppressed findings are dropped unless asked for, documentation
// findings lowered, baselined findings dropped, secrets redacted unless shown.
#include <catch2/catch.hpp>

#include <tuple>

#include "filters/filter_stage.hpp"

using namespace keylint;

namespace {

// rule, path, line, level, secret, snippet, suppressed_by
using Row = std::tuple<std::string, std::string, uint32_t, Level, std::string, std::string, std::string>;

Finding finding(const std::string& rule, const std::string& path, uint32_t line, const std::string& secret,
                const std::string& suppressed_by = "") {
    Finding f;
    f.rule_id = rule;
    f.path = path;
    f.span = {line, 7, line, 7 + static_cast<uint32_t>(secret.size())};
    f.secret = secret;
    f.snippet = "key = " + secret;
    f.suppressed_by = suppressed_by;
    return f;
}

std::vector<Row> rows_of(const RunResult& run) {
    std::vector<Row> rows;
    for (const Finding& f : run.findings) {
        rows.emplace_back(f.rule_id, f.path, f.span.start_line, f.level, f.secret, f.snippet, f.suppressed_by);
    }
    return rows;
}

const std::string token = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
const std::string other_token = "ghp_9876543210abcdefghijABCDEFGHIJ543210";
const std::string key_id = "AKIAZ4T7XQ2LWN3RBVKE";

RunResult run_of(std::vector<Finding> findings) {
    RunResult run;
    run.findings = std::move(findings);
    return run;
}

Baseline baseline_of(const Finding& accepted) {
    Baseline baseline("00112233445566778899aabbccddeeff");
    baseline.replace_with({accepted});
    return baseline;
}

}  // namespace

TEST_CASE("filter stage: per file, markers suppress, generic findings yield, neighbours are noted") {
    const SourceText text("app.env", "A=" + key_id + " B=" + token + "\nC=" + token + " # keylint:allow\n");
    std::vector<Finding> findings{finding("generic-api-key", "app.env", 1, key_id), finding("aws-access-key-id", "app.env", 1, key_id),
                                  finding("github-pat", "app.env", 1, token), finding("github-pat", "app.env", 2, token)};
    filter_file_findings(text, findings);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].rule_id == "aws-access-key-id");
    CHECK(findings[0].nearby_secrets == std::vector<std::string>{token});
    CHECK(findings[0].suppressed_by.empty());
    CHECK(findings[1].rule_id == "github-pat");
    CHECK(findings[1].nearby_secrets == std::vector<std::string>{key_id});
    CHECK(findings[1].suppressed_by.empty());
    CHECK(findings[2].span.start_line == 2);
    CHECK(findings[2].suppressed_by == "keylint:allow");
}

TEST_CASE("filter stage: per run, defaults drop suppressed findings and redact the rest") {
    RunResult run = run_of({finding("github-pat", "app.py", 1, token), finding("github-pat", "app.py", 2, other_token, "gitleaks:allow")});
    filter_run_findings(FilterOptions{}, run);
    CHECK(rows_of(run) == std::vector<Row>{{"github-pat", "app.py", 1, Level::error, "ghp_*****", "key = ghp_*****", ""}});
    CHECK(run.stats.findings_suppressed == 1);
    CHECK(run.stats.findings_baselined == 0);
}

TEST_CASE("filter stage: include_suppressed keeps them, show_secrets keeps secrets, lowering makes notes") {
    RunResult run = run_of({finding("github-pat", "docs/setup.md", 1, token),
                            finding("github-pat", "app.py", 2, other_token, "gitleaks:allow")});
    FilterOptions options;
    options.include_suppressed = true;
    options.show_secrets = true;
    options.lower_documentation = true;
    filter_run_findings(options, run);
    CHECK(rows_of(run) == std::vector<Row>{{"github-pat", "docs/setup.md", 1, Level::note, token, "key = " + token, ""},
                                           {"github-pat", "app.py", 2, Level::error, other_token, "key = " + other_token,
                                            "gitleaks:allow"}});
    CHECK(run.findings[0].properties.at("lowered") == "in a documentation, example or test directory ('docs/')");
    CHECK(run.stats.findings_suppressed == 1);
}

TEST_CASE("filter stage: a baselined finding is dropped and counted; a suppressed one stays suppressed") {
    const Finding accepted = finding("github-pat", "app.py", 9, token);
    RunResult run = run_of({finding("github-pat", "app.py", 1, token), finding("github-pat", "app.py", 2, token, "keylint:allow"),
                            finding("aws-access-key-id", "app.py", 3, key_id)});
    FilterOptions options;
    options.include_suppressed = true;
    options.baseline = baseline_of(accepted);
    filter_run_findings(options, run);
    CHECK(rows_of(run) == std::vector<Row>{{"github-pat", "app.py", 2, Level::error, "ghp_*****", "key = ghp_*****", "keylint:allow"},
                                           {"aws-access-key-id", "app.py", 3, Level::error, "AKIA*****", "key = AKIA*****", ""}});
    CHECK(run.stats.findings_baselined == 1);
    CHECK(run.stats.findings_suppressed == 1);
}
