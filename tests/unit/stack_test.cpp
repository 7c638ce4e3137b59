// Stacks (infra/stack.hpp), reference resolution for CloudFormation and Terraform, resource
// references, and what the policy extractors take from them: both branches of Fn::If,
// source/override policy documents, and unresolvable policies reported rather than skipped.
#include <catch2/catch.hpp>

#include "audit/policy_analyzer.hpp"
#include "iam/cloudformation_extractor.hpp"
#include "iam/terraform_extractor.hpp"
#include "infra/cloudformation_resolver.hpp"
#include "infra/references.hpp"
#include "infra/stack.hpp"
#include "infra/stack_reader.hpp"
#include "infra/terraform_instances.hpp"
#include "infra/terraform_resolver.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/yaml_reader.hpp"

using namespace keylint;

namespace {

Value yaml(const std::string& text) {
    ParseResult parsed = read_yaml(SourceText("template.yaml", text));
    REQUIRE(parsed.root);
    return std::move(*parsed.root);
}

struct Module {
    std::vector<SourceText> texts;
    std::vector<Value> roots;
    std::vector<TerraformFile> files;
    Stack stack;

    Module(std::initializer_list<std::pair<std::string, std::string>> sources) {
        texts.reserve(sources.size());
        roots.reserve(sources.size());
        for (const auto& [path, bytes] : sources) {
            texts.emplace_back(path, bytes);
            ParseResult parsed = read_hcl(texts.back());
            REQUIRE(parsed.root);
            roots.push_back(std::move(*parsed.root));
            files.push_back({&texts.back(), &roots.back()});
        }
        stack = terraform_stack(files, "m");
    }
};

std::string describe_region(const Value& block) {
    const Value* region = block.find("region");
    return region ? region->scalar : std::string();
}

std::vector<std::string> addresses(const std::vector<const StackResource*>& resources) {
    std::vector<std::string> out;
    for (const StackResource* resource : resources) out.push_back(resource->address);
    return out;
}

std::vector<std::pair<std::string, uint32_t>> full_admin_findings(const PolicyFileOutcome& outcome) {
    std::vector<std::pair<std::string, uint32_t>> found;
    for (const Finding& finding : outcome.findings) {
        if (finding.rule_id == "iam-full-admin") found.emplace_back(finding.path, finding.span.start_line);
    }
    return found;
}

const char* const secret_template = R"yaml(Parameters:
  Rotate:
    Type: String
    Default: "30"
  KeyArn:
    Type: String
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !If [Prod, !GetAtt Key.Arn, !Ref "AWS::NoValue"]
      Description: !Sub "rotated every ${Rotate} days in ${AWS::Region}"
      Name: !Select [1, [a, b, c]]
  Schedule:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Secret
      RotationRules:
        ScheduleExpression: !Join ["", ["rate(", !Ref Rotate, " days)"]]
      Other: !Ref KeyArn
)yaml";

}  // namespace

TEST_CASE("a CloudFormation stack lists its resources with types, spans and properties") {
    const Value root = yaml(secret_template);
    REQUIRE(looks_like_cloudformation(root));
    const Stack stack = cloudformation_stack(root, "template.yaml");
    CHECK(addresses(stack.of_type("AWS::SecretsManager::Secret")) == std::vector<std::string>{"Secret"});
    const StackResource* schedule = stack.find("Schedule");
    REQUIRE(schedule);
    CHECK(schedule->type == "AWS::SecretsManager::RotationSchedule");
    CHECK(schedule->span.start_line == 20);
    CHECK(schedule->span.end_line >= 26);
    CHECK(schedule->property("SecretId") != nullptr);
    CHECK(stack.parameters.size() == 2);
}

TEST_CASE("CloudFormation intrinsics resolve as far as the template says, Fn::If keeps both branches") {
    const Value root = yaml(secret_template);
    const Stack stack = cloudformation_stack(root, "template.yaml");
    const CloudFormationResolver resolver(root);

    const Value secret = resolver.resolve(*stack.find("Secret")->body);
    CHECK(secret.find("Description")->scalar == "rotated every 30 days in ${AWS::Region}");
    CHECK(secret.find("Name")->scalar == "b");
    const std::vector<const Value*> keys = cloudformation_branches(*secret.find("KmsKeyId"));
    REQUIRE(keys.size() == 1);  // the other branch is AWS::NoValue
    CHECK(keys[0]->scalar == "${Key.Arn}");
    const StackResource* key = referenced_resource(stack, *keys[0]);
    REQUIRE(key);
    CHECK(key->address == "Key");

    const Value schedule = resolver.resolve(*stack.find("Schedule")->body);
    CHECK(schedule.find("RotationRules")->find("ScheduleExpression")->scalar == "rate(30 days)");
    CHECK(referenced_resource(stack, *schedule.find("SecretId"))->address == "Secret");
    CHECK(schedule.find("Other")->is_unknown());
    CHECK(schedule.find("Other")->scalar == "Ref KeyArn (a parameter without a default)");
}

