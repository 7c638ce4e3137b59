#include "policy/terraform_extractor.hpp"

#include <functional>
#include <map>

#include "policy/raw_policy_extractor.hpp"
#include "syntax/json_reader.hpp"

namespace keylint {
namespace {

constexpr std::string_view data_reference = "data.aws_iam_policy_document.";

// Calls `visit(type, name, body)` for every `KIND "type" "name" { body }` block of a file.
void for_each_block(const Value& root, std::string_view kind,
                    const std::function<void(const std::string&, const std::string&, const Value&)>& visit) {
    for (const Member& top : root.members) {
        if (top.key != kind || !top.value.is_object()) continue;
        for (const Member& type : top.value.members) {
            if (!type.value.is_object()) continue;
            for (const Member& name : type.value.members) {
                if (name.value.is_object()) visit(type.key, name.key, name.value);
            }
        }
    }
}

Value make(Value::Kind kind, const Span& span, std::string scalar = {}) {
    Value value;
    value.kind = kind;
    value.span = span;
    value.scalar = std::move(scalar);
    return value;
}

void add(Value& object, std::string key, const Span& key_span, Value value) {
    object.members.push_back(Member{std::move(key), key_span, std::move(value)});
}

// principals { type = "AWS", identifiers = [...] } blocks → {"AWS": [...], …}
Value principal_object(const Value& statement, std::string_view block_name) {
    Value object = make(Value::Kind::object, statement.span);
    for (const Member& member : statement.members) {
        if (member.key != block_name || !member.value.is_object()) continue;
        const Value* type = member.value.find("type");
        const Value* identifiers = member.value.find("identifiers");
        if (!type || !identifiers) continue;
        object.span = member.value.span;
        add(object, type->scalar, type->span, *identifiers);
    }
    return object;
}

// A data "aws_iam_policy_document" body → a policy document in IAM JSON's shape.
Value policy_document_of(const Value& body) {
    Value document = make(Value::Kind::object, body.span);
    if (const Member* version = body.find_member("version")) add(document, "Version", version->key_span, version->value);
    Value statements = make(Value::Kind::array, body.span);
    for (const Member& member : body.members) {
        if (member.key != "statement" || !member.value.is_object()) continue;
        const Value& block = member.value;
        Value statement = make(Value::Kind::object, block.span);
        static const std::pair<const char*, const char*> renames[] = {
            {"sid", "Sid"}, {"effect", "Effect"}, {"actions", "Action"}, {"not_actions", "NotAction"},
            {"resources", "Resource"}, {"not_resources", "NotResource"}};
        for (const auto& [from, to] : renames) {
            if (const Member* found = block.find_member(from)) add(statement, to, found->key_span, found->value);
        }
        if (!statement.find("Effect")) add(statement, "Effect", member.key_span, make(Value::Kind::string, member.key_span, "Allow"));
        if (block.find("principals")) add(statement, "Principal", block.span, principal_object(block, "principals"));
        if (block.find("not_principals")) add(statement, "NotPrincipal", block.span, principal_object(block, "not_principals"));
        Value conditions = make(Value::Kind::object, block.span);
        for (const Member& condition : block.members) {
            if (condition.key != "condition" || !condition.value.is_object()) continue;
            const Value* test = condition.value.find("test");
            const Value* variable = condition.value.find("variable");
            const Value* values = condition.value.find("values");
            if (!test || !variable || !values) continue;
            Value inner = make(Value::Kind::object, condition.value.span);
            add(inner, variable->scalar, variable->span, *values);
            add(conditions, test->scalar, test->span, std::move(inner));
        }
        if (!conditions.members.empty()) add(statement, "Condition", block.span, std::move(conditions));
        statements.items.push_back(std::move(statement));
    }
    add(document, "Statement", body.span, std::move(statements));
    return document;
}

void respan(Value& value, const Span& span) {
    value.span = span;
    for (Member& member : value.members) {
        member.key_span = span;
        respan(member.value, span);
    }
    for (Value& item : value.items) respan(item, span);
}

// A JSON policy written as a string. A heredoc is parsed in place (the file with everything but
// its body blanked), so spans are exact; a quoted string's values all get the string's span.
std::optional<Value> parse_json_string(const Value& value, const SourceText& text, std::string& error) {
    const size_t start = text.line_start_offset(value.span.start_line);
    const bool heredoc = text.bytes().substr(start).find("<<") < text.line_text(value.span.start_line).size() &&
                         value.span.end_line > value.span.start_line + 1;
    if (heredoc) {
        const size_t body_begin = text.line_start_offset(value.span.start_line + 1);
        const size_t body_end = text.line_start_offset(value.span.end_line);
        std::string bytes(text.bytes());
        for (size_t i = 0; i < bytes.size(); ++i) {
            if ((i < body_begin || i >= body_end) && bytes[i] != '\n') bytes[i] = ' ';
        }
        ParseResult parsed = read_json(SourceText(text.path(), std::move(bytes)));
        error = parsed.error;
        return std::move(parsed.root);
    }
    ParseResult parsed = read_json(SourceText(text.path(), value.scalar));
    error = parsed.error;
    if (parsed.root) respan(*parsed.root, value.span);
    return std::move(parsed.root);
}

struct Reference {
    Policy::Kind kind;
};

}  // namespace

TerraformExtraction extract_terraform_policies(const std::vector<TerraformFile>& files) {
    TerraformExtraction result;
    std::map<std::string, Policy::Kind> referenced;  // data source name → kind of its first user

    auto take = [&](const TerraformFile& file, const Value& value, const std::string& origin, Policy::Kind kind) {
        if (value.is_object()) {
            if (looks_like_policy_document(value)) {
                result.policies.push_back(extract_policy(value, file.text->path(), origin, kind));
            }
        } else if (value.is_string()) {
            std::string error;
            std::optional<Value> parsed = parse_json_string(value, *file.text, error);
            if (!parsed) {
                result.diagnostics.push_back({Diagnostic::Kind::warning, file.text->path(),
                                              origin + ": the policy is not valid JSON (" + error + ")"});
                return;
            }
            auto owned = std::make_shared<const Value>(std::move(*parsed));
            if (!looks_like_policy_document(*owned)) return;
            Policy policy = extract_policy(*owned, file.text->path(), origin, kind);
            policy.owned.push_back(std::move(owned));
            result.policies.push_back(std::move(policy));
        } else if (value.is_unknown() && value.scalar.starts_with(data_reference)) {
            const std::string rest = value.scalar.substr(data_reference.size());
            const size_t dot = rest.find('.');
            referenced.emplace(rest.substr(0, dot), kind);
        }
    };

    for (const TerraformFile& file : files) {
        for_each_block(*file.root, "resource", [&](const std::string& type, const std::string& name, const Value& body) {
            const std::string origin = type + "." + name;
            std::optional<Policy::Kind> kind;
            if (type == "aws_iam_policy" || type == "aws_iam_role_policy" || type == "aws_iam_user_policy" ||
                type == "aws_iam_group_policy") {
                kind = Policy::Kind::identity;
            } else if (type == "aws_secretsmanager_secret_policy" || type == "aws_kms_key" ||
                       type == "aws_s3_bucket_policy") {
                kind = Policy::Kind::resource;
            }
            if (kind) {
                if (const Value* policy = body.find("policy")) take(file, *policy, origin, *kind);
            }
            if (type == "aws_iam_role") {
                if (const Value* trust = body.find("assume_role_policy")) {
                    take(file, *trust, origin + " assume_role_policy", Policy::Kind::trust);
                }
                for (const Member& member : body.members) {
                    if (member.key != "inline_policy" || !member.value.is_object()) continue;
                    if (const Value* policy = member.value.find("policy")) {
                        take(file, *policy, origin + " inline_policy", Policy::Kind::identity);
                    }
                }
            }
        });
    }
    for (const TerraformFile& file : files) {
        for_each_block(*file.root, "data", [&](const std::string& type, const std::string& name, const Value& body) {
            if (type != "aws_iam_policy_document") return;
            auto document = std::make_shared<const Value>(policy_document_of(body));
            const auto reference = referenced.find(name);
            Policy policy = extract_policy(*document, file.text->path(), "data.aws_iam_policy_document." + name,
                                           reference == referenced.end() ? std::nullopt
                                                                          : std::optional(reference->second));
            policy.owned.push_back(std::move(document));
            result.policies.push_back(std::move(policy));
        });
    }
    return result;
}

}  // namespace keylint
