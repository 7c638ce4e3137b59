// TOML → RuleSet. The format follows gitleaks' documented config so existing files work; see
// rule_loader.hpp for the accepted keys.
#include "secrets/rule_loader.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "core/ascii_case.hpp"
#include "core/embedded_file.hpp"
#include "core/error.hpp"
#include "secrets/rule_index.hpp"

namespace keylint {
namespace {

constexpr int max_extend_depth = 4;

struct Context {
    std::string file;
    std::string rule;  // empty outside a rule
    bool compile_lazily = false;  // the built-in pack, which the tests compile and check

    [[noreturn]] void fail(const std::string& problem) const {
        std::string where = file;
        if (!rule.empty()) where += ": rule '" + rule + "'";
        throw ConfigError(where + ": " + problem);
    }
};

// Built-in rules compile lazily (the tests compile them all); user files are compiled now so that
// a bad pattern is reported with its file and rule.
// `{{assign}}` in a rule's regex: how a name is given its value in configs and code, one
// definition for the whole pack (`name = v`, `name: v`, `"name": "v"`, `name := v`, `name => v`,
// aligned with up to 20 blanks before the operator).
constexpr std::string_view assignment_macro = "{{assign}}";
constexpr std::string_view assignment_pattern = R"(["']?[ \t]{0,20}(?::=|=>|=|:)[ \t]{0,5}["']?)";

std::string expand_macros(std::string pattern) {
    for (size_t at = pattern.find(assignment_macro); at != std::string::npos;
         at = pattern.find(assignment_macro, at + assignment_pattern.size())) {
        pattern.replace(at, assignment_macro.size(), assignment_pattern);
    }
    return pattern;
}

LazyRegex compile_regex(const Context& ctx, const std::string& key, const std::string& pattern) {
    LazyRegex regex(expand_macros(pattern));
    if (!ctx.compile_lazily && !regex.get().ok()) ctx.fail("invalid regex in '" + key + "': " + regex.get().error());
    return regex;
}

std::string string_value(const Context& ctx, const toml::node& node, const std::string& key) {
    auto value = node.value<std::string>();
    if (!value) ctx.fail("'" + key + "' must be a string");
    return *value;
}

std::vector<std::string> string_list(const Context& ctx, const toml::node& node, const std::string& key) {
    const auto* array = node.as_array();
    if (!array) ctx.fail("'" + key + "' must be an array of strings");
    std::vector<std::string> values;
    for (const auto& element : *array) values.push_back(string_value(ctx, element, key));
    return values;
}

std::vector<LazyRegex> regex_list(const Context& ctx, const toml::node& node, const std::string& key) {
    std::vector<LazyRegex> regexes;
    for (const auto& pattern : string_list(ctx, node, key)) regexes.push_back(compile_regex(ctx, key, pattern));
    return regexes;
}

const toml::table& as_table(const Context& ctx, const toml::node& node, const std::string& what) {
    const auto* table = node.as_table();
    if (!table) ctx.fail("'" + what + "' must be a table");
    return *table;
}

Allowlist parse_allowlist(const Context& ctx, const toml::table& table, bool global) {
    Allowlist allowlist;
    for (const auto& [key_node, node] : table) {
        const std::string key(key_node.str());
        if (key == "description") {
            allowlist.description = string_value(ctx, node, key);
        } else if (key == "condition") {
            const auto condition = ascii_lowered(string_value(ctx, node, key));
            if (condition == "or") allowlist.condition = Allowlist::Condition::any;
            else if (condition == "and") allowlist.condition = Allowlist::Condition::all;
            else ctx.fail("allowlist 'condition' must be OR or AND, not '" + condition + "'");
        } else if (key == "regexTarget") {
            const auto target = string_value(ctx, node, key);
            if (target == "secret") allowlist.regex_target = Allowlist::Target::secret;
            else if (target == "match") allowlist.regex_target = Allowlist::Target::match;
            else if (target == "line") allowlist.regex_target = Allowlist::Target::line;
            else ctx.fail("allowlist 'regexTarget' must be secret, match or line, not '" + target + "'");
        } else if (key == "commits") {
            allowlist.commits = string_list(ctx, node, key);
        } else if (key == "paths") {
            allowlist.paths = regex_list(ctx, node, key);
        } else if (key == "regexes") {
            allowlist.regexes = regex_list(ctx, node, key);
        } else if (key == "stopwords") {
            for (auto& word : string_list(ctx, node, key)) allowlist.stopwords.push_back(ascii_lowered(word));
        } else if (key == "targetRules" && global) {
            allowlist.target_rules = string_list(ctx, node, key);
        } else {
            ctx.fail("unknown allowlist key '" + key + "'");
        }
    }
    if (allowlist.empty()) ctx.fail("allowlist has no commits, paths, regexes or stopwords");
    return allowlist;
}

