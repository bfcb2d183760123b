#!/usr/bin/env sh
# Installs the pinned SARIF multitool that SarifMultitoolTests run on iamgov's SARIF:
#   tools/sarif-multitool/node_modules/@microsoft/sarif-multitool-<platform>/Sarif.Multitool
# Needs node and npm; the version is pinned in package.json and package-lock.json. Install scripts stay off, as for
# managed-policies: the platform package's only script makes its binary executable, which chmod does here.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts
for tool in node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; do
  if [ -f "$tool" ]; then chmod u+x "$tool"; fi
done
echo "sarif multitool: $(pwd)/node_modules/@microsoft/"
