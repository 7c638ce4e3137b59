// See syntax_extractor.hpp.
#include "credentials/syntax_extractor.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "credentials/credential_name.hpp"
#include "credentials/language_shapes.hpp"
#include "syntax/tree_sitter_parser.hpp"

namespace keylint {
namespace {

constexpr size_t max_name_bytes = 256;
constexpr uint32_t max_siblings = 16;
// Lists of keys are short; a long list under a credential name is data, read only in part.
constexpr uint32_t max_list_items = 64;

bool listed(const std::vector<std::string_view>& types, std::string_view type) {
    return std::find(types.begin(), types.end(), type) != types.end();
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string lower_alnum(std::string_view text) {
    std::string out;
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
        else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    }
    return out;
}

struct Range {
    size_t begin = 0, end = 0;
};

class Extractor {
   public:
    Extractor(const LanguageShapes& shapes, const SourceText& text)
        : shapes_(shapes), text_(text), may_hold_ciphertext_(mentions_ciphertext(text.bytes())) {}

    void run(TSNode root, std::vector<NamedValue>& out) {
        out_ = &out;
        TSTreeCursor cursor = ts_tree_cursor_new(root);
        bool more = true;
        while (more) {
            visit(ts_tree_cursor_current_node(&cursor));
            if (ts_tree_cursor_goto_first_child(&cursor)) continue;
            while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
                if (!ts_tree_cursor_goto_parent(&cursor)) {
                    more = false;
                    break;
                }
            }
        }
        ts_tree_cursor_delete(&cursor);
    }

   private:
    std::string_view type_of(TSNode node) const { return ts_node_type(node); }
    std::string_view text_of(TSNode node) const { return node_text(node, text_); }

    void visit(TSNode node) {
        if (!ts_node_is_named(node)) return;
        const std::string_view type = type_of(node);
        if (shapes_.xml) {
            if (type == "element") visit_xml_element(node);
            return;
        }
        for (const PairShape& shape : shapes_.pairs) {
            if (shape.type == type) visit_pair(node, shape);
        }
        for (const CallShape& shape : shapes_.calls) {
            if (shape.type == type) visit_call(node, shape);
        }
        if (listed(shapes_.fallbacks, type)) visit_fallback(node);
    }

    TSNode field_or_child(TSNode node, std::string_view field, bool first) const {
        if (!field.empty()) return ts_node_child_by_field_name(node, field.data(), static_cast<uint32_t>(field.size()));
        const uint32_t count = ts_node_named_child_count(node);
        if (count < 2) return TSNode{};
        return ts_node_named_child(node, first ? 0 : count - 1);
    }

    // Looks through wrappers (`expression_list`, YAML `flow_node`, HCL `expression`, …) to the
    // node that holds the value; a YAML tag or alias makes the value unknown (null node).
    TSNode unwrap(TSNode node) const {
        for (int depth = 0; depth < 8 && !ts_node_is_null(node); ++depth) {
            const std::string_view type = type_of(node);
            if (!listed(shapes_.wrappers, type)) return node;
            TSNode inner{};
            const uint32_t count = ts_node_named_child_count(node);
            for (uint32_t i = 0; i < count; ++i) {
                TSNode child = ts_node_named_child(node, i);
                const std::string_view child_type = type_of(child);
                if (child_type == "tag" || child_type == "alias") return TSNode{};
                if (child_type == "anchor" || child_type == "comment") continue;
                inner = child;
                break;
            }
            node = inner;
        }
        return node;
    }

    bool is_literal(TSNode node) const {
        if (ts_node_is_null(node) || !listed(shapes_.strings, type_of(node))) return false;
        const uint32_t count = ts_node_named_child_count(node);
        for (uint32_t i = 0; i < count; ++i) {
            if (listed(shapes_.interpolations, type_of(ts_node_named_child(node, i)))) return false;
        }
        return true;
    }

    // The literal's text without prefixes (r, b, f, u, @, $) and its quotes.
    Range literal_content(TSNode node) const {
        size_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
        const std::string_view bytes = text_.bytes();
        while (begin < end && (std::string_view("rRbBfFuU@$").find(bytes[begin]) != std::string_view::npos) &&
               begin + 1 < end && std::string_view("\"'`@rRbB").find(bytes[begin + 1]) != std::string_view::npos) {
            ++begin;
        }
        if (begin < end && (bytes[begin] == '"' || bytes[begin] == '\'' || bytes[begin] == '`')) {
            const char quote = bytes[begin];
            size_t run = 0;
            while (begin + run < end && bytes[begin + run] == quote && run < 3) ++run;
            if (run == 2 && end - begin == 2) return Range{begin + 1, begin + 1};  // ""
            if (run != 3) run = 1;
            if (end - begin >= 2 * run) {
                begin += run;
                size_t closing = 0;
                while (closing < run && end > begin && bytes[end - 1] == quote) {
                    --end;
                    ++closing;
                }
            }
        }
        return Range{begin, end};
    }

