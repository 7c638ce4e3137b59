#!/usr/bin/env python3
"""Writes the policy benchmark corpus: Terraform modules and CloudFormation templates (JSON and
YAML) that look like a company's infrastructure code, with IAM policies in every form keylint and
Checkov read, next to ordinary resources (VPCs, subnets, functions, buckets, tables, queues).

Policies mix good practice (scoped actions and resources, conditions, deny statements) with the
usual mistakes: `*` on `*`, `NotAction` with `*`, `iam:PassRole` on every role, service wildcards,
public resource policies, key policies open to any principal, secrets without rotation or a
customer key, and now and then a misspelt action. Each Terraform project has a live/ root module
that calls its components with a local source once per environment (for_each), and the modules
build names and tags with functions (format, merge, lower).

The output depends only on the seed and the file count, so two runs give identical trees.
usage: bench/policy-corpus.py OUT_DIR [--files N] [--seed S]
"""
import argparse
import json
import os
import random
import re
import shutil

# ---------------------------------------------------------------------------------------------
# Value types shared by the renderers.


class Raw:
    """A Terraform expression written as is (a reference, a function call)."""

    def __init__(self, text):
        self.text = text


class Tag:
    """A CloudFormation intrinsic function: name is the short form without `!`."""

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def long_form(self):
        if self.name == "Ref":
            return {"Ref": self.value}
        if self.name == "GetAtt":
            resource, attribute = self.value.split(".", 1)
            return {"Fn::GetAtt": [resource, attribute]}
        return {"Fn::" + self.name: self.value}


ACCOUNT_IDS = ["123456789012", "210987654321", "444455556666", "777788889999", "135792468024"]
REGIONS = ["us-east-1", "eu-west-1", "eu-central-1", "us-west-2", "ap-southeast-2"]
TEAMS = ["payments", "identity", "search", "platform", "data", "billing", "growth", "mobile", "ml",
         "observability", "checkout", "catalog", "ledger", "notifications", "reporting", "edge"]
COMPONENTS = ["api", "worker", "ingest", "export", "scheduler", "gateway", "etl", "web", "batch",
              "stream", "auth", "audit", "cache", "sync", "backup", "webhooks"]

# Real IAM actions by how risky they are when left unscoped.
READ_ACTIONS = [
    "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "dynamodb:GetItem", "dynamodb:Query",
    "dynamodb:Scan", "dynamodb:BatchGetItem", "sqs:ReceiveMessage", "sqs:GetQueueAttributes",
    "sns:ListTopics", "logs:DescribeLogGroups", "cloudwatch:GetMetricData", "ec2:DescribeInstances",
    "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ssm:GetParameter", "ssm:GetParametersByPath",
    "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "kms:Decrypt",
    "kms:DescribeKey", "lambda:GetFunction", "ecr:GetAuthorizationToken", "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer", "xray:GetSamplingRules", "rds:DescribeDBInstances",
]
WRITE_ACTIONS = [
    "s3:PutObject", "s3:DeleteObject", "dynamodb:PutItem", "dynamodb:UpdateItem",
    "dynamodb:DeleteItem", "sqs:SendMessage", "sqs:DeleteMessage", "sns:Publish",
    "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "cloudwatch:PutMetricData",
    "kms:Encrypt", "kms:GenerateDataKey", "lambda:InvokeFunction", "xray:PutTraceSegments",
    "xray:PutTelemetryRecords", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
    "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret", "ssm:PutParameter",
]
RISKY_ACTIONS = [
    "iam:PassRole", "iam:CreateAccessKey", "iam:AttachRolePolicy", "iam:PutRolePolicy",
    "iam:CreatePolicyVersion", "iam:UpdateAssumeRolePolicy", "iam:CreateLoginProfile",
    "sts:AssumeRole", "secretsmanager:DeleteSecret", "kms:ScheduleKeyDeletion", "kms:PutKeyPolicy",
    "s3:PutBucketPolicy", "lambda:UpdateFunctionCode", "lambda:CreateFunction",
    "ec2:RunInstances", "iam:AttachUserPolicy",
]
SERVICE_WILDCARDS = ["s3:*", "dynamodb:*", "sqs:*", "sns:*", "logs:*", "kms:*", "secretsmanager:*",
                     "iam:*", "ec2:*", "lambda:*", "ssm:*", "cloudwatch:*", "s3:Get*", "s3:List*",
                     "dynamodb:Get*", "iam:Get*", "ec2:Describe*", "kms:*Key*"]
# Misspellings and wrong prefixes as people write them.
MISSPELT_ACTIONS = ["s3:GetObjects", "secretmanager:GetSecretValue", "dynamodb:Scans",
                    "kms:Decript", "sqs:RecieveMessage", "lambda:InvokeFunctions", "ec2:DescribeInstance"]
SERVICE_PRINCIPALS = ["lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
                      "states.amazonaws.com", "events.amazonaws.com", "codebuild.amazonaws.com",
                      "glue.amazonaws.com", "apigateway.amazonaws.com"]


def slug(rng, words):
    return "-".join(rng.sample(words, 2))


def camel(name):
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_ ]", name))


def snake(name):
    return name.replace("-", "_")


# ---------------------------------------------------------------------------------------------
# Policies in the abstract: statements are dicts with IAM's own keys; values are strings, lists,
# Raw (Terraform) or Tag (CloudFormation). `refs` turns a kind of resource into the dialect's
# reference to it.


