#include "filters/baseline.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "core/error.hpp"
#include "core/sha256.hpp"

namespace keylint {
namespace {

constexpr int format_version = 1;

bool is_hex(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

}  // namespace

Baseline Baseline::with_new_salt() {
    std::random_device device;
    static constexpr char hex[] = "0123456789abcdef";
    std::string salt;
    for (int i = 0; i < 4; ++i) {
        uint32_t word = device();
        for (int nibble = 0; nibble < 8; ++nibble, word >>= 4) salt.push_back(hex[word & 0xF]);
    }
    return Baseline(salt);
}

Baseline Baseline::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(path + ": cannot read the baseline file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

Baseline Baseline::parse(const std::string& text, const std::string& origin) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw ConfigError(origin + ": not a keylint baseline: invalid JSON: " + error.what());
    }
    auto bad = [&](const std::string& why) { return ConfigError(origin + ": not a keylint baseline: " + why); };
    if (!document.is_object() || !document.contains("keylint_baseline")) throw bad("no \"keylint_baseline\" version field");
    if (document["keylint_baseline"] != format_version) throw bad("unsupported version " + document["keylint_baseline"].dump());
    if (!document.contains("salt") || !document["salt"].is_string() || !is_hex(document["salt"].get<std::string>())) {
        throw bad("\"salt\" must be a hex string");
    }
    Baseline baseline(document["salt"].get<std::string>());
    if (!document.contains("entries") || !document["entries"].is_array()) throw bad("\"entries\" must be a list");
    for (const auto& item : document["entries"]) {
        if (!item.is_object() || !item.contains("rule") || !item.contains("path") || !item.contains("digest") ||
            !item["rule"].is_string() || !item["path"].is_string() || !item["digest"].is_string()) {
            throw bad("every entry needs the strings \"rule\", \"path\" and \"digest\"");
        }
        baseline.entries_.insert({item["path"], item["rule"], item["digest"]});
    }
    return baseline;
}

BaselineEntry Baseline::entry_for(const Finding& finding) const {
    std::string identity = finding.secret;
    if (identity.empty()) {
        std::copy_if(finding.snippet.begin(), finding.snippet.end(), std::back_inserter(identity),
                     [](unsigned char c) { return !std::isspace(c); });
    }
    return {finding.path, finding.rule_id, sha256_hex(salt_ + '\0' + identity)};
}

std::pair<size_t, size_t> Baseline::replace_with(const std::vector<Finding>& findings) {
    std::set<BaselineEntry> next;
    for (const Finding& finding : findings) {
        if (finding.suppressed_by.empty()) next.insert(entry_for(finding));
    }
    size_t added = 0, dropped = 0;
    for (const BaselineEntry& entry : next) added += entries_.count(entry) == 0 ? 1 : 0;
    for (const BaselineEntry& entry : entries_) dropped += next.count(entry) == 0 ? 1 : 0;
    entries_ = std::move(next);
    return {added, dropped};
}

std::string Baseline::serialise() const {
    nlohmann::ordered_json document;
    document["keylint_baseline"] = format_version;
    document["description"] =
        "Findings accepted with `keylint baseline`: rule, path and a salted SHA-256 of the secret. "
        "Regenerate with `keylint baseline update`.";
    document["salt"] = salt_;
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const BaselineEntry& entry : entries_) {
        entries.push_back({{"rule", entry.rule}, {"path", entry.path}, {"digest", entry.digest}});
    }
    document["entries"] = std::move(entries);
    return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings) {
    const size_t before = findings.size();
    std::erase_if(findings, [&](const Finding& finding) { return finding.suppressed_by.empty() && baseline.contains(finding); });
    return before - findings.size();
}

}  // namespace keylint
