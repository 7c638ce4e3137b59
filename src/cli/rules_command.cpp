// keylint rules list | test: show the active secret rules, or check every rule against its own
// examples (must match) and negative examples (must not), through the full scanning pipeline.
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "audit/check_registry.hpp"
#include "checks/policy_check.hpp"
#include "checks/stack_check.hpp"
#include "cli/commands.hpp"
#include "cli/option_parsing.hpp"
#include "cli/rule_config.hpp"
#include "core/error.hpp"
#include "credentials/credential_detector.hpp"
#include "filters/inline_suppression.hpp"
#include "filters/redaction.hpp"
#include "secrets/secret_scanner.hpp"

namespace keylint {
namespace po = boost::program_options;

static std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

// A rule's provider: its first tag.
static std::string provider_of(const SecretRule& rule) { return rule.tags.empty() ? std::string() : rule.tags.front(); }

// Each example with the secret the rule finds in it masked (as reports mask it), for documentation.
static std::vector<std::string> masked_examples(const SecretScanner& scanner, const SecretRule& rule) {
    std::vector<std::string> masked;
    for (const std::string& example : rule.examples) {
        std::vector<Finding> findings;
        scanner.scan(SourceText("example", example), findings);
        std::string text = example;
        for (const Finding& finding : findings) {
            if (finding.rule_id != rule.id || finding.secret.empty()) continue;
            for (size_t at = text.find(finding.secret); at != std::string::npos; at = text.find(finding.secret, at + 1)) {
                const std::string replacement = mask_secret(finding.secret);
                text.replace(at, finding.secret.size(), replacement);
                at += replacement.size() - 1;
            }
        }
        masked.push_back(std::move(text));
    }
    return masked;
}

static int list_rules(const RuleSet& rules, const std::string& format, const std::string& provider) {
    const auto selected = [&](const SecretRule& rule) { return provider.empty() || provider_of(rule) == provider; };
    if (format == "json") {
        const SecretScanner scanner(rules);
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const SecretRule& rule : scanner.rules().rules) {
            if (!selected(rule)) continue;
            list.push_back({{"id", rule.id}, {"kind", "secret"}, {"description", rule.description},
                            {"level", level_name(rule.level)}, {"tags", rule.tags}, {"origin", rule.origin},
                            {"provider", provider_of(rule)}, {"reference", rule.reference},
                            {"examples", masked_examples(scanner, rule)}});
        }
        if (!provider.empty()) {
            std::cout << list.dump(2) << '\n';
            return 0;
        }
        for (const RuleInfo& rule : CredentialDetector::rules()) {
            list.push_back({{"id", rule.id}, {"kind", "structural"}, {"description", rule.title},
                            {"level", level_name(rule.level)}, {"tags", rule.tags}});
        }
        for (const RuleInfo& check : policy_audit_rules()) {
            list.push_back({{"id", check.id}, {"kind", "policy"}, {"description", check.title},
                            {"level", level_name(check.level)}, {"tags", check.tags}});
        }
        std::cout << list.dump(2) << '\n';
        return 0;
    }
    std::cout << "Secret rules (" << std::count_if(rules.rules.begin(), rules.rules.end(), selected) << "):\n";
    for (const SecretRule& rule : rules.rules) {
        if (!selected(rule)) continue;
        std::cout << "  " << rule.id << "  [" << level_name(rule.level) << "]  " << rule.description;
        if (!rule.tags.empty()) std::cout << "  (" << joined(rule.tags) << ")";
        std::cout << '\n';
    }
    if (!provider.empty()) return 0;
    std::cout << "\nStructural credential rules (" << CredentialDetector::rules().size() << ", off with scan --regex-only):\n";
    for (const RuleInfo& rule : CredentialDetector::rules()) {
        std::cout << "  " << rule.id << "  [" << level_name(rule.level) << "]  " << rule.title << "  (" << joined(rule.tags)
                  << ")\n";
    }
    const std::vector<RuleInfo> checks = policy_audit_rules();
    std::cout << "\nPolicy checks (" << checks.size() << "):\n";
    for (const RuleInfo& check : checks) {
        std::cout << "  " << check.id << "  [" << level_name(check.level) << "]  " << check.title << "  ("
                  << joined(check.tags) << ")\n";
    }
    return 0;
}

