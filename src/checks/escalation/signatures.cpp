// See signatures.hpp. Unknown keys and values are errors, as for the secret rule files.
#include "checks/escalation/signatures.hpp"

#include <algorithm>
#include <set>
#include <toml++/toml.h>

#include "core/embedded_file.hpp"
#include "core/error.hpp"

namespace keylint {
namespace {

struct Context {
    std::string where;  // "rules/policy/escalation.toml: signature 'x'"
    [[noreturn]] void fail(const std::string& message) const { throw ConfigError(where + ": " + message); }
};

void check_keys(const Context& context, const toml::table& table, std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, node] : table) {
        if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
            context.fail("unknown key '" + std::string(key.str()) + "'");
        }
    }
}

std::string required_string(const Context& context, const toml::table& table, std::string_view key) {
    const auto value = table[key].value<std::string>();
    if (!value || value->empty()) context.fail("'" + std::string(key) + "' must be a non-empty string");
    return *value;
}

ResourceRequirement requirement_named(const Context& context, std::string_view name) {
    if (name == "any") return ResourceRequirement::any;
    if (name == "every") return ResourceRequirement::every;
    if (name == "self-or-every") return ResourceRequirement::self_or_every;
    if (name == "pass-role") return ResourceRequirement::pass_role;
    if (name == "assumable-role") return ResourceRequirement::assumable_role;
    context.fail("unknown resource requirement '" + std::string(name) + "'");
}

SignatureStep parse_step(const Context& context, const toml::table& table) {
    check_keys(context, table, {"actions", "resource", "pass_to"});
    SignatureStep step;
    const toml::array* actions = table["actions"].as_array();
    if (!actions || actions->empty()) context.fail("a step needs a non-empty 'actions' list");
    for (const toml::node& action : *actions) {
        const auto text = action.value<std::string>();
        if (!text || text->find(':') == std::string::npos) context.fail("an action must be a \"service:Action\" string");
        step.actions.push_back(*text);
    }
    if (table.contains("resource")) step.resource = requirement_named(context, required_string(context, table, "resource"));
    if (table.contains("pass_to")) step.pass_to = required_string(context, table, "pass_to");
    if ((step.resource == ResourceRequirement::pass_role) != !step.pass_to.empty()) {
        context.fail("'pass_to' goes with resource = \"pass-role\", and only with it");
    }
    return step;
}

EscalationSignature parse_signature(const Context& file, const toml::table& table, size_t index) {
    Context context{file.where + ": signature " + std::to_string(index + 1)};
    EscalationSignature signature;
    signature.id = required_string(context, table, "id");
    context.where = file.where + ": signature '" + signature.id + "'";
    check_keys(context, table, {"id", "title", "category", "severity", "explanation", "fix", "steps"});
    signature.title = required_string(context, table, "title");
    signature.category = required_string(context, table, "category");
    static const std::set<std::string> categories = {"privilege-escalation", "credentials-exposure", "data-access",
                                                     "resource-exposure"};
    if (!categories.contains(signature.category)) context.fail("unknown category '" + signature.category + "'");
    signature.explanation = required_string(context, table, "explanation");
    signature.fix = required_string(context, table, "fix");
    const auto severity = table["severity"].value<double>();
    if (!severity || *severity < 0 || *severity > 10) context.fail("'severity' must be a number from 0 to 10");
    signature.severity = *severity;
    const toml::array* steps = table["steps"].as_array();
    if (!steps || steps->empty()) context.fail("a signature needs at least one [[signatures.steps]]");
    for (const toml::node& step : *steps) {
        const toml::table* step_table = step.as_table();
        if (!step_table) context.fail("each step must be a table");
        signature.steps.push_back(parse_step(context, *step_table));
    }
    return signature;
}

}  // namespace

std::vector<EscalationSignature> parse_signatures(std::string_view name, std::string_view text) {
    const Context file{std::string(name)};
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& error) {
        file.fail(std::string(error.description()) + " at line " + std::to_string(error.source().begin.line));
    }
    check_keys(file, root, {"signatures"});
    std::vector<EscalationSignature> signatures;
    const toml::array* entries = root["signatures"].as_array();
    if (!entries) return signatures;
    std::set<std::string> ids;
    for (size_t i = 0; i < entries->size(); ++i) {
        const toml::table* table = (*entries)[i].as_table();
        if (!table) file.fail("each [[signatures]] entry must be a table");
        EscalationSignature signature = parse_signature(file, *table, i);
        if (!ids.insert(signature.id).second) file.fail("signature '" + signature.id + "' is defined twice");
        signatures.push_back(std::move(signature));
    }
    return signatures;
}

const std::vector<EscalationSignature>& builtin_signatures() {
    static const std::vector<EscalationSignature> signatures = [] {
        std::vector<EscalationSignature> all;
        for (const EmbeddedFile& file : embedded_policy_rule_files) {
            for (EscalationSignature& signature : parse_signatures(file.name, file.contents)) all.push_back(std::move(signature));
        }
        return all;
    }();
    return signatures;
}

}  // namespace keylint
