// See rule_index.hpp.
#include "secrets/rule_index.hpp"

#include <memory>

#include "core/byte_stream.hpp"

namespace keylint {
namespace {

// Changes whenever the layout below does; an index of another version is refused.
constexpr std::string_view index_magic = "keylint-rule-index-1";

void write_optional_regex(ByteWriter& out, const std::optional<LazyRegex>& regex) {
    out.boolean(regex.has_value());
    if (regex) out.string(regex->pattern());
}

std::optional<LazyRegex> read_optional_regex(ByteReader& in) {
    if (!in.boolean()) return std::nullopt;
    return LazyRegex(in.string());
}

void write_regexes(ByteWriter& out, const std::vector<LazyRegex>& regexes) {
    out.u32(static_cast<uint32_t>(regexes.size()));
    for (const LazyRegex& regex : regexes) out.string(regex.pattern());
}

std::vector<LazyRegex> read_regexes(ByteReader& in) {
    std::vector<LazyRegex> regexes;
    const size_t count = in.count(4);
    regexes.reserve(count);
    for (size_t i = 0; i < count; ++i) regexes.emplace_back(in.string());
    return regexes;
}

template <class Enum>
Enum read_enum(ByteReader& in, Enum last, const char* what) {
    const uint8_t value = in.u8();
    if (value > static_cast<uint8_t>(last)) throw FormatError(std::string("an unknown ") + what + " " + std::to_string(value));
    return static_cast<Enum>(value);
}

void write_allowlist(ByteWriter& out, const Allowlist& allowlist) {
    out.string(allowlist.description);
    out.u8(static_cast<uint8_t>(allowlist.condition));
    out.u8(static_cast<uint8_t>(allowlist.regex_target));
    out.strings(allowlist.commits);
    write_regexes(out, allowlist.paths);
    write_regexes(out, allowlist.regexes);
    out.strings(allowlist.stopwords);
    out.strings(allowlist.target_rules);
}

Allowlist read_allowlist(ByteReader& in) {
    Allowlist allowlist;
    allowlist.description = in.string();
    allowlist.condition = read_enum(in, Allowlist::Condition::all, "allowlist condition");
    allowlist.regex_target = read_enum(in, Allowlist::Target::line, "allowlist target");
    allowlist.commits = in.strings();
    allowlist.paths = read_regexes(in);
    allowlist.regexes = read_regexes(in);
    allowlist.stopwords = in.strings();
    allowlist.target_rules = in.strings();
    return allowlist;
}

void write_allowlists(ByteWriter& out, const std::vector<Allowlist>& allowlists) {
    out.u32(static_cast<uint32_t>(allowlists.size()));
    for (const Allowlist& allowlist : allowlists) write_allowlist(out, allowlist);
}

std::vector<Allowlist> read_allowlists(ByteReader& in) {
    std::vector<Allowlist> allowlists(in.count(8));
    for (Allowlist& allowlist : allowlists) allowlist = read_allowlist(in);
    return allowlists;
}

void write_rule(ByteWriter& out, const SecretRule& rule) {
    out.string(rule.id);
    out.string(rule.description);
    write_optional_regex(out, rule.regex);
    write_optional_regex(out, rule.path);
    out.i32(rule.secret_group);
    out.boolean(rule.min_entropy.has_value());
    if (rule.min_entropy) out.f64(*rule.min_entropy);
    out.strings(rule.keywords);
    out.strings(rule.tags);
    out.u8(static_cast<uint8_t>(rule.level));
    out.strings(rule.examples);
    out.strings(rule.negative_examples);
    out.string(rule.reference);
    out.i32(rule.precedence);
    out.u8(static_cast<uint8_t>(rule.checksum));
    write_allowlists(out, rule.allowlists);
    out.string(rule.origin);
    out.boolean(rule.match_near_keywords);
}

SecretRule read_rule(ByteReader& in) {
    SecretRule rule;
    rule.id = in.string();
    rule.description = in.string();
    rule.regex = read_optional_regex(in);
    rule.path = read_optional_regex(in);
    rule.secret_group = in.i32();
    if (rule.secret_group < 0) throw FormatError("rule '" + rule.id + "' has a negative secret group");
    if (in.boolean()) rule.min_entropy = in.f64();
    rule.keywords = in.strings();
    rule.tags = in.strings();
    rule.level = read_enum(in, Level::error, "level");
    rule.examples = in.strings();
    rule.negative_examples = in.strings();
    rule.reference = in.string();
    rule.precedence = in.i32();
    rule.checksum = read_enum(in, TokenChecksum::crc32_base62, "checksum");
    rule.allowlists = read_allowlists(in);
    rule.origin = in.string();
    rule.match_near_keywords = in.boolean();
    return rule;
}

}  // namespace

std::string write_rule_index(const RuleSet& rules, const ScannerTables& tables) {
    ByteWriter out;
    out.string(index_magic);
    out.u32(static_cast<uint32_t>(rules.rules.size()));
    for (const SecretRule& rule : rules.rules) write_rule(out, rule);
    write_allowlists(out, rules.global_allowlists);
    out.strings(rules.origins);
    write_scanner_tables(out, tables);
    return out.bytes();
}

RuleSet read_rule_index(std::string_view bytes) {
    ByteReader in(bytes);
    if (in.string() != index_magic) throw FormatError("not a rule index of this keylint version");
    RuleSet rules;
    const size_t count = in.count(16);
    rules.rules.reserve(count);
    for (size_t i = 0; i < count; ++i) rules.rules.push_back(read_rule(in));
    rules.global_allowlists = read_allowlists(in);
    rules.origins = in.strings();
    rules.prebuilt_tables = std::make_shared<const ScannerTables>(read_scanner_tables(in, rules.rules.size()));
    if (!in.at_end()) throw FormatError("bytes after the end of the index");
    return rules;
}

}  // namespace keylint