// The rule matched: it reports a finding, or it stands behind a more specific rule's finding on the
// same secret (`also_matched`).
static bool rule_fires(const SecretScanner& scanner, const std::string& rule_id, const std::string& text) {
    const SourceText example("example", text);
    std::vector<Finding> findings;
    scanner.scan(example, findings);
    mark_inline_suppressions(example, findings);
    for (const Finding& finding : findings) {
        if (!finding.suppressed_by.empty()) continue;
        if (finding.rule_id == rule_id) return true;
        const auto also = finding.properties.find("also_matched");
        if (also != finding.properties.end() && ("," + also->second + ",").find("," + rule_id + ",") != std::string::npos) {
            return true;
        }
    }
    return false;
}

static int test_rules(const RuleSet& rules) {
    const SecretScanner scanner(rules);
    size_t failures = 0, checked = 0, without_examples = 0;
    for (const SecretRule& rule : scanner.rules().rules) {
        if (rule.examples.empty()) ++without_examples;
        for (const std::string& example : rule.examples) {
            ++checked;
            if (!rule_fires(scanner, rule.id, example)) {
                ++failures;
                std::cout << "FAIL " << rule.id << ": example does not match: " << example << '\n';
            }
        }
        for (const std::string& example : rule.negative_examples) {
            ++checked;
            if (rule_fires(scanner, rule.id, example)) {
                ++failures;
                std::cout << "FAIL " << rule.id << ": negative example matches: " << example << '\n';
            }
        }
    }
    std::cout << rules.rules.size() << " rules, " << checked << " examples checked, " << failures << " failed";
    if (without_examples > 0) std::cout << ", " << without_examples << " rules without examples";
    std::cout << '\n';
    return failures == 0 ? 0 : 1;
}

int rules_command(const Arguments& args) {
    std::string action, config, format = "text", provider;
    std::vector<std::string> rest;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("config,c", po::value(&config)->value_name("FILE"),
         "rule file to use instead of the discovered one (see `keylint scan --help`)")
        ("format,f", po::value(&format)->default_value("text")->value_name("FORMAT"),
         "list format: text or json (json also gives each secret rule's provider, reference and masked examples)")
        ("provider", po::value(&provider)->value_name("NAME"),
         "list only the secret rules of this provider (a rule's first tag: github, stripe, …)");
    options.add_options()("args", po::value(&rest)->value_name("ARG"), "");
    const std::string description =
        "  list           the active secret rules (built-in or --config), the structural credential rules\n"
        "                 and the policy checks\n"
        "  test [FILE]    check every rule of FILE (default: the active rules) against its examples\n"
        "                 and negative examples; exit 1 if any fails";
    if (!parse_command_line(args, options, "args", "keylint rules list|test [FILE] [OPTIONS]", description)) return 0;
    if (rest.empty()) throw UsageError("rules: expected 'list' or 'test'");
    action = rest[0];
    if (format != "text" && format != "json") throw UsageError("unknown --format '" + format + "' (expected text or json)");
    if (action == "list") {
        if (rest.size() > 1) throw UsageError("rules list: unexpected argument '" + rest[1] + "'");
        return list_rules(load_configured_rules(config, {"."}, RuleDetail::with_examples), format, provider);
    }
    if (action == "test") {
        if (rest.size() > 2) throw UsageError("rules test: expected at most one FILE");
        return test_rules(load_configured_rules(rest.size() == 2 ? rest[1] : config, {"."}, RuleDetail::with_examples));
    }
    throw UsageError("rules: unknown action '" + action + "' (expected list or test)");
}

}  // namespace keylint
