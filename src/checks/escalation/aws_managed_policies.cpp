// See aws_managed_policies.hpp.
#include "checks/escalation/aws_managed_policies.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/source_text.hpp"
#include "iam/aws_managed_policy_data.hpp"
#include "iam/raw_policy_extractor.hpp"
#include "syntax/json_reader.hpp"

namespace keylint {
namespace {

struct ManagedName {
    std::string_view path;  // "service-role/", or empty
    std::string_view name;
};

// "arn:aws:iam::aws:policy/service-role/NAME" (any partition) → {"service-role/", "NAME"};
// nullopt when the ARN is not an AWS-managed policy's.
std::optional<ManagedName> managed_name(std::string_view arn) {
    if (!arn.starts_with("arn:")) return std::nullopt;
    const size_t marker = arn.find(":iam::aws:policy/");
    if (marker == std::string_view::npos) return std::nullopt;
    const std::string_view rest = arn.substr(marker + 17);
    const size_t slash = rest.rfind('/');
    const size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
    if (name_start >= rest.size()) return std::nullopt;
    return ManagedName{rest.substr(0, name_start), rest.substr(name_start)};
}

const AwsManagedPolicyRow* find_row(std::string_view name) {
    const AwsManagedPolicyRow* begin = aws_managed_policy_rows;
    const AwsManagedPolicyRow* end = aws_managed_policy_rows + aws_managed_policy_row_count;
    const AwsManagedPolicyRow* found = std::lower_bound(
        begin, end, name, [](const AwsManagedPolicyRow& row, std::string_view wanted) { return row.name < wanted; });
    return found != end && found->name == name ? found : nullptr;
}

std::unique_ptr<AwsManagedPolicy> parse(const AwsManagedPolicyRow& row) {
    const std::string path = std::string("aws-managed:") + row.name;
    ParseResult parsed = read_json(SourceText(path, row.document));
    if (!parsed.root) return nullptr;  // the table is tested: every document parses
    auto entry = std::make_unique<AwsManagedPolicy>();
    entry->name = row.name;
    auto document = std::make_shared<const Value>(std::move(*parsed.root));
    entry->policy = extract_policy(*document, path, "AWS managed policy " + entry->name, Policy::Kind::identity);
    entry->policy.owned.push_back(std::move(document));
    return entry;
}

}  // namespace

bool is_aws_managed_policy_arn(std::string_view arn) { return managed_name(arn).has_value(); }

const AwsManagedPolicy* aws_managed_policy(std::string_view arn) {
    const std::optional<ManagedName> named = managed_name(arn);
    if (!named) return nullptr;
    const AwsManagedPolicyRow* row = find_row(named->name);
    if (!row || row->path != named->path) return nullptr;
    // Parsed the first time an ARN names it, then kept for the run.
    static std::mutex guard;
    static std::map<const AwsManagedPolicyRow*, std::unique_ptr<AwsManagedPolicy>> parsed;
    const std::lock_guard<std::mutex> lock(guard);
    auto [entry, inserted] = parsed.try_emplace(row);
    if (inserted) entry->second = parse(*row);
    return entry->second.get();
}

}  // namespace keylint