class TerraformRefs:
    dialect = "tf"

    def __init__(self, rng, names, variables):
        self.rng, self.names, self.variables = rng, names, variables

    def bucket(self, name):
        return Raw(f"aws_s3_bucket.{snake(name)}.arn")

    def bucket_objects(self, name):
        return "${aws_s3_bucket.%s.arn}/*" % snake(name)

    def table(self, name):
        return Raw(f"aws_dynamodb_table.{snake(name)}.arn")

    def queue(self, name):
        return Raw(f"aws_sqs_queue.{snake(name)}.arn")

    def secret(self, name):
        return Raw(f"aws_secretsmanager_secret.{snake(name)}.arn")

    def key(self, name):
        return Raw(f"aws_kms_key.{snake(name)}.arn")

    def role(self, name):
        return Raw(f"aws_iam_role.{snake(name)}.arn")

    def logs(self, name):
        return ("arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}"
                f":log-group:/aws/lambda/{name}*")

    def parameters(self, name):
        return f"arn:aws:ssm:${{var.region}}:${{data.aws_caller_identity.current.account_id}}:parameter/{name}/*"

    def variable(self, name):
        self.variables.append((name, "list(string)", "Resources the service may touch"))
        return Raw(f"var.{name}")

    def account_root(self):
        return "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"

    def user_path(self):
        # IAM policy variables are escaped in Terraform strings.
        return "arn:aws:s3:::home-bucket/users/$${aws:username}/*"


class CloudFormationRefs:
    dialect = "cfn"

    def __init__(self, rng, names):
        self.rng, self.names = rng, names

    def bucket(self, name):
        return Tag("GetAtt", f"{camel(name)}.Arn")

    def bucket_objects(self, name):
        if self.rng.random() < 0.5:
            return Tag("Sub", "${%s.Arn}/*" % camel(name))
        return Tag("Join", ["", ["arn:aws:s3:::", Tag("Ref", camel(name)), "/*"]])

    def table(self, name):
        return Tag("GetAtt", f"{camel(name)}.Arn")

    def queue(self, name):
        return Tag("GetAtt", f"{camel(name)}.Arn")

    def secret(self, name):
        return Tag("Ref", camel(name))

    def key(self, name):
        return Tag("GetAtt", f"{camel(name)}.Arn")

    def role(self, name):
        return Tag("GetAtt", f"{camel(name)}.Arn")

    def logs(self, name):
        return Tag("Sub", "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}"
                          f":log-group:/aws/lambda/{name}*")

    def parameters(self, name):
        return Tag("Sub", f"arn:${{AWS::Partition}}:ssm:${{AWS::Region}}:${{AWS::AccountId}}:parameter/{name}/*")

    def variable(self, name):
        return Tag("ImportValue", camel(name))

    def account_root(self):
        return Tag("Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root")

    def user_path(self):
        return Tag("Sub", "arn:${AWS::Partition}:s3:::home-bucket/users/${!aws:username}/*")


def one_or_list(rng, values):
    return values[0] if len(values) == 1 and rng.random() < 0.6 else values


def scoped_resource(rng, refs, pools):
    """A reference to one of the module's (or template's) own resources, by kind."""
    kind = rng.choice([kind for kind, names in pools.items() if names])
    return getattr(refs, kind)(rng.choice(pools[kind]))


def identity_statement(rng, refs, pools, badness):
    """One statement of an identity policy. badness in [0, 1): the lower, the worse."""
    statement = {}
    if rng.random() < 0.45:
        statement["Sid"] = camel(rng.choice(["read", "write", "manage", "logs", "decrypt", "invoke", "admin",
                                             "pass", "data", "queue", "deploy"])) + str(rng.randint(1, 9))
    statement["Effect"] = "Deny" if rng.random() < 0.05 else "Allow"
    if badness < 0.03:
        statement["Action"], statement["Resource"] = "*", "*"
    elif badness < 0.05:
        statement["NotAction"] = one_or_list(rng, rng.sample(["iam:*", "organizations:*", "account:*"], rng.randint(1, 2)))
        statement["Resource"] = "*"
    elif badness < 0.09:
        statement["Action"], statement["Resource"] = "iam:PassRole", "*"
    elif badness < 0.16:
        statement["Action"] = one_or_list(rng, rng.sample(SERVICE_WILDCARDS, rng.randint(1, 3)))
        statement["Resource"] = "*"
    elif badness < 0.22:
        statement["Action"] = one_or_list(rng, rng.sample(RISKY_ACTIONS, rng.randint(1, 3)))
        statement["Resource"] = "*"
    elif badness < 0.30:
        statement["Action"] = one_or_list(rng, rng.sample(WRITE_ACTIONS + READ_ACTIONS, rng.randint(1, 4)))
        statement["Resource"] = "*"
    elif badness < 0.32:
        statement["Action"] = [rng.choice(MISSPELT_ACTIONS)] + rng.sample(READ_ACTIONS, 1)
        statement["Resource"] = scoped_resource(rng, refs, pools)
    elif badness < 0.34:
        statement["Action"] = "*"
        statement["Resource"] = refs.variable(rng.choice(["resource_arns", "shared_resources", "target_arn"]))
    elif badness < 0.36:
        statement["Action"] = ["s3:GetObject", "s3:PutObject"]
        statement["Resource"] = refs.user_path()
    else:
        actions = rng.sample(READ_ACTIONS + WRITE_ACTIONS, rng.randint(1, 6))
        statement["Action"] = one_or_list(rng, actions)
        resources = [scoped_resource(rng, refs, pools) for _ in range(rng.randint(1, 3))]
        statement["Resource"] = one_or_list(rng, resources)
    if rng.random() < 0.15:
        statement["Condition"] = rng.choice([
            {"StringEquals": {"aws:RequestedRegion": rng.choice(REGIONS)}},
            {"Bool": {"aws:SecureTransport": "true"}},
            {"StringLike": {"s3:prefix": ["home/", "reports/*"]}},
            {"StringEquals": {"aws:PrincipalTag/team": rng.choice(TEAMS)}},
            {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]}},
        ])
    return statement


def identity_policy(rng, refs, pools, badness):
    count = rng.randint(1, 5)
    statements = [identity_statement(rng, refs, pools, badness if i == 0 else rng.random()) for i in range(count)]
    rng.shuffle(statements)
    return {"Version": "2012-10-17", "Statement": statements}


