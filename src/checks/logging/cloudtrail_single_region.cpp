// cloudtrail-single-region: in a stack that declares secrets, a trail (AWS::CloudTrail::Trail,
// aws_cloudtrail) whose `IsMultiRegionTrail` / `is_multi_region_trail` is false or absent (both
// default to false). Secrets replicate to other regions and calls can be made in any region; a
// single-region trail misses them. A stack without a trail is not reported: trails are usually
// account- or organisation-wide, made elsewhere. A value keylint cannot resolve is a note.
#include "checks/logging/cloudtrail_single_region.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/declared_secrets.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    if (declared_secrets(context.stack).empty()) return;
    const StackReader reader(context.stack);
    const std::string key = reader.spelling("IsMultiRegionTrail");
    for (const StackResource* trail : context.stack.of_types({"AWS::CloudTrail::Trail", "aws_cloudtrail"})) {
        if (trail->data_source) continue;
        const Member* member = trail->body ? trail->body->find_member(key) : nullptr;
        const std::string start = "Trail " + trail->address + " in a stack that creates secrets ";
        const std::string fix = " Set " + key + " to true so calls to Secrets Manager in every region are logged.";
        if (!member) {
            out.push_back(stack_finding(self, *trail, trail->span,
                                        start + "does not set " + key + ", which defaults to false: it logs one "
                                        "region only." + fix));
            continue;
        }
        const Value resolved = reader.resolve(member->value);
        const std::optional<bool> multi_region = boolean_value(resolved);
        if (multi_region == true) continue;
        Finding finding = stack_finding(
            self, *trail, member_span(*member),
            start + (multi_region == false ? "sets " + std::string(key) + " to false: it logs one region only." + fix
                                           : "sets " + std::string(key) + " to " +
                                                 (resolved.scalar.empty() ? std::string("an expression") : resolved.scalar) +
                                                 ", which keylint cannot resolve; if it is false, the trail logs one "
                                                 "region only."));
        if (!multi_region) finding.level = Level::note;
        out.push_back(std::move(finding));
    }
}

}  // namespace

StackCheck cloudtrail_single_region_check() { return StackCheck{check_metadata("cloudtrail-single-region"), run}; }

}  // namespace keylint
