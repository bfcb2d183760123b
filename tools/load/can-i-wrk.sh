#!/usr/bin/env bash
# Bounded wrk load on GET /v1/can-i with a valid token: 5 s warm-up, then one measured run (default 15 s).
# Usage: tools/load/can-i-wrk.sh BASE_URL DATA_DIR [SECONDS] [CONNECTIONS]   (loopback only)
# Start the service with Governance__RateLimits__Enabled=false (or raised limits): its defaults throttle one subject at 200 requests a second.
set -euo pipefail
base=${1:?base url, such as http://127.0.0.1:5099}
data=${2:?the service data folder, for iamgov token}
seconds=${3:-15}
connections=${4:-64}
case "$base" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "loopback only" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
token=$("$root/src/Governance.Cli/bin/Release/net10.0/iamgov" token --sub loadtest --role engineer --data-dir "$data")
url="$base/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-sandbox/a.csv&context=aws:RequestedRegion=eu-west-1"
curl -sf -H "Authorization: Bearer $token" "$url" > /dev/null
wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "$url" > /dev/null
echo "before: $(uptime)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url"
echo "after:  $(uptime)"
