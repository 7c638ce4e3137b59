// The tricky parts of the Secrets Manager and KMS hygiene checks (src/checks/secrets_manager/, kms/ and support/): the longest gap of
// rate() and cron() rotation schedules, the spellings of the AWS-managed key, dynamic references and
// where a secret value comes from, and action patterns covering kms:Decrypt. The checks themselves are
// tested on fixtures/hygiene/secrets by tests/e2e/run_hygiene_secrets.py.
#include <catch2/catch.hpp>

#include "checks/support/kms_key_reference.hpp"
#include "checks/support/resource_policy_facts.hpp"
#include "checks/support/rotation_schedule.hpp"
#include "checks/support/secret_value_source.hpp"
#include "infra/stack.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/yaml_reader.hpp"

using namespace keylint;

namespace {

long gap(std::string_view expression) {
    const ScheduleGap result = schedule_gap(expression);
    INFO(expression << ": " << result.problem);
    REQUIRE(result.readable);
    CHECK_FALSE(result.stops);
    return result.days;
}

std::string problem(std::string_view expression) {
    const ScheduleGap result = schedule_gap(expression);
    CHECK_FALSE(result.readable);
    return result.problem;
}

}  // namespace

TEST_CASE("rate() schedules: days, and hours rounded up to whole days", "[hygiene]") {
    CHECK(gap("rate(30 days)") == 30);
    CHECK(gap("rate(1 day)") == 1);
    CHECK(gap("rate(12 hours)") == 1);
    CHECK(gap("rate(2400 hours)") == 100);
    CHECK(gap("rate(2401 hours)") == 101);
    CHECK(gap("  RATE( 91 Days )") == 91);
    CHECK(problem("rate(30 weeks)") == "unit 'weeks' (Secrets Manager accepts days or hours)");
    CHECK(problem("rate(-3 days)") == "'-3' is not a positive whole number");
    CHECK(problem("rate(30)") == "expected rate(N days) or rate(N hours)");
}

TEST_CASE("cron() schedules: the longest gap between days the expression fires", "[hygiene]") {
    CHECK(gap("cron(0 8 1 * ? *)") == 31);            // monthly: December 1 to January 1
    CHECK(gap("cron(0 8 15 * ? *)") == 31);
    CHECK(gap("cron(0 8 * * ? *)") == 1);             // daily
    CHECK(gap("cron(0 4 ? * MON *)") == 7);           // weekly
    CHECK(gap("cron(0 4 ? * MON-FRI *)") == 3);       // Friday to Monday
    CHECK(gap("cron(0 4 ? * 2,4,6 *)") == 3);         // Monday, Wednesday, Friday (1 = Sunday)
    CHECK(gap("cron(0 8 1 1,7 ? *)") == 184);         // July 1 to January 1
    CHECK(gap("cron(0 8 1 JAN,JUL ? *)") == 184);
    CHECK(gap("cron(0 8 1 */3 ? *)") == 92);          // quarterly: July 1 to October 1
    CHECK(gap("cron(0 6 L 1/3 ? *)") == 92);          // last days of Jan, Apr, Jul, Oct: April 30 to July 31
    CHECK(gap("cron(0 8 31 * ? *)") == 61);           // only months with 31 days: August 31 to October 31
    CHECK(gap("cron(0 8 29 2 ? *)") == 1461);         // February 29: every fourth year (2100 is outside the cycle)
    CHECK(gap("cron(0 0 ? * MON#1 *)") == 35);        // first Monday of each month
    CHECK(gap("cron(0 0 ? * 6L *)") == 35);           // last Friday of each month
    CHECK(gap("cron(0 0 LW * ? *)") == 33);           // last weekday of each month
    CHECK(gap("cron(0 0 1W * ? *)") == 33);           // the weekday nearest the 1st
    CHECK(gap("cron(0 0 1-7 * ? *)") == 25);          // the first week of each month: 7th to the next 1st
}

TEST_CASE("cron() with named years stops; unreadable expressions say why", "[hygiene]") {
    const ScheduleGap until = schedule_gap("cron(0 6 1 * ? 2026-2027)");
    CHECK(until.readable);
    CHECK(until.stops);
    CHECK(problem("cron(0 8 1 * *)") == "expected six fields: minutes hours day-of-month month day-of-week year");
    CHECK(problem("cron(0 8 1 * MON *)") == "exactly one of day-of-month and day-of-week must be '?'");
    CHECK(problem("cron(0 8 ? * ? *)") == "exactly one of day-of-month and day-of-week must be '?'");
    CHECK(problem("cron(0 8 32 * ? *)") == "cannot read the day field '32'");
    CHECK(problem("cron(0 8 1 13 ? *)") == "cannot read the month field '13'");
    CHECK(problem("cron(0 8 30 2 ? *)") == "it never fires");
    CHECK(problem("every now and then") == "expected rate(...) or cron(...)");
    CHECK(problem("at(2026-01-01T00:00:00)") == "expected rate(...) or cron(...)");
    CHECK(problem("cron(0 8 1/0 * ? *)") == "cannot read the day field '1/0'");
}

