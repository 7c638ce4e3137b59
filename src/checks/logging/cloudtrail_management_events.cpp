// cloudtrail-management-events: in a stack that declares secrets, a trail that does not log both
// read and write management events of Secrets Manager:
// - `IsLogging: false` / `enable_logging = false`: it logs nothing;
// - basic event selectors (`EventSelectors`, `event_selector` blocks): management events are logged
//   in full when some selector has `IncludeManagementEvents` / `include_management_events` not false
//   (default true) and `ReadWriteType` / `read_write_type` All (the default); `GetSecretValue` is a
//   read event, `PutSecretValue` a write event, so ReadOnly or WriteOnly alone miss half;
// - advanced event selectors (`AdvancedEventSelectors`, `advanced_event_selector` blocks): each
//   selector whose `eventCategory` equals Management covers reads, writes or both (its `readOnly`
//   field), unless its `eventSource` excludes secretsmanager.amazonaws.com (NotEquals) or names
//   other sources only (Equals); the selectors together must cover both.
// Without selectors a trail logs every management event. Values keylint cannot resolve count as
// logging (the finding would be a guess).
#include "checks/logging/cloudtrail_management_events.hpp"

#include <algorithm>

#include "checks/check_metadata.hpp"
#include "checks/support/declared_secrets.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

constexpr std::string_view secrets_manager_source = "secretsmanager.amazonaws.com";

struct Coverage {
    bool reads = false;
    bool writes = false;
    bool full() const { return reads && writes; }
};

std::vector<std::string> strings_of(const StackReader& reader, const Value* written) {
    std::vector<std::string> out;
    if (!written) return out;
    const Value value = reader.resolve(*written);
    if (value.is_string()) out.push_back(value.scalar);
    for (const Value& item : value.items) {
        if (item.is_string()) out.push_back(item.scalar);
    }
    return out;
}

bool contains(const std::vector<std::string>& values, std::string_view wanted) {
    return std::find(values.begin(), values.end(), wanted) != values.end();
}

Coverage basic_coverage(const StackReader& reader, const std::vector<const Value*>& selectors) {
    Coverage coverage;
    for (const Value* selector : selectors) {
        if (const Value* include = reader.member(*selector, "IncludeManagementEvents")) {
            if (boolean_value(reader.resolve(*include)) == false) continue;
        }
        std::string type = "All";
        if (const Value* written = reader.member(*selector, "ReadWriteType")) {
            const Value resolved = reader.resolve(*written);
            type = resolved.is_string() ? resolved.scalar : "All";
        }
        coverage.reads = coverage.reads || type == "All" || type == "ReadOnly";
        coverage.writes = coverage.writes || type == "All" || type == "WriteOnly";
    }
    return coverage;
}

Coverage advanced_coverage(const StackReader& reader, const std::vector<const Value*>& selectors) {
    Coverage coverage;
    for (const Value* selector : selectors) {
        bool management = false;
        bool excludes_secrets_manager = false;
        std::optional<std::vector<std::string>> read_only;
        for (const Value* field : reader.items(selector, "FieldSelectors", "field_selector")) {
            const Value* name = reader.member(*field, "Field");
            if (!name || !name->is_string()) continue;
            const std::vector<std::string> equals = strings_of(reader, reader.member(*field, "Equals"));
            const std::vector<std::string> not_equals =
                strings_of(reader, reader.member(*field, "NotEquals"));
            if (name->scalar == "eventCategory") {
                management = contains(equals, "Management");
            } else if (name->scalar == "readOnly") {
                read_only = equals;
            } else if (name->scalar == "eventSource") {
                excludes_secrets_manager = contains(not_equals, secrets_manager_source) ||
                                           (!equals.empty() && !contains(equals, secrets_manager_source));
            }
        }
        if (!management || excludes_secrets_manager) continue;
        coverage.reads = coverage.reads || !read_only || contains(*read_only, "true");
        coverage.writes = coverage.writes || !read_only || contains(*read_only, "false");
    }
    return coverage;
}

std::string missing(const Coverage& coverage) {
    if (!coverage.reads && !coverage.writes) return "does not log Secrets Manager management events";
    if (!coverage.reads) return "logs only write management events, so reads such as GetSecretValue go unrecorded";
    return "logs only read management events, so changes such as PutSecretValue and DeleteSecret go unrecorded";
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    if (declared_secrets(context.stack).empty()) return;
    const StackReader reader(context.stack);
    const std::string advanced_key = reader.spelling("AdvancedEventSelectors", "advanced_event_selector");
    const std::string basic_key = reader.spelling("EventSelectors", "event_selector");
    for (const StackResource* trail : context.stack.of_types({"AWS::CloudTrail::Trail", "aws_cloudtrail"})) {
        if (trail->data_source || !trail->body) continue;
        const std::string start = "Trail " + trail->address + " in a stack that creates secrets ";
        if (const Member* logging = trail->body->find_member(reader.spelling("IsLogging", "enable_logging"))) {
            if (boolean_value(reader.resolve(logging->value)) == false) {
                out.push_back(stack_finding(self, *trail, member_span(*logging),
                                            start + "is not logging (" + logging->key +
                                                " is false): no access to a secret is recorded. Turn logging on."));
                continue;
            }
        }
        const std::vector<const Value*> advanced = items_named(*trail->body, advanced_key);
        const std::vector<const Value*> basic = items_named(*trail->body, basic_key);
        if (advanced.empty() && basic.empty()) continue;
        const Coverage coverage = advanced.empty() ? basic_coverage(reader, basic) : advanced_coverage(reader, advanced);
        if (coverage.full()) continue;
        const Member* selectors = trail->body->find_member(advanced.empty() ? basic_key : advanced_key);
        out.push_back(stack_finding(
            self, *trail, selectors ? member_span(*selectors) : trail->span,
            start + missing(coverage) + ". Log all management events (ReadWriteType All with IncludeManagementEvents "
                    "true, or an advanced selector on eventCategory Management without readOnly or eventSource "
                    "exclusions)."));
    }
}

}  // namespace

StackCheck cloudtrail_management_events_check() { return StackCheck{check_metadata("cloudtrail-management-events"), run}; }

}  // namespace keylint
