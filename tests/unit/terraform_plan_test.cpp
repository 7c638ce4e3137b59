// Terraform plan JSON (infra/terraform_plan.hpp, infra/terraform_plan_sources.hpp): how planned
// values are written back as a module's document, what the configuration's expressions change in
// it, module instances and their calls, and how a place in the plan leads back to the .tf line.
#include <catch2/catch.hpp>

#include <map>
#include <memory>

#include "infra/stack.hpp"
#include "infra/terraform_plan.hpp"
#include "infra/terraform_plan_sources.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/json_reader.hpp"

using namespace keylint;

namespace {

struct ReadPlan {
    SourceText text;
    Value root;
    TerraformPlan plan;

    explicit ReadPlan(const std::string& json) : text("plans/plan.json", json) {
        ParseResult parsed = read_json(text);
        REQUIRE(parsed.root);
        root = std::move(*parsed.root);
        plan = read_terraform_plan(root, text.path());
    }

    // The body of a resource block of a module's document.
    const Value* body(size_t module, const std::string& kind, const std::string& type, const std::string& name,
                      size_t occurrence = 0) const {
        size_t seen = 0;
        for (const Member& top : plan.modules.at(module).document.members) {
            if (top.key != kind) continue;
            const Value* typed = top.value.find(type);
            const Value* named = typed ? typed->find(name) : nullptr;
            if (named && seen++ == occurrence) return named;
        }
        return nullptr;
    }
};

std::string resource(const std::string& address, const std::string& type, const std::string& name,
                     const std::string& values, const std::string& extra = "") {
    return R"({"address": ")" + address + R"(", "mode": "managed", "type": ")" + type + R"(", "name": ")" + name +
           R"(", )" + extra + R"("values": )" + values + "}";
}

std::string plan_of(const std::string& resources, const std::string& rest = "") {
    return R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [)" + resources + "]" +
           (rest.empty() ? "}}" : "}}, " + rest) + "}";
}

}  // namespace

TEST_CASE("a plan is recognised by its format version and planned values") {
    const auto is_plan = [](const std::string& json) {
        SourceText text("p.json", json);
        return looks_like_terraform_plan(*read_json(text).root);
    };
    CHECK(is_plan(R"({"format_version": "1.2", "planned_values": {}})"));
    CHECK(is_plan(R"({"format_version": "0.1", "resource_changes": []})"));
    CHECK_FALSE(is_plan(R"({"format_version": 1, "planned_values": {}})"));
    CHECK_FALSE(is_plan(R"({"Version": "2012-10-17", "Statement": []})"));
    CHECK_FALSE(is_plan(R"({"format_version": "1.0", "values": {}})"));  // a state, not a plan
}

TEST_CASE("a plan of another major format version is reported and not read") {
    ReadPlan read(R"({"format_version": "2.0", "planned_values": {"root_module": {}}})");
    CHECK(read.plan.modules.empty());
    REQUIRE(read.plan.diagnostics.size() == 1);
    CHECK(read.plan.diagnostics[0].path == "plans/plan.json");
    CHECK(read.plan.diagnostics[0].message ==
          "Terraform plan format_version \"2.0\" is not one keylint reads (0.x or 1.x); the plan was not audited");
}