TEST_CASE("the AWS-managed key in its spellings", "[hygiene]") {
    CHECK(names_aws_managed_key("alias/aws/secretsmanager"));
    CHECK(names_aws_managed_key("Alias/AWS/SecretsManager"));
    CHECK(names_aws_managed_key("arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager"));
    CHECK(names_aws_managed_key("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/secretsmanager"));
    CHECK(names_aws_managed_key("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/secretsmanager"));
    CHECK(names_aws_managed_key("alias/aws/ssm"));  // another service's AWS-managed key
    CHECK_FALSE(names_aws_managed_key("alias/aws/"));
    CHECK_FALSE(names_aws_managed_key("alias/app-secrets"));
    CHECK_FALSE(names_aws_managed_key("alias/awsome/secretsmanager"));
    CHECK_FALSE(names_aws_managed_key("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
    CHECK_FALSE(names_aws_managed_key("arn:aws:kms:us-east-1:111122223333:alias/app/aws/secretsmanager"));
}

TEST_CASE("a secret's key: no key, the AWS-managed alias, a key of the stack, an unknown parameter", "[hygiene]") {
    const std::string text = R"(Parameters:
  KeyArn:
    Type: String
Conditions:
  Prod: !Equals [a, b]
Resources:
  Key:
    Type: AWS::KMS::Key
  Alias:
    Type: AWS::KMS::Alias
    Properties:
      AliasName: alias/app
      TargetKeyId: !Ref Key
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !If [Prod, !Ref Alias, !Sub "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/secretsmanager"]
      Other: !Ref KeyArn
)";
    ParseResult parsed = read_yaml(SourceText("t.yaml", text));
    REQUIRE(parsed.root);
    const Stack stack = cloudformation_stack(*parsed.root, "t.yaml");
    const StackReader reader(stack);
    const StackResource& secret = *stack.find("Secret");
    const std::vector<KeyChoice> choices = judge_kms_key(reader, secret.property("KmsKeyId"));
    REQUIRE(choices.size() == 2);
    CHECK(choices[0].kind == KeyChoice::Kind::customer_managed);
    REQUIRE(choices[0].key);
    CHECK(choices[0].key->address == "Key");  // through the alias
    CHECK(choices[1].kind == KeyChoice::Kind::aws_managed);
    const std::vector<KeyChoice> unknown = judge_kms_key(reader, secret.property("Other"));
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].kind == KeyChoice::Kind::unknown);
    CHECK(unknown[0].text == "Ref KeyArn (a parameter without a default)");
    const std::vector<KeyChoice> none = judge_kms_key(reader, nullptr);
    REQUIRE(none.size() == 1);
    CHECK(none[0].kind == KeyChoice::Kind::aws_managed);
    CHECK(keys_used_by_secrets(reader).size() == 1);
}

TEST_CASE("dynamic references are recognised anywhere in a value", "[hygiene]") {
    CHECK(is_dynamic_reference("{{resolve:secretsmanager:db:SecretString:password}}"));
    CHECK(is_dynamic_reference("{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf}}"));
    CHECK(is_dynamic_reference("{{resolve:ssm-secure:/app/password:3}}"));
    CHECK(is_dynamic_reference("{{resolve:ssm:/app/name}}"));
    CHECK(is_dynamic_reference(R"({"password": "{{resolve:secretsmanager:db:SecretString:password}}"})"));
    CHECK_FALSE(is_dynamic_reference("{{resolve:s3:bucket/key}}"));
    CHECK_FALSE(is_dynamic_reference("resolve:secretsmanager:db"));
    CHECK_FALSE(is_dynamic_reference("{resolve:secretsmanager:db}"));
}

