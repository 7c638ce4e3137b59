// cloudtrail-single-region: in a stack that declares secrets, a trail (AWS::CloudTrail::Trail,
// aws_cloudtrail) whose `IsMultiRegionTrail` / `is_multi_region_trail` is false or absent (both
// default to false). Secrets replicate to other regions and calls can be made in any region; a
// single-region trail misses them. A stack without a trail is not reported: trails are usually
// account- or organisation-wide, made elsewhere. A value keylint cannot resolve is a note.
#include "checks/logging/cloudtrail_single_region.hpp"

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

StackCheck cloudtrail_single_region_check() {
    RuleInfo info;
    info.id = "cloudtrail-single-region";
    info.title = "Single-region CloudTrail trail in a stack with secrets";
    info.description =
        "A stack creates Secrets Manager secrets and a CloudTrail trail that logs only its own region "
        "(IsMultiRegionTrail / is_multi_region_trail false or absent), so secret access in other regions, "
        "replicas included, goes unrecorded.";
    info.help =
        "**Single-region CloudTrail trail in a stack with secrets**\n\n"
        "Every `GetSecretValue`, `PutSecretValue` and `DeleteSecret` call is a CloudTrail management event, "
        "logged in the region where it was made. A trail that is not multi-region misses calls in other "
        "regions, including reads of replicated secrets and calls an attacker makes from a region nobody "
        "watches. Both `IsMultiRegionTrail` and `is_multi_region_trail` default to false. A stack without a trail "
        "is not reported: trails are usually made once per account or organisation.\n\n"
        "**Fix:** set `IsMultiRegionTrail: true` (Terraform `is_multi_region_trail = true`), or rely on an "
        "organisation trail and remove this one.";
    info.help_uri = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring-cloudtrail.html";
    info.level = Level::warning;
    info.tags = {"secrets-manager", "cloudtrail", "logging"};
    info.precision = "high";
    info.security_severity = 4.0;
    return StackCheck{info, run};
}

}  // namespace keylint