TEST_CASE("planned values are written as the .tf files write them") {
    ReadPlan read(plan_of(resource("aws_secretsmanager_secret.s", "aws_secretsmanager_secret", "s",
                                   R"({"name": "app", "kms_key_id": null, "description": "", "replica": [],
                                       "rotation_rules": [{"automatically_after_days": 30}, {"automatically_after_days": 7}],
                                       "tags": null, "tags_all": {"team": "a"}, "ids": ["x", "y"]})")));
    REQUIRE(read.plan.modules.size() == 1);
    const Value* body = read.body(0, "resource", "aws_secretsmanager_secret", "s");
    REQUIRE(body);
    CHECK(body->find("name")->scalar == "app");
    // null, "" and [] are what a provider reads back for what is not set
    CHECK_FALSE(body->find("kms_key_id"));
    CHECK_FALSE(body->find("description"));
    CHECK_FALSE(body->find("replica"));
    // a list of objects is a repeated nested block
    std::vector<std::string> days;
    for (const Member& member : body->members) {
        if (member.key == "rotation_rules") days.push_back(member.value.find("automatically_after_days")->scalar);
    }
    CHECK(days == std::vector<std::string>{"30", "7"});
    CHECK(body->find("ids")->is_array());
    CHECK(body->find("tags")->find("team")->scalar == "a");
    CHECK_FALSE(body->find("tags_all"));
}

TEST_CASE("the configuration's references replace values computed from other objects") {
    const std::string document = R"({\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]})";
    ReadPlan read(plan_of(
        resource("aws_secretsmanager_secret_rotation.r", "aws_secretsmanager_secret_rotation", "r",
                 R"({"secret_id": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:a", "rotation_lambda_arn": null})") +
            "," + resource("aws_iam_policy.p", "aws_iam_policy", "p", R"({"policy": ")" + document + R"(", "name": "p-1"})") + "," +
            resource("aws_iam_role_policy.d", "aws_iam_role_policy", "d", R"({"policy": ")" + document + R"("})") + "," +
            resource("aws_db_instance.db", "aws_db_instance", "db", R"({"password": "from-tfvars", "username": "admin"})",
                     R"("sensitive_values": {"password": true}, )"),
        R"("resource_changes": [{"address": "aws_secretsmanager_secret_rotation.r",
              "change": {"after_unknown": {"rotation_lambda_arn": true, "id": true}}}],
           "configuration": {"root_module": {"resources": [
             {"mode": "managed", "type": "aws_secretsmanager_secret_rotation", "name": "r", "expressions": {
               "secret_id": {"references": ["aws_secretsmanager_secret.a.id", "aws_secretsmanager_secret.a"]},
               "rotation_lambda_arn": {"references": ["aws_lambda_function.rotate.arn", "aws_lambda_function.rotate"]}}},
             {"mode": "managed", "type": "aws_iam_policy", "name": "p", "expressions": {
               "policy": {"references": ["aws_s3_bucket.b.arn", "aws_s3_bucket.b"]},
               "name": {"references": ["var.prefix"]}}},
             {"mode": "managed", "type": "aws_iam_role_policy", "name": "d", "expressions": {
               "policy": {"references": ["data.aws_iam_policy_document.d.json", "data.aws_iam_policy_document.d"]}}},
             {"mode": "managed", "type": "aws_db_instance", "name": "db", "expressions": {
               "password": {"references": ["var.db_password"]}, "username": {"constant_value": "admin"}}}]}})"));
    const Value* rotation = read.body(0, "resource", "aws_secretsmanager_secret_rotation", "r");
    REQUIRE(rotation);
    CHECK(rotation->find("secret_id")->is_unknown());
    CHECK(rotation->find("secret_id")->scalar == "aws_secretsmanager_secret.a.id");
    // known only after apply: the reference; `id` is computed, not configured, and left out
    CHECK(rotation->find("rotation_lambda_arn")->scalar == "aws_lambda_function.rotate.arn");
    CHECK_FALSE(rotation->find("id"));
    // a rendered document stays the document; a var. reference keeps its resolved value
    const Value* policy = read.body(0, "resource", "aws_iam_policy", "p");
    CHECK(policy->find("policy")->is_string());
    CHECK(policy->find("name")->scalar == "p-1");
    // a policy document data source is followed, as in the .tf files
    CHECK(read.body(0, "resource", "aws_iam_role_policy", "d")->find("policy")->scalar == "data.aws_iam_policy_document.d.json");
    // a sensitive value from a variable is judged by where it comes from, not by its value
    const Value* database = read.body(0, "resource", "aws_db_instance", "db");
    CHECK(database->find("password")->is_unknown());
    CHECK(database->find("password")->scalar == "var.db_password");
    CHECK(database->find("username")->scalar == "admin");
}

TEST_CASE("instances, data sources read during planning, variables and providers") {
    ReadPlan read(plan_of(
        resource("aws_iam_user.u[0]", "aws_iam_user", "u", R"({"name": "a"})", R"("index": 0, )") + "," +
            resource("aws_iam_user.u[\\\"b\\\"]", "aws_iam_user", "u", R"({"name": "b"})", R"("index": "b", )"),
        R"("prior_state": {"values": {"root_module": {"resources": [
             {"address": "data.aws_iam_policy_document.d", "mode": "data", "type": "aws_iam_policy_document", "name": "d",
              "values": {"statement": [{"actions": ["s3:*"], "sid": ""}]}}]}}},
           "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {
               "access_key": {"constant_value": "AKIAEXAMPLEKEY"}, "default_tags": [{"tags": {"references": ["local.tags"]}}]}},
               "aws.child": {"name": "aws", "module_address": "module.c", "expressions": {}}},
             "root_module": {"variables": {"db_password": {"sensitive": true}, "days": {"default": 30}}}})"));
    REQUIRE(read.plan.modules.size() == 1);
    const PlanModule& module = read.plan.modules[0];
    REQUIRE(module.resources.size() == 3);
    CHECK(module.resources[0].address == "aws_iam_user.u[0]");
    CHECK(module.resources[1].address == "aws_iam_user.u[\"b\"]");
    CHECK(module.resources[1].instance_key == "\"b\"");
    CHECK(module.resources[2].address == "data.aws_iam_policy_document.d");
    CHECK(read.body(0, "resource", "aws_iam_user", "u", 1)->find("name")->scalar == "b");
    const Value* document = read.body(0, "data", "aws_iam_policy_document", "d");
    REQUIRE(document);
    CHECK_FALSE(document->find("statement")->find("sid"));

    const Stack stack = terraform_plan_stack(module, read.text);
    REQUIRE(stack.resources.size() == 3);
    CHECK(stack.resources[1].address == "aws_iam_user.u[\"b\"]");
    CHECK(stack.resources[1].base_address == "aws_iam_user.u");
    CHECK(stack.resources[2].data_source);
    REQUIRE(stack.variables.count("db_password"));
    CHECK(stack.variables.at("db_password")->find("sensitive")->scalar == "true");
    CHECK(stack.variables.at("days")->find("default")->scalar == "30");

    // Only the root module's provider configuration, written as its .tf block is.
    size_t providers = 0;
    for (const Member& top : module.document.members) {
        if (top.key != "provider") continue;
        ++providers;
        const Value* aws = top.value.find("aws");
        CHECK(aws->find("access_key")->scalar == "AKIAEXAMPLEKEY");
        CHECK(aws->find("default_tags")->find("tags")->is_unknown());
    }
    CHECK(providers == 1);
}

