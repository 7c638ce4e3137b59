#include "policy/cloudformation_extractor.hpp"

#include <map>
#include <set>

#include "policy/raw_policy_extractor.hpp"

namespace keylint {
namespace {

bool is_intrinsic(const Value& value) {
    return value.is_object() && value.members.size() == 1 &&
           (value.members[0].key == "Ref" || value.members[0].key.starts_with("Fn::"));
}

Value unknown_value(const Span& span, std::string text) {
    Value value;
    value.kind = Value::Kind::unknown;
    value.span = span;
    value.scalar = std::move(text);
    return value;
}

Value string_value(const Span& span, std::string text) {
    Value value;
    value.kind = Value::Kind::string;
    value.span = span;
    value.scalar = std::move(text);
    return value;
}

class Resolver {
   public:
    explicit Resolver(const Value& root) {
        if (const Value* parameters = root.find("Parameters"); parameters && parameters->is_object()) {
            for (const Member& parameter : parameters->members) {
                parameters_[parameter.key] = parameter.value.find("Default");
            }
        }
        if (const Value* resources = root.find("Resources"); resources && resources->is_object()) {
            for (const Member& resource : resources->members) resources_.insert(resource.key);
        }
    }

    // A copy of `value` with every intrinsic function replaced by what it resolves to.
    Value resolve(const Value& value, size_t depth = 0) const {
        if (depth > 64) return unknown_value(value.span, "a nesting of intrinsic functions too deep to resolve");
        if (is_intrinsic(value)) return resolve_intrinsic(value.members[0], value.span, depth);
        Value copy;
        copy.kind = value.kind;
        copy.scalar = value.scalar;
        copy.span = value.span;
        for (const Member& member : value.members) {
            copy.members.push_back(Member{member.key, member.key_span, resolve(member.value, depth + 1)});
        }
        for (const Value& item : value.items) copy.items.push_back(resolve(item, depth + 1));
        return copy;
    }

   private:
    Value resolve_intrinsic(const Member& call, const Span& span, size_t depth) const {
        const Value& argument = call.value;
        if (call.key == "Ref" && argument.is_string()) {
            const std::string& name = argument.scalar;
            if (auto parameter = parameters_.find(name); parameter != parameters_.end()) {
                if (parameter->second) {
                    Value resolved = resolve(*parameter->second, depth + 1);
                    resolved.span = span;
                    return resolved;
                }
                return unknown_value(span, "Ref " + name + " (a parameter without a default)");
            }
            if (name.starts_with("AWS::") || resources_.contains(name)) return string_value(span, "${" + name + "}");
            return unknown_value(span, "Ref " + name);
        }
        if (call.key == "Fn::GetAtt") {
            std::string target;
            if (argument.is_string()) target = argument.scalar;
            for (const Value& part : argument.items) target += (target.empty() ? "" : ".") + part.scalar;
            return string_value(span, "${" + target + "}");
        }
        if (call.key == "Fn::Sub") return substitute(argument, span, depth);
        if (call.key == "Fn::ImportValue") {
            const Value name = resolve(argument, depth + 1);
            return unknown_value(span, "Fn::ImportValue " + (name.is_string() ? name.scalar : std::string("(computed)")));
        }
        if (call.key == "Fn::Join" && argument.is_array() && argument.items.size() == 2 &&
            argument.items[0].is_string()) {
            const Value parts = resolve(argument.items[1], depth + 1);
            if (!parts.is_array()) return unknown_value(span, "Fn::Join of a list keylint cannot resolve");
            std::string joined;
            for (size_t i = 0; i < parts.items.size(); ++i) {
                if (!parts.items[i].is_string()) return unknown_value(span, "Fn::Join with a part keylint cannot resolve");
                if (i) joined += argument.items[0].scalar;
                joined += parts.items[i].scalar;
            }
            return string_value(span, joined);
        }
        return unknown_value(span, call.key + " (not resolved by keylint)");
    }