TEST_CASE("where a CloudFormation secret value comes from", "[hygiene]") {
    const std::string text = R"(Parameters:
  Hidden: {Type: String, NoEcho: true}
  HiddenWithDefault: {Type: String, NoEcho: "true", Default: "Winter2024!"}
  Shown: {Type: String}
Resources:
  Other:
    Type: AWS::RDS::DBInstance
  S:
    Type: AWS::SecretsManager::Secret
    Properties:
      Literal: "hunter2-Plaintext"
      Dynamic: "{{resolve:secretsmanager:db:SecretString:password}}"
      Hidden: !Ref Hidden
      Defaulted: !Ref HiddenWithDefault
      Shown: !Ref Shown
      Labelled: !Sub '{"username": "app", "password": "${Hidden}"}'
      SubShown: !Sub ["${Pw}", {Pw: !Ref Shown}]
      SubLiteral: !Sub "pw-${AWS::Region}"
      Attribute: !GetAtt Other.Endpoint.Address
      Joined: !Join ["", ["user:", !Ref Shown]]
      Imported: !ImportValue SharedPassword
)";
    ParseResult parsed = read_yaml(SourceText("t.yaml", text));
    REQUIRE(parsed.root);
    const Stack stack = cloudformation_stack(*parsed.root, "t.yaml");
    const StackReader reader(stack);
    const StackResource& secret = *stack.find("S");
    auto reason = [&](const char* key) { return plaintext_reason(reader, *secret.property(key)); };
    CHECK(reason("Literal") == "it is a literal written in the template");
    CHECK(reason("Dynamic").empty());
    CHECK(reason("Hidden").empty());
    CHECK(reason("Defaulted") == "parameter HiddenWithDefault has a Default, which is written in the template");
    CHECK(reason("Shown") == "parameter Shown is not NoEcho, so its value shows in the console and describe-stacks");
    CHECK(reason("Labelled").empty());
    CHECK(reason("SubShown") == reason("Shown"));
    CHECK(reason("SubLiteral") == "it is a literal written in the template");
    CHECK(reason("Attribute").empty());
    CHECK(reason("Joined") == reason("Shown"));
    CHECK(reason("Imported").empty());
}

TEST_CASE("where a Terraform secret value comes from", "[hygiene]") {
    const SourceText source("m/main.tf", R"(variable "hidden" {
  sensitive = true
}
variable "shown" {}
variable "defaulted" {
  sensitive = true
  default   = "Winter2024!"
}
locals {
  via_local = var.shown
}
resource "aws_secretsmanager_secret_version" "v" {
  literal      = "hunter2-Plaintext"
  hidden       = var.hidden
  interpolated = "${var.hidden}"
  shown        = var.shown
  defaulted    = "prefix-${var.defaulted}"
  local        = local.via_local
  generated    = random_password.db.result
  labelled     = jsonencode({ username = "app", password = random_password.db.result })
  mixed        = jsonencode({ username = "app", password = var.shown })
  all_literal  = jsonencode({ username = "app", password = "hunter2-Plaintext" })
}
)");
    ParseResult parsed = read_hcl(source);
    REQUIRE(parsed.root);
    const Stack stack = terraform_stack({{&source, &*parsed.root}}, "m");
    const StackReader reader(stack);
    const StackResource& version = *stack.find("aws_secretsmanager_secret_version.v");
    auto reason = [&](const char* key) { return plaintext_reason(reader, *version.property(key)); };
    const std::string shown = "variable shown is not marked sensitive = true, so its value shows in plans and logs";
    CHECK(reason("literal") == "it is a literal written in the module");
    CHECK(reason("hidden").empty());
    CHECK(reason("interpolated").empty());
    CHECK(reason("shown") == shown);
    CHECK(reason("defaulted") == "variable defaulted has a default, which is written in the module");
    CHECK(reason("local") == shown);
    CHECK(reason("generated").empty());
    CHECK(reason("labelled").empty());
    CHECK(reason("mixed") == shown);
    CHECK(reason("all_literal") == "it is a literal written in the module");
}

TEST_CASE("action patterns that cover kms:Decrypt, and conditions that restrict a wildcard principal", "[hygiene]") {
    CHECK(action_covers("kms:Decrypt", "kms:Decrypt"));
    CHECK(action_covers("KMS:decrypt", "kms:Decrypt"));
    CHECK(action_covers("kms:*", "kms:Decrypt"));
    CHECK(action_covers("kms:De*", "kms:Decrypt"));
    CHECK(action_covers("*", "kms:Decrypt"));
    CHECK(action_covers("kms:?ecrypt", "kms:Decrypt"));
    CHECK(action_covers("*:*crypt", "kms:Decrypt"));
    CHECK_FALSE(action_covers("kms:Encrypt", "kms:Decrypt"));
    CHECK_FALSE(action_covers("kms:Decrypt?", "kms:Decrypt"));
    CHECK_FALSE(action_covers("s3:*", "kms:Decrypt"));
    CHECK_FALSE(action_covers(std::string(64, '*') + "x", "kms:Decrypt"));
}