TEST_CASE("child module instances are named by their address, with the call's constants bound") {
    ReadPlan read(R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [], "child_modules": [
        {"address": "module.app[\"db\"]", "resources": [], "child_modules": [
          {"address": "module.app[\"db\"].module.key", "resources": []}]},
        {"address": "module.remote", "resources": []}]}},
      "configuration": {"root_module": {"module_calls": {
        "app": {"source": "../modules/app", "expressions": {"days": {"constant_value": 30}, "name": {"references": ["each.key"]}},
                "module": {"module_calls": {"key": {"source": "./key", "module": {}}}}},
        "remote": {"source": "terraform-aws-modules/vpc/aws", "module": {}}}}}})");
    REQUIRE(read.plan.modules.size() == 4);
    CHECK(read.plan.modules[0].directory == std::optional<std::string>("plans"));
    CHECK(read.plan.modules[1].address == "module.app[\"db\"]");
    CHECK(read.plan.modules[1].directory == std::optional<std::string>("modules/app"));
    CHECK(read.plan.modules[2].address == "module.app[\"db\"].module.key");
    CHECK(read.plan.modules[2].directory == std::optional<std::string>("modules/app/key"));
    CHECK(read.plan.modules[3].address == "module.remote");
    CHECK_FALSE(read.plan.modules[3].directory);
    const auto& arguments = read.plan.modules[1].arguments;
    REQUIRE(arguments.count("days"));
    CHECK(arguments.at("days").known);
    CHECK(arguments.at("days").value.scalar == "30");
    CHECK_FALSE(arguments.at("name").known);
    CHECK(arguments.at("name").value.scalar == "var.name");
}

TEST_CASE("a place in the plan leads back to the .tf line that writes it") {
    ReadPlan read(plan_of(resource("aws_secretsmanager_secret_rotation.r", "aws_secretsmanager_secret_rotation", "r",
                                   R"({"rotation_rules": [{"automatically_after_days": 400}],
                                       "tags": {"a": "b"}})") + "," +
                          resource("aws_iam_policy.p", "aws_iam_policy", "p", R"({"name": "p"})") + "," +
                          resource("aws_iam_policy.q", "aws_iam_policy", "q", R"({"name": "q"})")));
    SourceText main("plans/main.tf",
                    "resource \"aws_secretsmanager_secret_rotation\" \"r\" {\n"
                    "  rotation_rules {\n"
                    "    automatically_after_days = var.days\n"
                    "  }\n"
                    "  tags = local.tags\n"
                    "}\n"
                    "resource \"aws_iam_policy\" \"p\" {\n"
                    "  dynamic \"x\" {\n"
                    "  }\n"
                    "}\n");
    Value root = *read_hcl(main).root;
    const std::vector<TerraformFile> files{{&main, &root}};
    const PlanSources sources(read.plan, [&](const std::string& directory) -> const std::vector<TerraformFile>* {
        return directory == "plans" ? &files : nullptr;
    });
    CHECK(sources.directories() == std::vector<std::string>{"plans"});

    const auto source_of_value = [&](const std::string& type, const std::string& name,
                                     const std::vector<std::string>& keys) -> std::optional<SourcePlace> {
        const Value* value = read.body(0, "resource", type, name);
        for (const std::string& key : keys) value = value->find(key);
        return sources.source_of(value->span);
    };
    auto days = source_of_value("aws_secretsmanager_secret_rotation", "r", {"rotation_rules", "automatically_after_days"});
    REQUIRE(days);
    CHECK(days->path == "plans/main.tf");
    CHECK((days->span.start_line == 3 && days->span.start_column == 5 && days->span.end_column == 40));
    // a map attribute written as one expression ends the path at the attribute
    auto tag = source_of_value("aws_secretsmanager_secret_rotation", "r", {"tags", "a"});
    REQUIRE(tag);
    CHECK(tag->span.start_line == 5);
    // an argument the block does not write: the block
    auto name = source_of_value("aws_iam_policy", "p", {"name"});
    REQUIRE(name);
    CHECK((name->span.start_line == 7 && name->span.end_line == 10));
    // a block the files do not hold: no source
    CHECK_FALSE(source_of_value("aws_iam_policy", "q", {"name"}));
}
