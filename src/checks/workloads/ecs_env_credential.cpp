// ecs-env-credential: a container definition's `environment` list (`Environment: [{Name, Value}]`
// in AWS::ECS::TaskDefinition; `container_definitions` of aws_ecs_task_definition, written with
// `jsonencode([...])`, a heredoc or a JSON string) holding a literal credential, judged by
// credential_setting.hpp. The fix is the container's `secrets` list with `valueFrom` naming a
// Secrets Manager secret, which ECS injects at start without putting the value in the definition.
#include "checks/workloads/ecs_env_credential.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/credential_setting.hpp"
#include "infra/embedded_json.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

void check_container(const StackCheck& self, const StackReader& reader, const StackResource& task,
                     const Value& container, std::vector<Finding>& out) {
    const Member* environment = member_ignoring_case(container, "environment");
    if (!environment || !environment->value.is_array()) return;
    const Member* container_name = member_ignoring_case(container, "name");
    const std::string which = container_name && container_name->value.is_string()
                                  ? "container " + container_name->value.scalar + " of task definition "
                                  : "a container of task definition ";
    for (const Value& entry : environment->value.items) {
        const Member* name = member_ignoring_case(entry, "name");
        const Member* value = member_ignoring_case(entry, "value");
        if (!name || !value || !name->value.is_string()) continue;
        const std::optional<CredentialSetting> setting = credential_setting(name->value.scalar, reader.resolve(value->value));
        if (!setting) continue;
        Finding finding = stack_finding(
            self, task, entry.span,
            "The environment of " + which + task.address + " sets " + setting->name + " to a literal credential (" +
                setting->reason +
                "); anyone who can describe the task definition sees it. Move it to the container's secrets list: "
                "{\"name\": \"" + setting->name + "\", \"valueFrom\": <Secrets Manager secret ARN>}, and allow the "
                "task execution role secretsmanager:GetSecretValue on that secret.");
        finding.secret = setting->value;
        finding.properties["key"] = setting->name;
        out.push_back(std::move(finding));
    }
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* task : context.stack.of_types({"AWS::ECS::TaskDefinition", "aws_ecs_task_definition"})) {
        if (!task->body || task->data_source) continue;
        const Value* written = reader.property(*task, "ContainerDefinitions");
        if (!written) continue;
        Value containers = reader.resolve(*written);
        if (containers.is_string()) {
            const SourceText* text = context.stack.text_of(task->path);
            std::string error;
            std::optional<Value> parsed = text ? parse_embedded_json(containers, *text, error) : std::nullopt;
            if (!parsed) continue;
            containers = std::move(*parsed);
        }
        if (!containers.is_array()) continue;
        for (const Value& container : containers.items) {
            if (container.is_object()) check_container(self, reader, *task, container, out);
        }
    }
}

}  // namespace

StackCheck ecs_env_credential_check() { return StackCheck{check_metadata("ecs-env-credential"), run}; }

}  // namespace keylint