// Accepts both the array-of-tables form and the older single-table form.
void parse_allowlists(const Context& ctx, const toml::node& node, bool global, std::vector<Allowlist>& out) {
    if (const auto* array = node.as_array()) {
        for (const auto& element : *array) out.push_back(parse_allowlist(ctx, as_table(ctx, element, "allowlists"), global));
    } else {
        out.push_back(parse_allowlist(ctx, as_table(ctx, node, "allowlist"), global));
    }
}

SecretRule parse_rule(Context ctx, const toml::table& table) {
    SecretRule rule;
    rule.origin = ctx.file;
    if (const auto* id = table.get("id")) rule.id = string_value(ctx, *id, "id");
    if (rule.id.empty()) ctx.fail("a rule has no 'id'");
    ctx.rule = rule.id;
    bool skip_report = false;
    for (const auto& [key_node, node] : table) {
        const std::string key(key_node.str());
        if (key == "id") continue;
        if (key == "description") {
            rule.description = string_value(ctx, node, key);
        } else if (key == "regex") {
            rule.regex = compile_regex(ctx, key, string_value(ctx, node, key));
        } else if (key == "path") {
            rule.path = compile_regex(ctx, key, string_value(ctx, node, key));
        } else if (key == "secretGroup") {
            auto group = node.value<int64_t>();
            if (!group || *group < 0) ctx.fail("'secretGroup' must be a non-negative integer");
            rule.secret_group = static_cast<int>(*group);
        } else if (key == "entropy") {
            auto entropy = node.value<double>();
            if (!entropy || *entropy < 0) ctx.fail("'entropy' must be a non-negative number");
            rule.min_entropy = *entropy;
        } else if (key == "keywords") {
            for (auto& keyword : string_list(ctx, node, key)) {
                if (keyword.empty()) ctx.fail("'keywords' holds an empty string");
                rule.keywords.push_back(ascii_lowered(keyword));
            }
        } else if (key == "tags") {
            rule.tags = string_list(ctx, node, key);
        } else if (key == "severity") {
            auto level = parse_level(string_value(ctx, node, key));
            if (!level) ctx.fail("'severity' must be note, warning or error");
            rule.level = *level;
        } else if (key == "examples") {
            rule.examples = string_list(ctx, node, key);
        } else if (key == "negative_examples") {
            rule.negative_examples = string_list(ctx, node, key);
        } else if (key == "precedence") {
            auto precedence = node.value<int64_t>();
            if (!precedence || *precedence < -100 || *precedence > 100) ctx.fail("'precedence' must be an integer from -100 to 100");
            rule.precedence = static_cast<int>(*precedence);
        } else if (key == "checksum") {
            auto checksum = parse_token_checksum(string_value(ctx, node, key));
            if (!checksum) ctx.fail("'checksum' must be crc32-base62");
            rule.checksum = *checksum;
        } else if (key == "reference") {
            rule.reference = string_value(ctx, node, key);
        } else if (key == "allowlists" || key == "allowlist") {
            parse_allowlists(ctx, node, false, rule.allowlists);
        } else if (key == "skipReport") {
            skip_report = node.value<bool>().value_or(false);
        } else if (key == "required") {
            ctx.fail("composite rules ('required') are not supported yet");
        } else {
            ctx.fail("unknown key '" + key + "'");
        }
    }
    if (!rule.regex && !rule.path) ctx.fail("a rule needs a 'regex' or a 'path'");
    if (rule.regex && !ctx.compile_lazily && rule.secret_group > rule.regex->get().NumberOfCapturingGroups()) {
        ctx.fail("'secretGroup' is " + std::to_string(rule.secret_group) + " but the regex has only " +
                 std::to_string(rule.regex->get().NumberOfCapturingGroups()) + " capture groups");
    }
    if (skip_report) rule.id.clear();  // used only as a dependency of composite rules
    return rule;
}

void merge_rule(RuleSet& set, SecretRule rule) {
    auto same_id = std::find_if(set.rules.begin(), set.rules.end(), [&](const SecretRule& r) { return r.id == rule.id; });
    if (same_id != set.rules.end()) *same_id = std::move(rule);
    else set.rules.push_back(std::move(rule));
}