    // What a name node names: a string key's content, or the last identifier of an expression
    // (`self.db_password` → db_password, `os.environ["TOKEN"]` → TOKEN, `$secret` → secret).
    std::string name_of(TSNode node) const {
        node = unwrap(node);
        if (ts_node_is_null(node)) return {};
        if (type_of(node) == "expression_list" || type_of(node) == "pattern_list") node = ts_node_named_child(node, 0);
        if (is_literal(node)) {
            const Range content = literal_content(node);
            return std::string(text_.bytes().substr(content.begin, std::min(content.end - content.begin, max_name_bytes)));
        }
        std::string_view whole = text_of(node);
        if (whole.size() > max_name_bytes) whole = whole.substr(whole.size() - max_name_bytes);
        size_t end = whole.size();
        while (end > 0 && !is_name_char(whole[end - 1])) --end;
        size_t begin = end;
        while (begin > 0 && is_name_char(whole[begin - 1])) --begin;
        return std::string(whole.substr(begin, end - begin));
    }

    void emit(std::string name, TSNode value_node) {
        if (name.empty() || !is_literal(value_node)) return;
        const Range content = literal_content(value_node);
        out_->push_back(NamedValue{std::move(name),
                                   std::string(text_.bytes().substr(content.begin, content.end - content.begin)),
                                   content.begin, content.end, {}, false});
    }

    // `{"name": "DB_PASSWORD", "value": "…"}`, `- ParameterKey: X / ParameterValue: …`: the name of a
    // generic "value" member is the sibling member that names it.
    std::string sibling_name(TSNode pair, const PairShape& shape) const {
        TSNode parent = ts_node_parent(pair);
        if (ts_node_is_null(parent)) return {};
        // Name/value objects are small; looking at a few members keeps a hostile mapping with
        // thousands of `value` keys linear.
        const uint32_t count = std::min<uint32_t>(ts_node_named_child_count(parent), max_siblings);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode sibling = ts_node_named_child(parent, i);
            if (type_of(sibling) != shape.type || ts_node_eq(sibling, pair)) continue;
            const std::string key = lower_alnum(name_of(field_or_child(sibling, shape.name_field, true)));
            if (key != "name" && key != "key" && key != "parameterkey" && key != "optionname" && key != "variable") continue;
            TSNode value = unwrap(field_or_child(sibling, shape.value_field, false));
            if (!is_literal(value)) continue;
            const Range content = literal_content(value);
            return std::string(text_.bytes().substr(content.begin, std::min(content.end - content.begin, max_name_bytes)));
        }
        return {};
    }

    // Terraform `variable "db_password" { default = "…" }`: the block's label names the default.
    std::string block_label(TSNode attribute) const {
        TSNode body = ts_node_parent(attribute);
        TSNode block = ts_node_is_null(body) ? body : ts_node_parent(body);
        if (ts_node_is_null(block) || type_of(block) != "block") return {};
        if (text_of(ts_node_named_child(block, 0)) != "variable") return {};
        TSNode label = ts_node_named_child(block, 1);
        if (ts_node_is_null(label) || !is_literal(label)) return {};
        const Range content = literal_content(label);
        return std::string(text_.bytes().substr(content.begin, content.end - content.begin));
    }

    // `"Jwt": {"Key": "…"}`, `[jwt] key = "…"`: a bare `key` is named with its parent's key.
    std::string parent_key(TSNode pair) const {
        TSNode node = ts_node_parent(pair);
        for (int depth = 0; depth < 4 && !ts_node_is_null(node); ++depth, node = ts_node_parent(node)) {
            const std::string_view type = type_of(node);
            if (type == "table") return name_of(ts_node_named_child(node, 0));
            for (const PairShape& shape : shapes_.pairs) {
                if (shape.type == type) return name_of(field_or_child(node, shape.name_field, true));
            }
        }
        return {};
    }