TEST_CASE("both branches of an Fn::If in a policy are audited") {
    const std::string text = R"(Conditions:
  Open: !Equals [a, a]
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - !If
            - Open
            - Effect: Allow
              Action: "*"
              Resource: "*"
            - !Ref AWS::NoValue
          - Effect: Allow
            Action: !If [Open, "*", "s3:GetObject"]
            Resource: "*"
)";
    const PolicyFileOutcome outcome = analyze_policy_file(SourceText("t.yaml", text));
    CHECK(full_admin_findings(outcome) == std::vector<std::pair<std::string, uint32_t>>{{"t.yaml", 11}, {"t.yaml", 15}});
}

TEST_CASE("Terraform variables with defaults, locals and interpolations resolve; references stay unknown") {
    Module module({{"m/main.tf", R"(variable "region" { default = "eu-west-1" }
variable "secret_arn" {}
locals {
  service = "com.amazonaws.${var.region}.secretsmanager"
  days    = 45
}
resource "aws_vpc_endpoint" "sm" {
  service_name = local.service
  vpc_id       = aws_vpc.main.id
  other        = var.secret_arn
}
resource "aws_vpc" "main" {}
resource "aws_secretsmanager_secret_rotation" "r" {
  secret_id = aws_secretsmanager_secret.db[0].id
  rules     = "${aws_secretsmanager_secret.db.arn}/${local.days}"
}
resource "aws_secretsmanager_secret" "db" {}
)"}});
    const TerraformResolver resolver(module.stack);
    const Value endpoint = resolver.resolve(*module.stack.find("aws_vpc_endpoint.sm")->body);
    CHECK(endpoint.find("service_name")->scalar == "com.amazonaws.eu-west-1.secretsmanager");
    CHECK(endpoint.find("other")->is_unknown());
    CHECK(resolver.variable_of(*module.stack.find("aws_vpc_endpoint.sm")->property("other")) != nullptr);
    CHECK(referenced_resource(module.stack, *endpoint.find("vpc_id"))->address == "aws_vpc.main");

    const StackResource& rotation = *module.stack.find("aws_secretsmanager_secret_rotation.r");
    CHECK(referenced_resource(module.stack, *rotation.property("secret_id"))->address == "aws_secretsmanager_secret.db");
    const Value rules = resolver.resolve(*rotation.property("rules"));
    CHECK(rules.scalar == "${aws_secretsmanager_secret.db.arn}/45");
    CHECK(referenced_resource(module.stack, rules) == nullptr);  // more than a reference
    CHECK(addresses(mentioned_resources(module.stack, *rotation.body)) ==
          std::vector<std::string>{"aws_secretsmanager_secret.db"});
}

TEST_CASE("Terraform count and for_each with readable collections become instances with their values bound") {
    Module module({{"m/main.tf", R"(variable "secrets" {
  default = {
    db  = { days = 30, key = "db" }
    api = { days = 120, key = "api" }
  }
}
locals { names = toset(["a", "b", "a"]) }
resource "aws_kms_key" "k" {
  for_each = var.secrets
  description = "key for ${each.key}"
}
resource "aws_secretsmanager_secret" "s" {
  for_each   = var.secrets
  name       = "${each.key}-secret"
  kms_key_id = aws_kms_key.k[each.value.key].arn
}
resource "aws_secretsmanager_secret_rotation" "r" {
  for_each  = aws_secretsmanager_secret.s
  secret_id = each.value.id
  rotation_rules { automatically_after_days = var.secrets[each.key].days }
  days      = each.value
}
resource "aws_secretsmanager_secret_rotation" "plain" {
  for_each  = var.secrets
  secret_id = aws_secretsmanager_secret.s[each.key].id
  rotation_rules { automatically_after_days = each.value.days }
}
resource "aws_iam_user" "u" {
  count = 2
  name  = "user-${count.index}"
}
resource "aws_iam_group" "g" { for_each = local.names }
resource "aws_iam_role" "unknown" {
  count = var.enabled ? 1 : 0
  name  = "role-${count.index}"
}
resource "aws_iam_role" "none" {
  count = 0
}
)"}});
    const Stack& stack = module.stack;
    CHECK(addresses(stack.instances_of("aws_secretsmanager_secret.s")) ==
          std::vector<std::string>{"aws_secretsmanager_secret.s[\"db\"]", "aws_secretsmanager_secret.s[\"api\"]"});
    const StackResource& api = *stack.find("aws_secretsmanager_secret.s[\"api\"]");
    CHECK(api.instance_key == "api");
    CHECK(api.base_address == "aws_secretsmanager_secret.s");
    CHECK(api.span.start_line == 12);
    CHECK(api.property("name")->scalar == "api-secret");
    CHECK(api.property("kms_key_id")->scalar == "aws_kms_key.k[\"api\"].arn");
    CHECK(referenced_resource(stack, *api.property("kms_key_id"))->address == "aws_kms_key.k[\"api\"]");
    CHECK(stack.find("aws_kms_key.k[\"db\"]")->property("description")->scalar == "key for db");

    // for_each over another resource: each.value is that resource's instance.
    const StackResource& rotation = *stack.find("aws_secretsmanager_secret_rotation.r[\"db\"]");
    CHECK(rotation.property("secret_id")->scalar == "aws_secretsmanager_secret.s[\"db\"].id");
    CHECK(referenced_resource(stack, *rotation.property("secret_id"))->address == "aws_secretsmanager_secret.s[\"db\"]");
    CHECK(rotation.property("days")->is_unknown());
    const TerraformResolver resolver(stack);
    const Value rules = resolver.resolve(*rotation.property("rotation_rules"));
    CHECK(rules.find("automatically_after_days")->scalar == "30");
    CHECK(rules.find("automatically_after_days")->span.start_line == 20);
    // each.value.days is the item's number, pointing where the resource says it.
    const StackResource& plain = *stack.find("aws_secretsmanager_secret_rotation.plain[\"api\"]");
    const Value* days = plain.property("rotation_rules")->find("automatically_after_days");
    CHECK(days->kind == Value::Kind::number);
    CHECK(days->scalar == "120");
    CHECK(days->span.start_line == 26);
    CHECK(referenced_resource(stack, *plain.property("secret_id"))->address == "aws_secretsmanager_secret.s[\"api\"]");

    CHECK(addresses(stack.instances_of("aws_iam_user.u")) ==
          std::vector<std::string>{"aws_iam_user.u[0]", "aws_iam_user.u[1]"});
    CHECK(stack.find("aws_iam_user.u[1]")->property("name")->scalar == "user-1");
    CHECK(addresses(stack.instances_of("aws_iam_group.g")) ==
          std::vector<std::string>{"aws_iam_group.g[\"a\"]", "aws_iam_group.g[\"b\"]"});

    // Unknown stays unknown; no items leaves the resource as written.
    CHECK(addresses(stack.instances_of("aws_iam_role.unknown")) == std::vector<std::string>{"aws_iam_role.unknown"});
    CHECK(stack.find("aws_iam_role.unknown")->property("name")->scalar == "role-${count.index}");
    CHECK(addresses(stack.instances_of("aws_iam_role.none")) == std::vector<std::string>{"aws_iam_role.none"});

    // A reference without an index mentions every instance and references none alone.
    Value whole;
    whole.kind = Value::Kind::unknown;
    whole.scalar = "aws_secretsmanager_secret.s";
    CHECK(referenced_resource(stack, whole) == nullptr);
    CHECK(mentioned_resources(stack, whole).size() == 2);
    whole.scalar = "aws_secretsmanager_secret.s[var.which].arn";
    CHECK(referenced_resource(stack, whole) == nullptr);
    whole.scalar = "aws_iam_role.unknown[0].arn";
    CHECK(referenced_resource(stack, whole)->address == "aws_iam_role.unknown");
}

TEST_CASE("Terraform conditionals resolve to their branch when the condition is known") {
    Module module({{"m/main.tf", R"(variable "create" { default = true }
variable "env" { default = "prod" }
variable "unknown" {}
resource "aws_kms_key" "k" {}
resource "aws_secretsmanager_secret" "s" {
  count       = var.create ? 1 : 0
  kms_key_id  = var.env == "prod" ? aws_kms_key.k.arn : null
  description = "rotate every ${var.env != "prod" ? 90 : 30} days"
  name        = var.unknown ? "a" : "b"
  policy      = var.env == "prod" ? "x?y" : "a:b"
  nested      = var.create ? (var.env == "dev" ? 1 : 2) : 3
  compared    = 1 == "1" ? "same" : "different"
}
)"}});
    const TerraformResolver resolver(module.stack);
    CHECK(addresses(module.stack.instances_of("aws_secretsmanager_secret.s")) ==
          std::vector<std::string>{"aws_secretsmanager_secret.s[0]"});
    const StackResource& secret = *module.stack.find("aws_secretsmanager_secret.s[0]");
    const Value body = resolver.resolve(*secret.body);
    CHECK(body.find("kms_key_id")->is_unknown());
    CHECK(body.find("kms_key_id")->scalar == "aws_kms_key.k.arn");
    CHECK(body.find("kms_key_id")->span.start_line == 7);
    CHECK(referenced_resource(module.stack, *body.find("kms_key_id"))->address == "aws_kms_key.k");
    CHECK(body.find("description")->scalar == "rotate every 30 days");
    CHECK(body.find("name")->is_unknown());  // a variable without a default
    CHECK(body.find("policy")->scalar == "x?y");
    CHECK(body.find("nested")->scalar == "2");
    CHECK(body.find("compared")->scalar == "different");
}

TEST_CASE("Terraform dynamic blocks are written out per item, or kept as one block when unreadable") {
    Module module({{"m/main.tf", R"(variable "replicas" {
  default = [{ region = "eu-west-1", key = "alias/aws/secretsmanager" }, { region = "us-west-2", key = "k2" }]
}
variable "unknown" {}
resource "aws_secretsmanager_secret" "s" {
  dynamic "replica" {
    for_each = { for r in var.replicas : r.region => r }
    content { region = replica.key }
  }
  dynamic "replica" {
    for_each = toset(["ap-south-1", "sa-east-1"])
    iterator = where
    content {
      region     = where.value
      kms_key_id = "key-${where.key}"
    }
  }
  dynamic "rotation_rules" {
    for_each = var.unknown
    content { automatically_after_days = rotation_rules.value }
  }
}
)"}});
    const StackResource& secret = *module.stack.find("aws_secretsmanager_secret.s");
    std::vector<std::string> regions;
    for (const Member& member : secret.body->members) {
        if (member.key == "replica") regions.push_back(describe_region(member.value));
    }
    // A for expression over a variable's default and a set of strings: one block per item each.
    CHECK(regions == std::vector<std::string>{"eu-west-1", "us-west-2", "ap-south-1", "sa-east-1"});
    const Value* second = nullptr;
    for (const Member& member : secret.body->members) {
        if (member.key == "replica" && member.value.find("region")->scalar == "sa-east-1") second = &member.value;
    }
    REQUIRE(second);
    CHECK(second->find("kms_key_id")->scalar == "key-sa-east-1");
    CHECK(second->find("region")->span.start_line == 14);
    const Value* rules = secret.body->find("rotation_rules");
    REQUIRE(rules);
    CHECK(rules->find("automatically_after_days")->is_unknown());
    CHECK(secret.body->find("dynamic") == nullptr);
}

TEST_CASE("an instance binding is written into templates and expressions, not into other names") {
    InstanceBinding binding;
    binding.key.kind = Value::Kind::string;
    binding.key.scalar = "db";
    binding.value.kind = Value::Kind::object;
    binding.value.members.push_back(Member{"port", {}, Value{Value::Kind::number, "5432", {}, {}, {}}});
    Value body;
    body.kind = Value::Kind::object;
    const auto add = [&](const char* key, Value::Kind kind, const char* text) {
        body.members.push_back(Member{key, {}, Value{kind, text, {}, {}, {}}});
    };
    add("template", Value::Kind::string, "${each.key}:${ each.value.port }/${var.x}/${foreach.key}");
    add("call", Value::Kind::unknown, "lookup(each.value, \"port\", each.key)");
    add("port", Value::Kind::unknown, "each.value[\"port\"]");
    add("lone", Value::Kind::unknown, "\"${each.key}\"");
    const Value bound = bind_instance(body, binding);
    CHECK(bound.find("template")->scalar == "db:5432/${var.x}/${foreach.key}");
    CHECK(bound.find("call")->scalar == "lookup(each.value, \"port\", \"db\")");
    CHECK(bound.find("port")->scalar == "5432");
    CHECK(bound.find("port")->kind == Value::Kind::number);
    CHECK(bound.find("lone")->is_string());
    CHECK(bound.find("lone")->scalar == "db");
}

TEST_CASE("source and override policy documents are recorded and take the kind of their user") {
    Module module({{"m/docs.tf", R"(data "aws_iam_policy_document" "base" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "extra" {
  statement {
    sid       = "Extra"
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "combined" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.extra.json]
}
)"},
                   {"m/bucket.tf", R"(resource "aws_s3_bucket_policy" "b" {
  policy = data.aws_iam_policy_document.combined.json
}
)"}});
    const TerraformExtraction extraction = extract_terraform_policies(module.stack);
    REQUIRE(extraction.policies.size() == 3);
    const Policy& combined = extraction.policies[2];
    CHECK(combined.resource == "data.aws_iam_policy_document.combined");
    CHECK(combined.source_documents == std::vector<std::string>{"data.aws_iam_policy_document.base"});
    CHECK(combined.override_documents == std::vector<std::string>{"data.aws_iam_policy_document.extra"});
    for (const Policy& policy : extraction.policies) CHECK(policy.kind == Policy::Kind::resource);
}

TEST_CASE("a Terraform policy keylint cannot resolve is a warning naming it, never skipped silently") {
    Module module({{"m/iam.tf", R"(variable "doc" {}
resource "aws_iam_policy" "from_file" {
  policy = file("${path.module}/policy.json")
}
resource "aws_iam_policy" "from_variable" {
  policy = var.doc
}
)"}});
    const TerraformExtraction extraction = extract_terraform_policies(module.stack);
    CHECK(extraction.policies.empty());
    REQUIRE(extraction.diagnostics.size() == 2);
    CHECK(extraction.diagnostics[0].path == "m/iam.tf");
    CHECK(extraction.diagnostics[0].message ==
          "aws_iam_policy.from_file (line 3): the policy is file(\"${path.module}/policy.json\"), which keylint cannot "
          "resolve within the module; it was not audited");
    CHECK(extraction.diagnostics[1].message ==
          "aws_iam_policy.from_variable (line 6): the policy is var.doc, which keylint cannot resolve within the "
          "module; it was not audited");
}

// Its statements point at the reference, in the file that uses the variable.
TEST_CASE("a Terraform policy in a variable default is audited") {
    Module module({{"m/iam.tf", R"(variable "doc" {
  default = <<EOF
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOF
}
resource "aws_iam_policy" "p" {
  policy = var.doc
}
)"}});
    const TerraformExtraction extraction = extract_terraform_policies(module.stack);
    REQUIRE(extraction.policies.size() == 1);
    CHECK(extraction.policies[0].resource == "aws_iam_policy.p");
    REQUIRE(extraction.policies[0].statements.size() == 1);
    CHECK(extraction.policies[0].statements[0].span.start_line == 7);
}

TEST_CASE("a property is named once: Terraform reads it in the provider's snake case") {
    CHECK(snake_case("KmsKeyId") == "kms_key_id");
    CHECK(snake_case("IsMultiRegionTrail") == "is_multi_region_trail");
    CHECK(snake_case("DBInstanceClass") == "db_instance_class");
    CHECK(snake_case("S3Bucket") == "s3_bucket");
    CHECK(snake_case("Ipv6CidrBlock") == "ipv6_cidr_block");
    CHECK(snake_case("Tags") == "tags");

    const Module module({{"m/main.tf", R"hcl(resource "aws_kms_key" "k" {
  enable_key_rotation = true
}
resource "aws_cloudtrail" "t" {
  event_selector {
    read_write_type = "All"
  }
  event_selector {
    read_write_type = "ReadOnly"
  }
}
)hcl"}});
    const StackReader terraform(module.stack);
    const StackResource* key = module.stack.find("aws_kms_key.k");
    REQUIRE(key);
    REQUIRE(terraform.property(*key, "EnableKeyRotation"));
    CHECK(terraform.property(*key, "EnableKeyRotation")->scalar == "true");
    CHECK(terraform.property(*key, "enable_key_rotation") == terraform.property(*key, "EnableKeyRotation"));
    const StackResource* trail = module.stack.find("aws_cloudtrail.t");
    REQUIRE(trail);
    const std::vector<const Value*> selectors = terraform.items(trail->body, "EventSelectors", "event_selector");
    REQUIRE(selectors.size() == 2);
    CHECK(terraform.member(*selectors[1], "ReadWriteType")->scalar == "ReadOnly");

    const Value root = yaml("Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n");
    const Stack stack = cloudformation_stack(root, "template.yaml");
    const StackReader cloudformation(stack);
    const StackResource* cfn_key = stack.find("Key");
    REQUIRE(cfn_key);
    REQUIRE(cloudformation.property(*cfn_key, "EnableKeyRotation"));
    CHECK(cloudformation.property(*cfn_key, "EnableKeyRotation")->scalar == "false");
    CHECK(cloudformation.spelling("EnableKeyRotation") == "EnableKeyRotation");
    CHECK(terraform.spelling("EnableKeyRotation") == "enable_key_rotation");
}