def trust_policy(rng, refs):
    statement = {"Effect": "Allow"}
    roll = rng.random()
    if roll < 0.75:
        statement["Principal"] = {"Service": rng.choice(SERVICE_PRINCIPALS)}
        statement["Action"] = "sts:AssumeRole"
    elif roll < 0.9:
        statement["Principal"] = {"AWS": f"arn:aws:iam::{rng.choice(ACCOUNT_IDS)}:root"}
        statement["Action"] = "sts:AssumeRole"
        if rng.random() < 0.6:
            statement["Condition"] = {"StringEquals": {"sts:ExternalId": f"ext-{rng.randint(1000, 9999)}"}}
    elif roll < 0.95:
        statement["Principal"] = {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}
        statement["Action"] = "sts:AssumeRoleWithWebIdentity"
        statement["Condition"] = {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:example/*"}}
    else:
        statement["Principal"] = {"AWS": "*"}
        statement["Action"] = "sts:AssumeRole"
    return {"Version": "2012-10-17", "Statement": [statement]}


def secret_resource_policy(rng, refs, badness):
    statement = {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}
    if badness < 0.15:
        statement["Principal"] = {"AWS": "*"}
    elif badness < 0.25:
        statement["Principal"] = "*"
        statement["Action"] = "secretsmanager:*"
    else:
        statement["Principal"] = {"AWS": f"arn:aws:iam::{rng.choice(ACCOUNT_IDS)}:root"}
    statements = [statement]
    if rng.random() < 0.4:
        statements.append({"Sid": "DenyOtherAccounts", "Effect": "Deny", "Principal": "*",
                           "Action": "secretsmanager:*", "Resource": "*",
                           "Condition": {"StringNotEquals": {"aws:PrincipalAccount": rng.choice(ACCOUNT_IDS)}}})
    return {"Version": "2012-10-17", "Statement": statements}


def key_policy(rng, refs, badness):
    statements = [{"Sid": "EnableRootPermissions", "Effect": "Allow", "Principal": {"AWS": refs.account_root()},
                   "Action": "kms:*", "Resource": "*"}]
    if badness < 0.15:
        statements.append({"Sid": "AllowEveryone", "Effect": "Allow", "Principal": {"AWS": "*"},
                           "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"})
    elif badness < 0.5:
        statements.append({"Sid": "AllowService", "Effect": "Allow",
                           "Principal": {"Service": rng.choice(["logs.amazonaws.com", "sns.amazonaws.com", "s3.amazonaws.com"])},
                           "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*"})
    return {"Version": "2012-10-17", "Statement": statements}


def bucket_policy(rng, refs, bucket, badness):
    statements = []
    if rng.random() < 0.6:
        statements.append({"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                           "Resource": [refs.bucket(bucket), refs.bucket_objects(bucket)],
                           "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
    if badness < 0.2:
        statements.append({"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                           "Resource": refs.bucket_objects(bucket)})
    elif badness < 0.3:
        statements.append({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*",
                           "Resource": [refs.bucket(bucket), refs.bucket_objects(bucket)]})
    else:
        statements.append({"Sid": "CrossAccountRead", "Effect": "Allow",
                           "Principal": {"AWS": f"arn:aws:iam::{rng.choice(ACCOUNT_IDS)}:root"},
                           "Action": ["s3:GetObject", "s3:ListBucket"],
                           "Resource": [refs.bucket(bucket), refs.bucket_objects(bucket)]})
    return {"Version": "2012-10-17", "Statement": statements}


# ---------------------------------------------------------------------------------------------
# Terraform.


def hcl_key(key):
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key) else json.dumps(key)


def hcl_value(value, indent):
    pad = "  " * indent
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        items = [hcl_value(item, indent + 1) for item in value]
        if sum(len(item) for item in items) < 70 and all("\n" not in item for item in items):
            return "[" + ", ".join(items) + "]"
        return "[\n" + "".join(f"{pad}  {item},\n" for item in items) + pad + "]"
    if isinstance(value, dict):
        width = max(len(hcl_key(key)) for key in value)
        lines = [f"{pad}  {hcl_key(key).ljust(width)} = {hcl_value(item, indent + 1)}" for key, item in value.items()]
        return "{\n" + "\n".join(lines) + "\n" + pad + "}"
    raise TypeError(value)


def heredoc_json(value):
    """JSON text for a heredoc: Terraform references become interpolations inside strings."""

    def plain(item):
        if isinstance(item, Raw):
            return "${" + item.text + "}"
        if isinstance(item, list):
            return [plain(x) for x in item]
        if isinstance(item, dict):
            return {k: plain(v) for k, v in item.items()}
        return item

    return json.dumps(plain(value), indent=2)


class TerraformFile:
    def __init__(self):
        self.blocks = []

    def block(self, header, body):
        body = body.rstrip("\n")
        self.blocks.append(header + (" {\n" + body + "\n}\n" if body else " {}\n"))

    def text(self):
        return "\n".join(self.blocks)


def attributes(pairs, indent=1):
    pad = "  " * indent
    width = max(len(key) for key, _ in pairs)
    return "".join(f"{pad}{key.ljust(width)} = {hcl_value(value, indent)}\n" for key, value in pairs)


def tags_block(rng, team, component):
    return {"Team": team, "Component": component, "ManagedBy": "terraform",
            "Environment": rng.choice(["prod", "staging", "dev"])}


def policy_expression(rng, policy, indent=1):
    """A policy as jsonencode({...}) or as a heredoc, as people write both."""
    if rng.random() < 0.7:
        return Raw("jsonencode(" + hcl_value(policy, indent) + ")")
    pad = "  " * indent
    body = "\n".join(pad + "  " + line for line in heredoc_json(policy).splitlines())
    return Raw("<<-EOT\n" + body + "\n" + pad + "EOT")


def policy_document_block(rng, name, policy):
    lines = []
    for statement in policy["Statement"]:
        body = []
        if "Sid" in statement:
            body.append(("sid", statement["Sid"]))
        if statement.get("Effect", "Allow") != "Allow" or rng.random() < 0.3:
            body.append(("effect", statement["Effect"]))
        for key, attr in (("Action", "actions"), ("NotAction", "not_actions"), ("Resource", "resources"),
                          ("NotResource", "not_resources")):
            if key in statement:
                value = statement[key]
                body.append((attr, value if isinstance(value, list) else [value]))
        text = "  statement {\n" + attributes(body, 2)
        principal = statement.get("Principal")
        if principal is not None:
            items = [("AWS", "*")] if principal == "*" else list(principal.items())
            for kind, identifiers in items:
                ids = identifiers if isinstance(identifiers, list) else [identifiers]
                text += "\n    principals {\n" + attributes([("type", kind), ("identifiers", ids)], 3) + "    }\n"
        for test, variables in statement.get("Condition", {}).items():
            for variable, values in variables.items():
                vals = values if isinstance(values, list) else [values]
                text += "\n    condition {\n" + attributes([("test", test), ("variable", variable), ("values", vals)], 3) + "    }\n"
        lines.append(text + "  }\n")
    return f'data "aws_iam_policy_document" "{name}"', "\n".join(lines)


class TerraformModule:
    """One directory: main.tf with the plain resources, iam.tf, secrets.tf, variables.tf, …"""

    def __init__(self, rng, team, component):
        self.rng, self.team, self.component = rng, team, component
        self.prefix = f"{team}-{component}"
        self.files = {}
        self.buckets, self.tables, self.queues, self.secrets, self.keys, self.roles = [], [], [], [], [], []
        self.variables = [("region", "string", "AWS region to deploy into"),
                          ("environment", "string", "Deployment environment")]

    def pools(self):
        return {"bucket": self.buckets, "bucket_objects": self.buckets, "table": self.tables, "queue": self.queues,
                "secret": self.secrets, "key": self.keys, "logs": [self.prefix], "parameters": [self.component]}

    def file(self, name):
        return self.files.setdefault(name, TerraformFile())

    def network(self, tf):
        rng = self.rng
        cidr = f"10.{rng.randint(0, 250)}.0.0/16"
        tf.block('resource "aws_vpc" "main"', attributes([
            ("cidr_block", cidr), ("enable_dns_support", True), ("enable_dns_hostnames", True),
            ("tags", {"Name": f"{self.prefix}-vpc"})]))
        for zone in range(rng.randint(1, 3)):
            tf.block(f'resource "aws_subnet" "private_{zone}"', attributes([
                ("vpc_id", Raw("aws_vpc.main.id")), ("cidr_block", Raw(f'cidrsubnet(aws_vpc.main.cidr_block, 8, {zone})')),
                ("availability_zone", Raw(f"data.aws_availability_zones.available.names[{zone}]")),
                ("tags", {"Name": f"{self.prefix}-private-{zone}", "Tier": "private"})]))
        tf.block('resource "aws_security_group" "service"',
                 attributes([("name", f"{self.prefix}-sg"), ("description", f"Traffic for {self.prefix}"),
                             ("vpc_id", Raw("aws_vpc.main.id"))])
                 + "\n  ingress {\n" + attributes([("from_port", 443), ("to_port", 443), ("protocol", "tcp"),
                                                    ("cidr_blocks", [cidr])], 2) + "  }\n"
                 + "\n  egress {\n" + attributes([("from_port", 0), ("to_port", 0), ("protocol", "-1"),
                                                   ("cidr_blocks", ["0.0.0.0/0"])], 2) + "  }\n")
        tf.block('data "aws_availability_zones" "available"', attributes([("state", "available")]))

    def storage(self, tf):
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            name = f"{self.component}-{rng.choice(['data', 'artifacts', 'reports', 'uploads', 'logs', 'exports'])}"
            if name in self.buckets:
                continue
            self.buckets.append(name)
            tf.block(f'resource "aws_s3_bucket" "{snake(name)}"', attributes([
                ("bucket", Raw(f'"${{var.environment}}-{self.team}-{name}"')), ("tags", tags_block(rng, self.team, self.component))]))
            tf.block(f'resource "aws_s3_bucket_versioning" "{snake(name)}"',
                     attributes([("bucket", Raw(f"aws_s3_bucket.{snake(name)}.id"))])
                     + "  versioning_configuration {\n    status = \"Enabled\"\n  }\n")
            if rng.random() < 0.6:
                tf.block(f'resource "aws_s3_bucket_public_access_block" "{snake(name)}"', attributes([
                    ("bucket", Raw(f"aws_s3_bucket.{snake(name)}.id")), ("block_public_acls", True),
                    ("block_public_policy", True), ("ignore_public_acls", True), ("restrict_public_buckets", True)]))
        if rng.random() < 0.6:
            name = f"{self.component}-state"
            self.tables.append(name)
            tf.block(f'resource "aws_dynamodb_table" "{snake(name)}"',
                     attributes([("name", f"{self.prefix}-state"), ("billing_mode", "PAY_PER_REQUEST"), ("hash_key", "pk"),
                                 ("range_key", "sk")])
                     + "\n  attribute {\n    name = \"pk\"\n    type = \"S\"\n  }\n"
                     + "\n  attribute {\n    name = \"sk\"\n    type = \"S\"\n  }\n"
                     + "\n  point_in_time_recovery {\n    enabled = true\n  }\n")
        if rng.random() < 0.5:
            name = f"{self.component}-jobs"
            self.queues.append(name)
            tf.block(f'resource "aws_sqs_queue" "{snake(name)}"', attributes([
                ("name", f"{self.prefix}-jobs"), ("visibility_timeout_seconds", 300),
                ("message_retention_seconds", 1209600), ("sqs_managed_sse_enabled", True)]))

    def function(self, tf, role):
        rng = self.rng
        tf.block(f'resource "aws_cloudwatch_log_group" "{snake(self.component)}"', attributes([
            ("name", f"/aws/lambda/{self.prefix}"), ("retention_in_days", rng.choice([14, 30, 90, 365]))]))
        tf.block(f'resource "aws_lambda_function" "{snake(self.component)}"',
                 attributes([("function_name", self.prefix), ("role", Raw(f"aws_iam_role.{snake(role)}.arn")),
                             ("handler", "main.handler"), ("runtime", rng.choice(["python3.12", "nodejs20.x", "provided.al2023"])),
                             ("filename", Raw('"${path.module}/build/function.zip"')), ("timeout", rng.choice([10, 30, 60, 300])),
                             ("memory_size", rng.choice([128, 256, 512, 1024]))])
                 + "\n  environment {\n    variables = " + hcl_value({"TABLE": self.prefix, "LOG_LEVEL": "info"}, 2) + "\n  }\n"
                 + ("\n  vpc_config {\n" + attributes([("subnet_ids", [Raw("aws_subnet.private_0.id")]),
                                                        ("security_group_ids", [Raw("aws_security_group.service.id")])], 2)
                    + "  }\n" if self.has_network else ""))

    def iam(self, tf, documents):
        rng = self.rng
        refs = TerraformRefs(rng, self.pools(), self.variables)
        tf.block('data "aws_caller_identity" "current"', "")
        for index in range(rng.randint(1, 3)):
            role = f"{self.component}-{['service', 'task', 'deploy'][index]}"
            self.roles.append(role)
            trust = trust_policy(rng, refs)
            if rng.random() < 0.4:
                header, body = policy_document_block(rng, f"{snake(role)}_trust", trust)
                documents.block(header, body)
                assume = Raw(f"data.aws_iam_policy_document.{snake(role)}_trust.json")
            else:
                assume = policy_expression(rng, trust)
            body = attributes([("name", f"{self.prefix}-{index}"), ("assume_role_policy", assume)])
            if rng.random() < 0.25:
                body += ("\n  inline_policy {\n" + attributes([
                    ("name", "inline"), ("policy", policy_expression(rng, identity_policy(rng, refs, self.pools(), rng.random()), 2))], 2)
                    + "  }\n")
            body += attributes([("tags", tags_block(rng, self.team, self.component))])
            tf.block(f'resource "aws_iam_role" "{snake(role)}"', body)
            # Its permissions: a managed policy, an inline role policy or a policy document.
            policy = identity_policy(rng, refs, self.pools(), rng.random())
            style = rng.random()
            if style < 0.35:
                tf.block(f'resource "aws_iam_policy" "{snake(role)}"', attributes([
                    ("name", f"{self.prefix}-{index}-policy"), ("description", f"Permissions of {role}"),
                    ("policy", policy_expression(rng, policy))]))
                tf.block(f'resource "aws_iam_role_policy_attachment" "{snake(role)}"', attributes([
                    ("role", Raw(f"aws_iam_role.{snake(role)}.name")), ("policy_arn", Raw(f"aws_iam_policy.{snake(role)}.arn"))]))
            elif style < 0.6:
                tf.block(f'resource "aws_iam_role_policy" "{snake(role)}"', attributes([
                    ("name", "permissions"), ("role", Raw(f"aws_iam_role.{snake(role)}.id")),
                    ("policy", policy_expression(rng, policy))]))
            else:
                header, body = policy_document_block(rng, snake(role), policy)
                documents.block(header, body)
                tf.block(f'resource "aws_iam_policy" "{snake(role)}"', attributes([
                    ("name", f"{self.prefix}-{index}-policy"), ("policy", Raw(f"data.aws_iam_policy_document.{snake(role)}.json"))]))
                tf.block(f'resource "aws_iam_role_policy_attachment" "{snake(role)}"', attributes([
                    ("role", Raw(f"aws_iam_role.{snake(role)}.name")), ("policy_arn", Raw(f"aws_iam_policy.{snake(role)}.arn"))]))
            if rng.random() < 0.3:
                tf.block(f'resource "aws_iam_role_policy_attachment" "{snake(role)}_managed"', attributes([
                    ("role", Raw(f"aws_iam_role.{snake(role)}.name")),
                    ("policy_arn", rng.choice(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                                               "arn:aws:iam::aws:policy/ReadOnlyAccess",
                                               "arn:aws:iam::aws:policy/AdministratorAccess"]))]))
        if rng.random() < 0.2:
            kind = rng.choice(["user", "group"])
            tf.block(f'resource "aws_iam_{kind}" "ci"', attributes([("name", f"{self.prefix}-ci")]))
            tf.block(f'resource "aws_iam_{kind}_policy" "ci"', attributes([
                ("name", "ci"), (kind, Raw(f"aws_iam_{kind}.ci.name")),
                ("policy", policy_expression(rng, identity_policy(rng, refs, self.pools(), rng.random())))]))
        return self.roles[0]

    def secrets_and_keys(self, tf):
        rng = self.rng
        refs = TerraformRefs(rng, self.pools(), self.variables)
        key = None
        if rng.random() < 0.6:
            key = f"{self.component}-key"
            self.keys.append(key)
            tf.block(f'resource "aws_kms_key" "{snake(key)}"', attributes([
                ("description", f"Encrypts {self.prefix} data"), ("deletion_window_in_days", rng.choice([7, 14, 30])),
                ("enable_key_rotation", rng.random() < 0.7),
                ("policy", policy_expression(rng, key_policy(rng, refs, rng.random())))]))
            tf.block(f'resource "aws_kms_alias" "{snake(key)}"', attributes([
                ("name", f"alias/{self.prefix}"), ("target_key_id", Raw(f"aws_kms_key.{snake(key)}.key_id"))]))
        for _ in range(rng.randint(1, 3)):
            name = f"{self.component}-{rng.choice(['db', 'api-token', 'signing', 'oauth', 'smtp', 'webhook'])}"
            if name in self.secrets:
                continue
            self.secrets.append(name)
            written_name = (f'format("%s/%s/%s", var.environment, "{self.team}", "{name}")' if rng.random() < 0.5
                            else f'"${{var.environment}}/{self.team}/{name}"')
            pairs = [("name", Raw(written_name)), ("description", f"Credentials for {name}"),
                     ("recovery_window_in_days", rng.choice([0, 7, 30]))]
            if rng.random() < 0.5:
                pairs.append(("tags", Raw(f'merge(local.common_tags, {{ Secret = "{name}" }})')))
            if key and rng.random() < 0.7:
                pairs.append(("kms_key_id", Raw(f"aws_kms_key.{snake(key)}.arn")))
            tf.block(f'resource "aws_secretsmanager_secret" "{snake(name)}"', attributes(pairs))
            if rng.random() < 0.5:
                tf.block(f'resource "random_password" "{snake(name)}"', attributes([("length", 32), ("special", True)]))
                tf.block(f'resource "aws_secretsmanager_secret_version" "{snake(name)}"', attributes([
                    ("secret_id", Raw(f"aws_secretsmanager_secret.{snake(name)}.id")),
                    ("secret_string", Raw('jsonencode({ username = "app", password = random_password.%s.result })' % snake(name)))]))
            if rng.random() < 0.4:
                self.variables.append(("rotation_lambda_arn", "string", "Function that rotates the secrets"))
                tf.block(f'resource "aws_secretsmanager_secret_rotation" "{snake(name)}"',
                         attributes([("secret_id", Raw(f"aws_secretsmanager_secret.{snake(name)}.id")),
                                     ("rotation_lambda_arn", Raw("var.rotation_lambda_arn"))])
                         + "\n  rotation_rules {\n    automatically_after_days = " + str(rng.choice([30, 60, 90, 180])) + "\n  }\n")
            if rng.random() < 0.35:
                tf.block(f'resource "aws_secretsmanager_secret_policy" "{snake(name)}"', attributes([
                    ("secret_arn", Raw(f"aws_secretsmanager_secret.{snake(name)}.arn")),
                    ("policy", policy_expression(rng, secret_resource_policy(rng, refs, rng.random())))]))
        for bucket in self.buckets:
            if rng.random() < 0.4:
                tf.block(f'resource "aws_s3_bucket_policy" "{snake(bucket)}"', attributes([
                    ("bucket", Raw(f"aws_s3_bucket.{snake(bucket)}.id")),
                    ("policy", policy_expression(rng, bucket_policy(rng, refs, bucket, rng.random())))]))

    def write(self, directory, remote_modules):
        rng = self.rng
        main, iam, documents = self.file("main.tf"), TerraformFile(), TerraformFile()
        main.block("terraform", '  required_version = ">= 1.5"\n\n  required_providers {\n'
                   '    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n')
        main.block('provider "aws"', attributes([("region", Raw("var.region"))]))
        main.block("locals", attributes([("common_tags", Raw(
            f'merge({{ team = "{self.team}", component = "{self.component}" }}, {{ environment = lower(var.environment) }})'))]))
        self.has_network = rng.random() < 0.5
        if self.has_network:
            self.network(main)
        self.storage(main)
        if remote_modules and rng.random() < 0.05:
            main.block('module "vpc"', attributes([("source", "terraform-aws-modules/vpc/aws"), ("version", "5.8.1"),
                                                   ("name", f"{self.prefix}-vpc"), ("cidr", "10.10.0.0/16")]))
        secrets = TerraformFile()
        self.secrets_and_keys(secrets)
        role = self.iam(iam, documents)
        if rng.random() < 0.7:
            self.function(main, role)
        self.files["iam.tf"] = iam
        if documents.blocks:
            # Policy documents sit in their own file in about half the modules.
            if rng.random() < 0.5:
                self.files["policies.tf"] = documents
            else:
                iam.blocks.extend(documents.blocks)
        if secrets.blocks:
            self.files["secrets.tf"] = secrets
        variables = TerraformFile()
        for name, kind, description in dict((v[0], v) for v in self.variables).values():
            variables.block(f'variable "{name}"', attributes([("description", description), ("type", Raw(kind))]))
        self.files["variables.tf"] = variables
        outputs = TerraformFile()
        for role in self.roles:
            outputs.block(f'output "{snake(role)}_role_arn"', attributes([("value", Raw(f"aws_iam_role.{snake(role)}.arn"))]))
        for secret in self.secrets:
            outputs.block(f'output "{snake(secret)}_secret_arn"', attributes([("value", Raw(f"aws_secretsmanager_secret.{snake(secret)}.arn"))]))
        self.files["outputs.tf"] = outputs
        os.makedirs(directory, exist_ok=True)
        for name, tf in self.files.items():
            with open(os.path.join(directory, name), "w") as out:
                out.write(tf.text())
        return len(self.files)


# ---------------------------------------------------------------------------------------------
# CloudFormation.


def to_json_tree(value):
    if isinstance(value, Tag):
        long = value.long_form()
        return {k: to_json_tree(v) for k, v in long.items()}
    if isinstance(value, list):
        return [to_json_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json_tree(v) for k, v in value.items()}
    return value


YAML_PLAIN = re.compile(r"[A-Za-z/][A-Za-z0-9_.:/*@+-]*")
YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if YAML_PLAIN.fullmatch(value) and value.lower() not in YAML_WORDS and ": " not in value:
        return value
    return json.dumps(value)


def yaml_tag(tag):
    if isinstance(tag.value, str):
        plain = tag.name != "Sub" and YAML_PLAIN.fullmatch(tag.value)
        return f"!{tag.name} " + (tag.value if plain else json.dumps(tag.value))
    return f"!{tag.name} " + yaml_flow(tag.value)


def yaml_flow(value):
    if isinstance(value, Tag):
        return yaml_tag(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {yaml_flow(v)}" for k, v in value.items()) + "}"
    return json.dumps(value) if isinstance(value, str) else yaml_scalar(value)


def yaml_lines(value, indent, long_form):
    """Block-style YAML for a template: returns lines without a trailing newline."""
    pad = "  " * indent
    if isinstance(value, dict) and value:
        lines = []
        for key, item in value.items():
            if isinstance(item, Tag) and long_form:
                item = item.long_form()
            if isinstance(item, Tag):
                lines.append(f"{pad}{key}: {yaml_tag(item)}")
            elif isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(yaml_lines(item, indent + 1, long_form))
            else:
                lines.append(f"{pad}{key}: {yaml_scalar(item) if not isinstance(item, (dict, list)) else yaml_flow(item)}")
        return lines
    if isinstance(value, list) and value:
        lines = []
        for item in value:
            if isinstance(item, Tag) and long_form:
                item = item.long_form()
            if isinstance(item, dict) and item:
                inner = yaml_lines(item, indent + 1, long_form)
                inner[0] = pad + "- " + inner[0].lstrip()
                lines.extend(inner)
            elif isinstance(item, Tag):
                lines.append(pad + "- " + yaml_flow(item))
            elif isinstance(item, list):
                lines.append(pad + "- " + yaml_flow(item))
            else:
                lines.append(pad + "- " + yaml_scalar(item))
        return lines
    return [pad + yaml_flow(value)]


class Template:
    def __init__(self, rng, team, component):
        self.rng, self.team, self.component = rng, team, component
        self.prefix = f"{team}-{component}"
        self.parameters = {"Environment": {"Type": "String", "AllowedValues": ["prod", "staging", "dev"], "Default": "dev"}}
        self.resources, self.outputs = {}, {}
        self.buckets, self.tables, self.queues, self.secrets, self.keys, self.roles = [], [], [], [], [], []

    def pools(self):
        return {"bucket": self.buckets, "bucket_objects": self.buckets, "table": self.tables, "queue": self.queues,
                "secret": self.secrets, "key": self.keys, "logs": [self.prefix], "parameters": [self.component]}

    def add(self, name, kind, properties, **extra):
        self.resources[camel(name)] = {"Type": kind, **extra, "Properties": properties}

    def tags(self):
        return [{"Key": "Team", "Value": self.team}, {"Key": "Component", "Value": self.component},
                {"Key": "Environment", "Value": Tag("Ref", "Environment")}]

    def network(self):
        rng = self.rng
        self.add("vpc", "AWS::EC2::VPC", {"CidrBlock": f"10.{rng.randint(0, 250)}.0.0/16", "EnableDnsSupport": True,
                                          "EnableDnsHostnames": True, "Tags": self.tags()})
        for zone in range(rng.randint(1, 3)):
            self.add(f"private-subnet-{zone}", "AWS::EC2::Subnet", {
                "VpcId": Tag("Ref", "Vpc"), "CidrBlock": Tag("Select", [zone, Tag("Cidr", [Tag("GetAtt", "Vpc.CidrBlock"), 4, 8])]),
                "AvailabilityZone": Tag("Select", [zone, Tag("GetAZs", "")]), "Tags": self.tags()})
        self.add("service-security-group", "AWS::EC2::SecurityGroup", {
            "GroupDescription": f"Traffic for {self.prefix}", "VpcId": Tag("Ref", "Vpc"),
            "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8"}]})

    def storage(self):
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            name = f"{self.component}-{rng.choice(['data', 'artifacts', 'reports', 'uploads', 'exports'])}-bucket"
            if name in self.buckets:
                continue
            self.buckets.append(name)
            properties = {"BucketName": Tag("Sub", f"${{Environment}}-{self.team}-{name}"),
                          "VersioningConfiguration": {"Status": "Enabled"}, "Tags": self.tags()}
            if rng.random() < 0.6:
                properties["BucketEncryption"] = {"ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}
            if rng.random() < 0.6:
                properties["PublicAccessBlockConfiguration"] = {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                                                "IgnorePublicAcls": True, "RestrictPublicBuckets": True}
            self.add(name, "AWS::S3::Bucket", properties, DeletionPolicy="Retain")
        if rng.random() < 0.5:
            name = f"{self.component}-table"
            self.tables.append(name)
            self.add(name, "AWS::DynamoDB::Table", {
                "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}})
        if rng.random() < 0.5:
            name = f"{self.component}-queue"
            self.queues.append(name)
            self.add(name, "AWS::SQS::Queue", {"VisibilityTimeout": 300, "SqsManagedSseEnabled": True})

    def iam(self):
        rng = self.rng
        refs = CloudFormationRefs(rng, self.pools())
        for index in range(rng.randint(1, 2)):
            role = f"{self.component}-{['service', 'task', 'deploy'][index]}-role"
            self.roles.append(role)
            properties = {"AssumeRolePolicyDocument": trust_policy(rng, refs), "Path": "/"}
            if rng.random() < 0.3:
                properties["ManagedPolicyArns"] = [rng.choice([
                    Tag("Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                    "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"])]
            style = rng.random()
            if style < 0.5:
                properties["Policies"] = [{"PolicyName": f"{self.prefix}-{name}",
                                           "PolicyDocument": identity_policy(rng, refs, self.pools(), rng.random())}
                                          for name in rng.sample(["runtime", "data", "logs", "deploy"], rng.randint(1, 2))]
            self.add(role, "AWS::IAM::Role", properties)
            if style >= 0.5:
                kind = "AWS::IAM::ManagedPolicy" if style < 0.75 else "AWS::IAM::Policy"
                policy = {"PolicyDocument": identity_policy(rng, refs, self.pools(), rng.random()),
                          "Roles": [Tag("Ref", camel(role))]}
                if kind == "AWS::IAM::Policy":
                    policy = {"PolicyName": f"{self.prefix}-{index}", **policy}
                else:
                    policy = {"Description": f"Permissions of {role}", **policy}
                self.add(f"{role}-policy", kind, policy)
        if rng.random() < 0.15:
            self.add("ci-user", "AWS::IAM::User", {"Policies": [{"PolicyName": "ci", "PolicyDocument":
                                                                 identity_policy(rng, refs, self.pools(), rng.random())}]})

    def function(self):
        rng = self.rng
        role = camel(self.roles[0])
        self.add(f"{self.component}-function", "AWS::Lambda::Function", {
            "FunctionName": Tag("Sub", f"${{Environment}}-{self.prefix}"), "Role": Tag("GetAtt", f"{role}.Arn"),
            "Handler": "main.handler", "Runtime": rng.choice(["python3.12", "nodejs20.x"]),
            "Code": {"S3Bucket": Tag("ImportValue", "ArtifactBucket"), "S3Key": f"{self.prefix}/function.zip"},
            "Timeout": rng.choice([10, 30, 60]), "MemorySize": rng.choice([128, 256, 512]),
            "Environment": {"Variables": {"LOG_LEVEL": "info", "STAGE": Tag("Ref", "Environment")}}})
        self.add(f"{self.component}-log-group", "AWS::Logs::LogGroup", {
            "LogGroupName": Tag("Sub", f"/aws/lambda/${{Environment}}-{self.prefix}"), "RetentionInDays": rng.choice([14, 30, 90])})

    def secrets_and_keys(self):
        rng = self.rng
        refs = CloudFormationRefs(rng, self.pools())
        key = None
        if rng.random() < 0.6:
            key = f"{self.component}-key"
            self.keys.append(key)
            self.add(key, "AWS::KMS::Key", {"Description": f"Encrypts {self.prefix} data",
                                            "EnableKeyRotation": rng.random() < 0.7,
                                            "KeyPolicy": key_policy(rng, refs, rng.random())})
            self.add(f"{key}-alias", "AWS::KMS::Alias", {"AliasName": f"alias/{self.prefix}", "TargetKeyId": Tag("Ref", camel(key))})
        for _ in range(rng.randint(1, 2)):
            name = f"{self.component}-{rng.choice(['db', 'api-token', 'signing', 'oauth', 'smtp'])}-secret"
            if name in self.secrets:
                continue
            self.secrets.append(name)
            properties = {"Name": Tag("Sub", f"${{Environment}}/{self.team}/{name}"), "Description": f"Credentials for {name}",
                          "GenerateSecretString": {"SecretStringTemplate": '{"username": "app"}', "GenerateStringKey": "password",
                                                   "PasswordLength": 32, "ExcludeCharacters": "\"@/\\"}}
            if key and rng.random() < 0.7:
                properties["KmsKeyId"] = Tag("Ref", camel(key))
            self.add(name, "AWS::SecretsManager::Secret", properties)
            if rng.random() < 0.4:
                self.add(f"{name}-rotation", "AWS::SecretsManager::RotationSchedule", {
                    "SecretId": Tag("Ref", camel(name)), "RotationLambdaARN": Tag("ImportValue", "SecretRotationFunction"),
                    "RotationRules": {"AutomaticallyAfterDays": rng.choice([30, 60, 90, 180])}})
            if rng.random() < 0.35:
                self.add(f"{name}-policy", "AWS::SecretsManager::ResourcePolicy", {
                    "SecretId": Tag("Ref", camel(name)), "BlockPublicPolicy": rng.random() < 0.5,
                    "ResourcePolicy": secret_resource_policy(rng, refs, rng.random())})
        for bucket in self.buckets:
            if rng.random() < 0.4:
                self.add(f"{bucket}-policy", "AWS::S3::BucketPolicy", {
                    "Bucket": Tag("Ref", camel(bucket)), "PolicyDocument": bucket_policy(rng, refs, bucket, rng.random())})

    def build(self):
        rng = self.rng
        if rng.random() < 0.4:
            self.network()
        self.storage()
        self.secrets_and_keys()
        self.iam()
        if rng.random() < 0.6:
            self.function()
        for role in self.roles:
            self.outputs[f"{camel(role)}Arn"] = {"Value": Tag("GetAtt", f"{camel(role)}.Arn"),
                                                 "Export": {"Name": Tag("Sub", "${AWS::StackName}-" + camel(role))}}
        return {"AWSTemplateFormatVersion": "2010-09-09",
                "Description": f"{self.prefix}: {rng.choice(['service resources', 'data layer', 'permissions and secrets', 'runtime'])}",
                "Parameters": self.parameters, "Resources": self.resources, "Outputs": self.outputs}

    def write(self, path):
        template = self.build()
        with open(path, "w") as out:
            if path.endswith(".json"):
                json.dump(to_json_tree(template), out, indent=2 if self.rng.random() < 0.8 else 4)
                out.write("\n")
            else:
                long_form = self.rng.random() < 0.1
                sections = []
                for key, value in template.items():
                    if isinstance(value, dict):
                        sections.append("\n".join([f"{key}:"] + yaml_lines(value, 1, long_form)))
                    else:
                        sections.append(f"{key}: {yaml_scalar(value)}")
                out.write("\n\n".join(sections) + "\n")


def write_live_module(directory, components):
    """The project's root module: each component called once per environment, as teams lay out live/."""
    live = TerraformFile()
    live.block("locals", attributes([("environments", Raw('toset(["staging", "production"])'))]))
    for component in components:
        live.block(f'module "{snake(component)}"', attributes([
            ("source", f"../{component}"), ("for_each", Raw("local.environments")),
            ("environment", Raw("each.key")), ("region", "eu-west-1")]))
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "main.tf"), "w") as out:
        out.write(live.text())
    return 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=2000, help="about how many files (default 2000)")
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--no-remote-modules", action="store_true", help="no module blocks with registry sources")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    terraform_target = args.files // 2
    written, projects = 0, 0
    while written < terraform_target:
        team = TEAMS[projects % len(TEAMS)]
        project = os.path.join(args.out, "terraform", f"{team}-{projects // len(TEAMS)}")
        components = []
        for component in rng.sample(COMPONENTS, rng.randint(2, 5)):
            if written >= terraform_target:
                break
            written += TerraformModule(random.Random(rng.random()), team, component).write(
                os.path.join(project, component), not args.no_remote_modules)
            components.append(component)
        if components and written < terraform_target:
            written += write_live_module(os.path.join(project, "live"), components)
        projects += 1
    templates = args.files - written
    for index in range(templates):
        team, component = TEAMS[index % len(TEAMS)], rng.choice(COMPONENTS)
        extension = rng.choice([".yaml", ".yaml", ".yml", ".json", ".json"])
        directory = os.path.join(args.out, "cloudformation", team)
        os.makedirs(directory, exist_ok=True)
        Template(random.Random(rng.random()), team, component).write(os.path.join(directory, f"{component}-{index:04d}{extension}"))
    print(f"{written} Terraform files, {templates} CloudFormation templates in {args.out}")


if __name__ == "__main__":
    main()
