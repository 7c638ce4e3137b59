// vpc-endpoint-private-dns: a Secrets Manager interface endpoint without private DNS.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck vpc_endpoint_private_dns_check();

}  // namespace keylint