    // Fn::Sub: ${Param} with a default is replaced; ${Resource}, ${A.B} and ${AWS::…} stay as
    // written (specific values). A string that is only an unresolvable ${Param} is unknown.
    Value substitute(const Value& argument, const Span& span, size_t depth) const {
        const Value* body = &argument;
        std::map<std::string, Value> variables;
        if (argument.is_array() && !argument.items.empty()) {
            body = &argument.items[0];
            if (argument.items.size() > 1 && argument.items[1].is_object()) {
                for (const Member& member : argument.items[1].members) {
                    variables[member.key] = resolve(member.value, depth + 1);
                }
            }
        }
        if (!body->is_string()) return unknown_value(span, "Fn::Sub of a value keylint cannot resolve");
        const std::string& text = body->scalar;
        std::string out;
        bool only_unknown = false;
        size_t at = 0;
        while (at < text.size()) {
            const size_t open = text.find("${", at);
            if (open == std::string::npos || text.compare(open, 3, "${!") == 0) {
                out += text.substr(at, open == std::string::npos ? std::string::npos : open + 3 - at);
                if (open == std::string::npos) break;
                at = open + 3;
                continue;
            }
            const size_t close = text.find('}', open);
            if (close == std::string::npos) {
                out += text.substr(at);
                break;
            }
            out += text.substr(at, open - at);
            const std::string name = text.substr(open + 2, close - open - 2);
            const Value* replacement = nullptr;
            Value from_parameter;
            if (auto variable = variables.find(name); variable != variables.end()) {
                replacement = &variable->second;
            } else if (auto parameter = parameters_.find(name); parameter != parameters_.end()) {
                if (parameter->second) {
                    from_parameter = resolve(*parameter->second, depth + 1);
                    replacement = &from_parameter;
                } else if (open == 0 && close + 1 == text.size()) {
                    only_unknown = true;
                }
            }
            if (replacement && replacement->is_string()) out += replacement->scalar;
            else if (replacement && replacement->is_unknown() && open == 0 && close + 1 == text.size()) only_unknown = true;
            else out += text.substr(open, close - open + 1);
            at = close + 1;
        }
        if (only_unknown) return unknown_value(span, "Fn::Sub " + text + " (a parameter without a default)");
        return string_value(span, out);
    }

    std::map<std::string, const Value*> parameters_;  // name → Default (or null)
    std::set<std::string> resources_;
};

struct Source {
    const char* property;
    std::optional<Policy::Kind> kind;
};

}  // namespace

bool looks_like_cloudformation(const Value& root) {
    if (!root.is_object()) return false;
    const Value* resources = root.find("Resources");
    if (!resources || !resources->is_object()) return false;
    for (const Member& resource : resources->members) {
        const Value* type = resource.value.find("Type");
        if (type && type->is_string() && type->scalar.starts_with("AWS::")) return true;
    }
    return false;
}

std::vector<Policy> extract_cloudformation_policies(const Value& root, const std::string& path) {
    std::vector<Policy> policies;
    const Resolver resolver(root);
    const Value* resources = root.find("Resources");
    if (!resources || !resources->is_object()) return policies;
    auto add = [&](const Value& document, const std::string& origin, std::optional<Policy::Kind> kind) {
        auto resolved = std::make_shared<const Value>(resolver.resolve(document));
        if (!looks_like_policy_document(*resolved)) return;
        Policy policy = extract_policy(*resolved, path, origin, kind);
        policy.owned.push_back(std::move(resolved));
        policies.push_back(std::move(policy));
    };
    for (const Member& resource : resources->members) {
        const Value* type_value = resource.value.find("Type");
        const Value* properties = resource.value.find("Properties");
        if (!type_value || !type_value->is_string() || !properties || !properties->is_object()) continue;
        const std::string& type = type_value->scalar;
        const std::string origin = "resource " + resource.key + " (" + type + ")";
        std::vector<Source> sources;
        if (type == "AWS::IAM::Policy" || type == "AWS::IAM::ManagedPolicy") {
            sources = {{"PolicyDocument", Policy::Kind::identity}};
        } else if (type == "AWS::IAM::Role") {
            sources = {{"AssumeRolePolicyDocument", Policy::Kind::trust}};
        } else if (type == "AWS::SecretsManager::ResourcePolicy") {
            sources = {{"ResourcePolicy", Policy::Kind::resource}};
        } else if (type == "AWS::KMS::Key") {
            sources = {{"KeyPolicy", Policy::Kind::resource}};
        } else if (type == "AWS::S3::BucketPolicy") {
            sources = {{"PolicyDocument", Policy::Kind::resource}};
        }
        for (const Source& source : sources) {
            if (const Value* document = properties->find(source.property)) add(*document, origin, source.kind);
        }
        if (type == "AWS::IAM::Role" || type == "AWS::IAM::User" || type == "AWS::IAM::Group") {
            const Value* inline_policies = properties->find("Policies");
            if (!inline_policies || !inline_policies->is_array()) continue;
            for (const Value& item : inline_policies->items) {
                const Value* document = item.find("PolicyDocument");
                if (!document) continue;
                const Value* name = item.find("PolicyName");
                add(*document, origin + " policy " + (name && name->is_string() ? name->scalar : "(unnamed)"),
                    Policy::Kind::identity);
            }
        }
    }
    return policies;
}

}  // namespace keylint
