#include "checks/check_metadata.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <toml++/toml.h>

#include "core/embedded_file.hpp"

namespace keylint {
namespace {

[[noreturn]] void fail(std::string_view name, const std::string& problem) {
    throw std::logic_error(std::string(name) + ": " + problem);
}

std::string text_field(std::string_view name, const toml::table& table, const char* key) {
    const std::optional<std::string> value = table[key].value<std::string>();
    if (!value || value->empty()) fail(name, std::string("'") + key + "' must be a non-empty string");
    return *value;
}

struct Loaded {
    std::map<std::string, RuleInfo, std::less<>> by_id;
    std::vector<std::pair<std::string, std::string>> files;
};

const Loaded& loaded() {
    static const Loaded all = [] {
        Loaded out;
        for (const EmbeddedFile& file : embedded_check_metadata_files) {
            RuleInfo info = parse_check_metadata(file.name, file.contents);
            out.files.emplace_back(info.id, std::string(file.name));
            if (!out.by_id.emplace(info.id, std::move(info)).second) fail(file.name, "a second file for this id");
        }
        return out;
    }();
    return all;
}

}  // namespace

RuleInfo parse_check_metadata(std::string_view name, std::string_view text) {
    toml::table table;
    try {
        table = toml::parse(text, name);
    } catch (const toml::parse_error& error) {
        fail(name, std::string(error.description()) + " at line " + std::to_string(error.source().begin.line));
    }
    static const std::set<std::string, std::less<>> known = {"id", "title", "level", "tags", "precision",
                                                             "security_severity", "help_uri", "description", "help"};
    for (const auto& [key, value] : table) {
        if (!known.count(key.str())) fail(name, "unknown key '" + std::string(key.str()) + "'");
    }
    RuleInfo info;
    info.id = text_field(name, table, "id");
    info.title = text_field(name, table, "title");
    info.description = text_field(name, table, "description");
    info.help = text_field(name, table, "help");
    info.help_uri = text_field(name, table, "help_uri");
    info.precision = text_field(name, table, "precision");
    const std::optional<Level> level = parse_level(text_field(name, table, "level"));
    if (!level) fail(name, "'level' must be note, warning or error");
    info.level = *level;
    const toml::array* tags = table["tags"].as_array();
    if (!tags || tags->empty()) fail(name, "'tags' must be a non-empty array of strings");
    for (const toml::node& tag : *tags) {
        const std::optional<std::string> text_tag = tag.value<std::string>();
        if (!text_tag) fail(name, "'tags' must be a non-empty array of strings");
        info.tags.push_back(*text_tag);
    }
    const std::optional<double> severity = table["security_severity"].value<double>();
    if (!severity || *severity < 0.0 || *severity > 10.0) fail(name, "'security_severity' must be a number from 0 to 10");
    info.security_severity = *severity;
    return info;
}

RuleInfo check_metadata(std::string_view id) {
    const Loaded& all = loaded();
    const auto found = all.by_id.find(id);
    if (found == all.by_id.end()) throw std::logic_error("no metadata file for check '" + std::string(id) + "'");
    return found->second;
}

std::vector<std::pair<std::string, std::string>> check_metadata_files() { return loaded().files; }

}  // namespace keylint
