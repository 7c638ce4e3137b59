#include "hygiene/vpc_endpoints.hpp"

#include <algorithm>
#include <cctype>

#include "infra/references.hpp"

namespace keylint {
namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

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
    const Value* written = resource.property(reader.terraform() ? "vpc_endpoint_type" : "VpcEndpointType");
    if (!written) return "Gateway";
    const Value type = reader.resolve(*written);
    return type.is_string() ? type.scalar : std::string();
}

bool names_secrets_manager(const StackReader& reader, const StackResource& resource) {
    const Value* written = resource.property(reader.terraform() ? "service_name" : "ServiceName");
    if (!written) return false;
    const Value name = reader.resolve(*written);
    if (names_secrets_manager_service(name.scalar)) return true;
    // data "aws_vpc_endpoint_service" "sm" { service = "secretsmanager" } … .service_name
    const StackResource* lookup = referenced_resource(reader.stack(), name);
    if (!lookup || lookup->type != "aws_vpc_endpoint_service" || !lookup->body) return false;
    if (const Value* service = lookup->property("service")) {
        const Value resolved = reader.resolve(*service);
        if (resolved.is_string() && lowered(resolved.scalar) == "secretsmanager") return true;
    }
    if (const Value* service_name = lookup->property("service_name")) {
        return names_secrets_manager_service(reader.resolve(*service_name).scalar);
    }
    return false;
}

}  // namespace

bool names_secrets_manager_service(std::string_view service_name) {
    const std::string text = lowered(unwrapped(service_name));
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
        endpoints.push_back({&resource, names_secrets_manager(reader, resource), endpoint_type(reader, resource)});
    }
    return endpoints;
}

}  // namespace keylint