    static bool looks_like_host(std::string_view name) {
        if (name.find('.') == std::string_view::npos || name.size() > 253) return false;
        return std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
        });
    }

    void visit_pair(TSNode node, const PairShape& shape) {
        TSNode name_node = field_or_child(node, shape.name_field, true);
        TSNode value_node = field_or_child(node, shape.value_field, false);
        if (ts_node_is_null(name_node) || ts_node_is_null(value_node) || ts_node_eq(name_node, value_node)) return;
        std::string name = name_of(name_node);
        const std::string key = lower_alnum(name);
        if (key == "key" && shapes_.nested_settings) {
            const std::string parent = parent_key(node);
            if (!parent.empty()) name = parent + "." + name;
        } else if (key == "value" || key == "parametervalue") {
            std::string named = sibling_name(node, shape);
            if (!named.empty()) name = std::move(named);
        } else if (key == "default" && type_of(node) == "attribute") {
            std::string label = block_label(node);
            if (!label.empty()) name = std::move(label);
        } else if (shapes_.nested_settings && looks_like_host(name)) {
            // Composer's auth.json `"bearer": {"repo.example.net": "…"}`, `"gitlab-token": {host: …}`:
            // a host-keyed map under a credential name; the map's name names the value.
            std::string parent = parent_key(node);
            if (classify_credential_name(parent).kind != CredentialKind::none) name = std::move(parent);
        }
        if (inside_ciphertext(node)) return;
        TSNode value = unwrap(value_node);
        if (emit_list(name, value)) return;
        if (TSNode expansion = sole_expansion(value); !ts_node_is_null(expansion)) {
            emit_raw(std::move(name), expansion);
            return;
        }
        emit(std::move(name), value);
    }

    // A pair inside a mapping whose key says it holds ciphertext: a SealedSecret's `encryptedData`,
    // SOPS-style `encrypted:` sections.
    bool inside_ciphertext(TSNode pair) const {
        if (!may_hold_ciphertext_) return false;  // walking up is slow in tree-sitter; most files need not
        TSNode node = ts_node_parent(pair);
        for (int depth = 0; depth < 6 && !ts_node_is_null(node); ++depth, node = ts_node_parent(node)) {
            const std::string_view type = type_of(node);
            for (const PairShape& shape : shapes_.pairs) {
                if (shape.type == type) return names_ciphertext(name_of(field_or_child(node, shape.name_field, true)));
            }
        }
        return false;
    }

    // `SECRET_KEY_FALLBACKS = ["…", "…"]`, `api_keys: [ … ]`, a YAML sequence under `passwords:`:
    // each literal item of a list is named by the list. False when the value is no list.
    bool emit_list(const std::string& name, TSNode value) {
        if (ts_node_is_null(value)) return false;
        if (type_of(value) == "block_node" && ts_node_named_child_count(value) > 0) {
            value = ts_node_named_child(value, ts_node_named_child_count(value) - 1);
        }
        static const std::vector<std::string_view> list_types = {"list", "tuple", "array", "set", "flow_sequence",
                                                                 "block_sequence"};
        if (!listed(list_types, type_of(value))) return false;
        const uint32_t count = std::min<uint32_t>(ts_node_named_child_count(value), max_list_items);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode item = ts_node_named_child(value, i);
            if (type_of(item) == "block_sequence_item" && ts_node_named_child_count(item) == 1) {
                item = ts_node_named_child(item, 0);
            }
            item = unwrap(item);
            if (is_literal(item)) emit(name, item);
        }
        return true;
    }

    // Shell `${DB_PASSWORD:-…}` or `"${DB_PASSWORD:-…}"`: a parameter expansion alone, whose
    // default the detector judges (expansion_default).
    TSNode sole_expansion(TSNode value) const {
        if (ts_node_is_null(value)) return value;
        if (type_of(value) == "expansion") return value;
        if (type_of(value) != "string" || ts_node_named_child_count(value) != 1) return TSNode{};
        TSNode inner = ts_node_named_child(value, 0);
        if (type_of(inner) != "expansion" || ts_node_end_byte(value) - ts_node_start_byte(value) !=
                                                  ts_node_end_byte(inner) - ts_node_start_byte(inner) + 2) {
            return TSNode{};
        }
        return inner;
    }

    void emit_raw(std::string name, TSNode node) {
        if (name.empty()) return;
        out_->push_back(NamedValue{std::move(name), std::string(text_of(node)), ts_node_start_byte(node),
                                   ts_node_end_byte(node), {}, false});
    }

    // `process.env.DB_PASSWORD || "…"`, `os.environ.get("SECRET_KEY") or "…"`, `getenv('DB_PASS') ?: '…'`,
    // `Environment.GetEnvironmentVariable("TOKEN") ?? "…"`: the literal that a lookup falls back to
    // is named by what the lookup reads.
    void visit_fallback(TSNode node) {
        const uint32_t count = ts_node_named_child_count(node);
        if (count < 2) return;
        TSNode left = ts_node_named_child(node, 0);
        TSNode right_node = ts_node_named_child(node, count - 1);
        TSNode right = unwrap(right_node);
        const size_t gap_begin = ts_node_end_byte(left), gap_end = ts_node_start_byte(right_node);
        if (gap_end <= gap_begin) return;
        std::string_view gap = text_.bytes().substr(gap_begin, gap_end - gap_begin);
        while (!gap.empty() && std::isspace(static_cast<unsigned char>(gap.front()))) gap.remove_prefix(1);
        while (!gap.empty() && std::isspace(static_cast<unsigned char>(gap.back()))) gap.remove_suffix(1);
        if (gap == "||" || gap == "??" || gap == "or" || gap == "?:") {
            if (is_literal(right) && !is_literal(unwrap(left))) emit(name_of(left), right);
            return;
        }
        // `password == "…"`, `"…" === token`: a hardcoded check of a credential.
        if (gap == "==" || gap == "===" || gap == "!=" || gap == "!==") emit_compared(left, right_node);
    }

    // Of two compared expressions, the literal, named by the other one.
    void emit_compared(TSNode a, TSNode b) {
        a = unwrap(a);
        b = unwrap(b);
        if (ts_node_is_null(a) || ts_node_is_null(b) || is_literal(a) == is_literal(b)) return;
        if (is_literal(a)) std::swap(a, b);
        emit(name_of(a), b);
    }

    // The child in `field`, or else the first named child whose type is that word (PHP's
    // `new PDO(…)` has a `name` and an `arguments` child without fields).
    TSNode field_or_typed_child(TSNode node, std::string_view field) const {
        TSNode child = ts_node_child_by_field_name(node, field.data(), static_cast<uint32_t>(field.size()));
        if (!ts_node_is_null(child)) return child;
        const uint32_t count = ts_node_named_child_count(node);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode candidate = ts_node_named_child(node, i);
            if (type_of(candidate) == field) return candidate;
        }
        return child;
    }

    std::vector<TSNode> arguments_of(TSNode arguments) const {
        std::vector<TSNode> nodes;
        const uint32_t count = ts_node_named_child_count(arguments);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode argument = unwrap(ts_node_named_child(arguments, i));
            if (ts_node_is_null(argument) || type_of(argument) == "comment") continue;
            nodes.push_back(argument);
        }
        return nodes;
    }

    std::string literal_text(TSNode literal) const {
        const Range content = literal_content(literal);
        return std::string(text_.bytes().substr(content.begin, std::min(content.end - content.begin, max_name_bytes)));
    }

    // `os.environ.get`, `getenv_docker`, `env.str`, `ENV.fetch`, `System.getProperty`, `config`,
    // `getOrDefault`: a call that looks a setting up by name and may be given a default.
    bool names_lookup(TSNode function, const std::string& folded) const {
        static const std::vector<std::string_view> lookups = {
            "get",        "fetch",    "env",        "config",     "getenv",     "getordefault", "getproperty",
            "getstring",  "getvalue", "lookup",     "getsetting", "getconfig",  "setting",      "option",
            "getoption",  "environ",  "getvariable", "read",      "value",      "getparam",     "param"};
        if (listed(lookups, folded)) return true;
        const std::string whole = lower_alnum(text_of(function).substr(0, max_name_bytes));
        return whole.find("env") != std::string::npos || whole.find("config") != std::string::npos ||
               whole.find("setting") != std::string::npos;
    }

    static bool names_comparison(const std::string& folded) {
        static const std::vector<std::string_view> comparisons = {
            "securecompare", "comparedigest", "constanttimecompare", "timingsafeequal", "hashequals",
            "equals",        "isequal",       "fixedlengthsecurecompare", "constanttimeeq", "constanttimeequals"};
        return listed(comparisons, folded);
    }

    // A lookup's default: its second argument, or a `default=` / `fallback=` keyword argument.
    TSNode lookup_default(const std::vector<TSNode>& args) const {
        if (is_literal(args[1])) return args[1];
        for (size_t i = 1; i < args.size(); ++i) {
            if (type_of(args[i]) != "keyword_argument") continue;
            const std::string keyword = lower_alnum(name_of(ts_node_child_by_field_name(args[i], "name", 4)));
            if (keyword != "default" && keyword != "fallback") continue;
            TSNode value = unwrap(ts_node_child_by_field_name(args[i], "value", 5));
            if (is_literal(value)) return value;
        }
        return TSNode{};
    }

    // `define('DB_PASSWORD', '…')`, `os.Setenv("TOKEN", "…")`, `env.put(Context.SECURITY_CREDENTIALS, "…")`:
    // a name and a value. `setPassword("…")`, `withApiKey("…")`: the setter names the value.
    // `new NetworkCredential("user", "…")`, `HTTPBasicAuth("user", "…")`: a credential type built
    // from a user name and a password. `login(user, "…")`: a login call's password argument.
    void visit_call(TSNode node, const CallShape& shape) {
        TSNode function = field_or_typed_child(node, shape.function_field);
        TSNode arguments = field_or_typed_child(node, shape.arguments_field);
        if (ts_node_is_null(function) || ts_node_is_null(arguments)) return;
        const std::string function_name = name_of(function);
        const std::string folded = lower_alnum(function_name);
        const std::vector<TSNode> args = arguments_of(arguments);
        if (args.size() == 2 && is_literal(args[1]) &&
            (folded == "define" || folded == "setenv" || folded == "putenv" || folded == "setdefault" ||
             folded == "setproperty" || folded == "put" || folded == "set" || folded == "setenvironmentvariable" ||
             folded == "setvalue")) {
            emit(is_literal(args[0]) ? literal_text(args[0]) : name_of(args[0]), args[1]);
            return;
        }
        if (names_comparison(folded)) {
            // `secure_compare(password, "…")`, `hmac.compare_digest(token, "…")`, `password.equals("…")`.
            if (args.size() == 2) emit_compared(args[0], args[1]);
            if (args.size() == 1 && is_literal(args[0])) {
                TSNode receiver = ts_node_child_by_field_name(node, "object", 6);
                if (!ts_node_is_null(receiver)) emit(name_of(receiver), args[0]);
            }
            return;
        }
        if (args.size() >= 2 && is_literal(args[0]) && names_lookup(function, folded)) {
            TSNode fallback = lookup_default(args);
            if (!ts_node_is_null(fallback)) {
                emit(literal_text(args[0]), fallback);
                return;
            }
        }
        if (args.size() == 1 && is_literal(args[0]) && folded.size() > 3 &&
            (folded.starts_with("set") || folded.starts_with("with"))) {
            const size_t verb = folded.starts_with("with") ? 4 : 3;
            emit(function_name.substr(verb), args[0]);
            return;
        }
        if (args.size() >= 2 && is_literal(args[1]) && names_credential_builder(function_name)) {
            emit(function_name + "(user, password)", args[1]);
            return;
        }
        // `server.login("ann", "…")`, `DriverManager.getConnection(url, "app", "…")`, `new PDO($dsn, $u, "…")`.
        const int position = login_password_position(function_name);
        if (position > 0 && static_cast<size_t>(position) < args.size() && is_literal(args[position])) {
            emit(function_name + (position == 1 ? "(user, password)" : "(address, user, password)"), args[position]);
        }
    }

    std::string attribute_value(TSNode tag, std::string_view wanted) const {
        const uint32_t count = ts_node_named_child_count(tag);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode attribute = ts_node_named_child(tag, i);
            if (type_of(attribute) != "Attribute") continue;
            if (lower_alnum(text_of(ts_node_named_child(attribute, 0))) != wanted) continue;
            TSNode value = ts_node_named_child(attribute, 1);
            if (ts_node_is_null(value)) return {};
            const Range content = literal_content(value);
            return std::string(text_.bytes().substr(content.begin, std::min(content.end - content.begin, max_name_bytes)));
        }
        return {};
    }

    // The trimmed text of a `content` node that is one CharData, or an empty range.
    std::pair<size_t, size_t> char_data_of(TSNode content) const {
        if (ts_node_named_child_count(content) != 1) return {0, 0};
        TSNode data = ts_node_named_child(content, 0);
        if (type_of(data) != "CharData") return {0, 0};
        size_t begin = ts_node_start_byte(data), end = ts_node_end_byte(data);
        const std::string_view bytes = text_.bytes();
        while (begin < end && std::isspace(static_cast<unsigned char>(bytes[begin]))) ++begin;
        while (end > begin && std::isspace(static_cast<unsigned char>(bytes[end - 1]))) --end;
        return {begin, end};
    }

    // A property list's `<key>Password</key><string>…</string>` (Cyberduck bookmarks, macOS
    // preferences): the string is named by the key element before it.
    void visit_plist_dict(TSNode content) {
        std::string pending_key;
        const uint32_t count = ts_node_named_child_count(content);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(content, i);
            if (type_of(child) != "element") continue;
            TSNode tag = ts_node_named_child(child, 0);
            TSNode inner = ts_node_named_child(child, 1);
            if (ts_node_is_null(tag) || ts_node_is_null(inner) || type_of(inner) != "content") {
                pending_key.clear();
                continue;
            }
            const std::string_view name = text_of(ts_node_named_child(tag, 0));
            const auto [begin, end] = char_data_of(inner);
            if (name == "key") {
                pending_key = std::string(text_.bytes().substr(begin, std::min(end - begin, max_name_bytes)));
            } else {
                if (!pending_key.empty() && begin != end && name == "string") {
                    out_->push_back(NamedValue{pending_key, std::string(text_.bytes().substr(begin, end - begin)), begin,
                                               end, {}, false});
                }
                pending_key.clear();
            }
        }
    }

    // `<password>…</password>`, `<entry key="password">…</entry>`, `<Resource password="…"/>`,
    // `<add key="Password" value="…"/>`.
    void visit_xml_element(TSNode element) {
        TSNode tag = ts_node_named_child(element, 0);
        if (ts_node_is_null(tag)) return;
        std::string tag_name(text_of(ts_node_named_child(tag, 0)));
        std::string named_by = attribute_value(tag, "key");
        if (named_by.empty()) named_by = attribute_value(tag, "name");
        const uint32_t count = ts_node_named_child_count(tag);
        for (uint32_t i = 0; i < count; ++i) {
            TSNode attribute = ts_node_named_child(tag, i);
            if (type_of(attribute) != "Attribute") continue;
            std::string name(text_of(ts_node_named_child(attribute, 0)));
            const std::string key = lower_alnum(name);
            if (key == "key" || key == "name") continue;
            if (key == "value" && !named_by.empty()) name = named_by;
            emit(std::move(name), ts_node_named_child(attribute, 1));
        }
        if (type_of(tag) != "STag") return;
        TSNode content = ts_node_named_child(element, 1);
        if (ts_node_is_null(content) || type_of(content) != "content") return;
        if (tag_name == "dict") visit_plist_dict(content);
        if (ts_node_named_child_count(content) != 1) return;
        const auto [begin, end] = char_data_of(content);
        if (begin == end) return;
        const std::string_view bytes = text_.bytes();
        const std::string encoding = lower_alnum(attribute_value(tag, "encoding"));
        // FileZilla's `<Pass encoding="crypt">`: encrypted with the user's master password.
        if (encoding == "crypt") return;
        const bool base64 = encoding == "base64";
        out_->push_back(NamedValue{named_by.empty() ? tag_name : named_by, std::string(bytes.substr(begin, end - begin)),
                                   begin, end, {}, base64});
    }

    // Whether any name in the text could say "encrypted" (names_ciphertext): a quick scan of the bytes.
    static bool mentions_ciphertext(std::string_view bytes) {
        const auto same_letter = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; };
        for (std::string_view word : {"encrypted", "sealed", "ciphertext", "wrapped"}) {
            if (std::search(bytes.begin(), bytes.end(), word.begin(), word.end(), same_letter) != bytes.end()) return true;
        }
        return false;
    }

    const LanguageShapes& shapes_;
    const SourceText& text_;
    const bool may_hold_ciphertext_;
    std::vector<NamedValue>* out_ = nullptr;
};

}  // namespace

bool has_syntax_reader(FileFormat format) { return language_shapes(format) != nullptr; }

SyntaxExtraction extract_literal_assignments(FileFormat format, const SourceText& text) {
    SyntaxExtraction extraction;
    const LanguageShapes* shapes = language_shapes(format);
    if (shapes == nullptr) return extraction;
    TreePtr tree = parse_source(shapes->language, text);
    if (!tree) return extraction;
    extraction.parsed = true;
    Extractor(*shapes, text).run(ts_tree_root_node(tree.get()), extraction.values);
    return extraction;
}

}  // namespace keylint