RuleSet load_text(std::string_view name, std::string_view text, const std::filesystem::path& base_dir, int depth,
                  bool builtin = false);

RuleSet load_file(const std::filesystem::path& path, int depth) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(path.string() + ": cannot read rule file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return load_text(path.string(), buffer.str(), path.parent_path(), depth);
}

RuleSet builtin_rules_from_toml(RuleDetail detail) {
    RuleSet set;
    for (const auto& file : detail == RuleDetail::with_examples ? embedded_rule_files : embedded_scanning_rule_files) {
        RuleSet part = load_text(file.name, file.contents, {}, max_extend_depth, true);
        for (auto& rule : part.rules) {
            rule.match_near_keywords = true;
            if (std::any_of(set.rules.begin(), set.rules.end(), [&](const SecretRule& r) { return r.id == rule.id; })) {
                throw ConfigError(std::string(file.name) + ": rule '" + rule.id + "' is defined twice in the built-in pack");
            }
            set.rules.push_back(std::move(rule));
        }
        for (auto& allowlist : part.global_allowlists) set.global_allowlists.push_back(std::move(allowlist));
        set.origins.emplace_back(file.name);
    }
    return set;
}

RuleSet builtin_rules(RuleDetail detail = RuleDetail::for_scanning) {
    if (detail == RuleDetail::for_scanning && !embedded_rule_index.empty()) return read_rule_index(embedded_rule_index);
    return builtin_rules_from_toml(detail);
}

RuleSet load_text(std::string_view name, std::string_view text, const std::filesystem::path& base_dir, int depth,
                  bool builtin) {
    const Context ctx{std::string(name), {}, builtin};
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& error) {
        ctx.fail("line " + std::to_string(error.source().begin.line) + ": " + std::string(error.description()));
    }

    RuleSet set;
    std::vector<std::string> disabled;
    if (const auto* extend_node = root.get("extend")) {
        const auto& extend = as_table(ctx, *extend_node, "extend");
        for (const auto& [key_node, node] : extend) {
            const std::string key(key_node.str());
            if (key == "useDefault") {
                if (node.value<bool>().value_or(false)) {
                    set = builtin_rules();
                    set.prebuilt_tables.reset();  // the file's rules change the set
                }
            } else if (key == "path") {
                if (depth >= max_extend_depth) ctx.fail("[extend] chain is deeper than " + std::to_string(max_extend_depth));
                RuleSet base = load_file(base_dir / string_value(ctx, node, key), depth + 1);
                for (auto& rule : base.rules) merge_rule(set, std::move(rule));
                for (auto& allowlist : base.global_allowlists) set.global_allowlists.push_back(std::move(allowlist));
                for (auto& origin : base.origins) set.origins.push_back(std::move(origin));
            } else if (key == "disabledRules") {
                disabled = string_list(ctx, node, key);
            } else {
                ctx.fail("unknown [extend] key '" + key + "'");
            }
        }
    }

    for (const auto& [key_node, node] : root) {
        const std::string key(key_node.str());
        if (key == "extend" || key == "title" || key == "description" || key == "minVersion") continue;
        if (key == "rules") {
            const auto* rules = node.as_array();
            if (!rules) ctx.fail("'rules' must be an array of tables ([[rules]])");
            for (const auto& element : *rules) {
                SecretRule rule = parse_rule(ctx, as_table(ctx, element, "rules"));
                if (!rule.id.empty()) merge_rule(set, std::move(rule));
            }
        } else if (key == "allowlists" || key == "allowlist") {
            parse_allowlists(ctx, node, true, set.global_allowlists);
        } else {
            ctx.fail("unknown top-level key '" + key + "'");
        }
    }

    std::erase_if(set.rules, [&](const SecretRule& rule) {
        return std::find(disabled.begin(), disabled.end(), rule.id) != disabled.end();
    });
    set.origins.emplace_back(name);
    return set;
}

}  // namespace

RuleSet load_builtin_rules(RuleDetail detail) { return builtin_rules(detail); }

RuleSet load_builtin_rules_from_toml(RuleDetail detail) { return builtin_rules_from_toml(detail); }

RuleSet load_rule_file(const std::filesystem::path& path) { return load_file(path, 0); }

RuleSet load_rule_text(std::string_view name, std::string_view text, const std::filesystem::path& base_dir) {
    return load_text(name, text, base_dir, 0);
}

}  // namespace keylint
