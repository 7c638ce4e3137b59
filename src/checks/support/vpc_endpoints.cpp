#include "checks/support/vpc_endpoints.hpp"

#include <algorithm>
#include <cctype>

#include "core/ascii_case.hpp"
#include "infra/references.hpp"

namespace keylint {
namespace {

// "us-east-1", "us-gov-west-1", "cn-northwest-1", "ap-southeast-4".
bool is_region_literal(std::string_view text) {
    size_t letters = 0;
    while (letters < text.size() && std::islower(static_cast<unsigned char>(text[letters]))) ++letters;
    if (letters != 2) return false;
    const size_t last_dash = text.rfind('-');
    if (last_dash == std::string_view::npos || last_dash == 2 || last_dash + 1 == text.size()) return false;
    for (size_t i = last_dash + 1; i < text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    for (size_t i = 2; i < last_dash; ++i) {
        const char c = text[i];
        if (c != '-' && !std::islower(static_cast<unsigned char>(c))) return false;
        if (c == '-' && text[i - 1] == '-') return false;
    }
    return text[2] == '-';
}

// The region part: a literal region, one interpolation ("${AWS::Region}", "${var.region}") or
// a format verb ("%s").
bool is_region_part(std::string_view text) {
    if (text == "%s" || is_region_literal(text)) return true;
    return text.size() > 3 && text.starts_with("${") && text.ends_with("}") &&
           text.find_first_of("${}", 2) == text.size() - 1;
}

// The string argument of `format("…", …)`, else the text without surrounding quotes.
std::string_view unwrapped(std::string_view text) {
    if (text.starts_with("format(")) {
        const size_t open = text.find('"');
        const size_t close = open == std::string_view::npos ? open : text.find('"', open + 1);
        if (close == std::string_view::npos) return {};
        return text.substr(open + 1, close - open - 1);
    }
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return text.substr(1, text.size() - 2);
    return text;
}

// The resolved type; absent is the documented default, Gateway.
std::string endpoint_type(const StackReader& reader, const StackResource& resource) {
    const Value* written = reader.property(resource, "VpcEndpointType");
    if (!written) return "Gateway";
    const Value type = reader.resolve(*written);
    return type.is_string() ? type.scalar : std::string();
}

enum class Naming { no, yes, maybe };

void collection_strings(const Value& value, std::vector<std::string>& out) {
    if (value.is_string()) out.push_back(value.scalar);
    for (const Value& item : value.items) collection_strings(item, out);
    for (const Member& member : value.members) {
        out.push_back(member.key);
        collection_strings(member.value, out);
    }
}

// A service name built from `each.value`, `each.key` or `count.index`: does the collection name
// Secrets Manager?
Naming per_item_service(const StackReader& reader, const StackResource& resource) {
    const Value* collection = resource.property("for_each");
    if (!collection) collection = resource.property("count");
    if (!collection) return Naming::no;
    const Value resolved = reader.resolve(*collection);
    std::vector<std::string> names;
    collection_strings(resolved, names);
    if (resolved.is_unknown()) {
        // `toset(["secretsmanager", "ssm"])`: a call over a literal list, read from its source text.
        if (resolved.scalar.find("\"secretsmanager\"") != std::string::npos) return Naming::yes;
        return resolved.scalar.find('"') != std::string::npos ? Naming::no : Naming::maybe;
    }
    for (const std::string& name : names) {
        if (ascii_lowered(name) == "secretsmanager" || names_secrets_manager_service(name)) return Naming::yes;
    }
    return Naming::no;
}

Naming names_secrets_manager(const StackReader& reader, const StackResource& resource) {
    const Value* written = reader.property(resource, "ServiceName");
    if (!written) return Naming::no;
    const Value name = reader.resolve(*written);
    if (names_secrets_manager_service(name.scalar)) return Naming::yes;
    if (reader.terraform() && (name.scalar.find("each.") != std::string::npos ||
                               name.scalar.find("count.index") != std::string::npos)) {
        return per_item_service(reader, resource);
    }
    // data "aws_vpc_endpoint_service" "sm" { service = "secretsmanager" } … .service_name
    const StackResource* lookup = referenced_resource(reader.stack(), name);
    if (!lookup || lookup->type != "aws_vpc_endpoint_service" || !lookup->body) return Naming::no;
    if (const Value* service = lookup->property("service")) {
        const Value resolved = reader.resolve(*service);
        if (resolved.is_string() && ascii_lowered(resolved.scalar) == "secretsmanager") return Naming::yes;
    }
    if (const Value* service_name = lookup->property("service_name")) {
        if (names_secrets_manager_service(reader.resolve(*service_name).scalar)) return Naming::yes;
    }
    return Naming::no;
}

}  // namespace

bool names_secrets_manager_service(std::string_view service_name) {
    const std::string text = ascii_lowered(unwrapped(service_name));
    constexpr std::string_view prefix = "com.amazonaws.";
    if (!text.starts_with(prefix)) return false;
    std::string_view rest = std::string_view(text).substr(prefix.size());
    for (std::string_view suffix : {".secretsmanager", ".secretsmanager-fips"}) {
        if (rest.ends_with(suffix)) return is_region_part(rest.substr(0, rest.size() - suffix.size()));
    }
    return false;
}

bool is_vpc_endpoint(const StackResource& resource) {
    return (resource.type == "AWS::EC2::VPCEndpoint" || resource.type == "aws_vpc_endpoint") && !resource.data_source;
}

std::vector<VpcEndpoint> vpc_endpoints(const StackReader& reader) {
    std::vector<VpcEndpoint> endpoints;
    for (const StackResource& resource : reader.stack().resources) {
        if (!is_vpc_endpoint(resource)) continue;
        const Naming naming = names_secrets_manager(reader, resource);
        endpoints.push_back(
            {&resource, naming == Naming::yes, naming == Naming::maybe, endpoint_type(reader, resource)});
    }
    return endpoints;
}

}  // namespace keylint
