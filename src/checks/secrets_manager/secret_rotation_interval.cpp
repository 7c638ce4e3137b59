// secret-rotation-interval: a rotation schedule whose `AutomaticallyAfterDays` / `automatically_after_days`
// or `ScheduleExpression` / `schedule_expression` (rate or cron, see rotation_schedule.hpp) can leave more
// than `--max-rotation-days` (default 90) between rotations; a value keylint cannot resolve or read is a
// warning naming it. The inline `rotation_rules` of a Terraform secret written for AWS provider
// versions before 3 are read too.
#include "checks/secrets_manager/secret_rotation_interval.hpp"

#include <charconv>

#include "checks/check_metadata.hpp"
#include "checks/support/rotation_schedule.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

// "Rotation aws_secretsmanager_secret_rotation.r", or the inline rotation of an older Terraform secret.
std::string rotation_name(const StackResource& rotation) {
    if (rotation.type == "aws_secretsmanager_secret") return "The inline rotation of secret " + rotation.address;
    return "Rotation " + rotation.address;
}

void report(const StackCheck& self, const StackResource& rotation, const Span& where, std::string message, Level level,
            std::vector<Finding>& out) {
    Finding finding = stack_finding(self, rotation, where, std::move(message));
    finding.level = level;
    out.push_back(std::move(finding));
}

void check_days(const StackCheck& self, const StackReader& reader, const StackResource& rotation, const Value& written,
                int maximum, std::vector<Finding>& out) {
    const Value resolved = reader.resolve(written);
    for (const Value* branch : reader.branches(resolved)) {
        long days = 0;
        const std::string& text = branch->scalar;
        const bool number = (branch->kind == Value::Kind::number || branch->is_string()) && !text.empty() &&
                            std::from_chars(text.data(), text.data() + text.size(), days).ec == std::errc() &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        if (!number) {
            report(self, rotation, written.span,
                   rotation_name(rotation) + " rotates after a number of days keylint cannot resolve (" +
                       describe(*branch) + "); check that it is at most " + std::to_string(maximum) + ".",
                   Level::warning, out);
            return;
        }
        if (days > maximum) {
            report(self, rotation, written.span,
                   rotation_name(rotation) + " rotates the secret every " + std::to_string(days) +
                       " days, more than the maximum of " + std::to_string(maximum) + ".",
                   self.info.level, out);
            return;
        }
    }
}

void check_expression(const StackCheck& self, const StackReader& reader, const StackResource& rotation,
                      const Value& written, int maximum, std::vector<Finding>& out) {
    const Value resolved = reader.resolve(written);
    for (const Value* branch : reader.branches(resolved)) {
        if (!branch->is_string()) {
            report(self, rotation, written.span,
                   rotation_name(rotation) + " has the schedule " + describe(*branch) +
                       ", which keylint cannot resolve; check that it rotates at least every " + std::to_string(maximum) +
                       " days.",
                   Level::warning, out);
            return;
        }
        const ScheduleGap gap = schedule_gap(branch->scalar);
        if (!gap.readable) {
            report(self, rotation, written.span,
                   rotation_name(rotation) + " has the schedule '" + branch->scalar + "', which keylint cannot read (" +
                       gap.problem + "); check that it rotates at least every " + std::to_string(maximum) + " days.",
                   Level::warning, out);
            return;
        }
        if (gap.stops) {
            report(self, rotation, written.span,
                   rotation_name(rotation) + " has the schedule '" + branch->scalar +
                       "', which names its years: after the last one the secret is never rotated again.",
                   self.info.level, out);
            return;
        }
        if (gap.days > maximum) {
            report(self, rotation, written.span,
                   rotation_name(rotation) + " has the schedule '" + branch->scalar + "', which can leave " +
                       std::to_string(gap.days) + " days between rotations, more than the maximum of " +
                       std::to_string(maximum) + ".",
                   self.info.level, out);
            return;
        }
    }
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    const int maximum = context.settings.max_rotation_days;
    for (const StackResource* rotation : context.stack.of_types(
             {"AWS::SecretsManager::RotationSchedule", "aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret"})) {
        for (const Value* rule : reader.items(rotation->body, "RotationRules")) {
            if (!rule->is_object()) continue;
            if (const Value* days = reader.member(*rule, "AutomaticallyAfterDays")) {
                check_days(self, reader, *rotation, *days, maximum, out);
            }
            if (const Value* expression = reader.member(*rule, "ScheduleExpression")) {
                check_expression(self, reader, *rotation, *expression, maximum, out);
            }
        }
    }
}

}  // namespace

StackCheck secret_rotation_interval_check() { return StackCheck{check_metadata("secret-rotation-interval"), run}; }

}  // namespace keylint
