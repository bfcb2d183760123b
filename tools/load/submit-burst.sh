#!/usr/bin/env bash
# Submits N access requests at once to a running service and checks that none is lost or duplicated:
# every response is 201, the requester's list holds exactly N distinct ids, and the audit chain verifies.
# Usage: tools/load/submit-burst.sh BASE_URL DATA_DIR [N]   (loopback only; bounded: N requests, 120 s timeout each)
# Start the service with Governance__RateLimits__Enabled=false (or raised limits): its defaults throttle one subject at 200 requests a second.
set -euo pipefail
base=${1:?base url, such as http://127.0.0.1:5099}
data=${2:?the service data folder, for iamgov token}
n=${3:-200}
case "$base" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "loopback only" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
iamgov="$root/src/Governance.Cli/bin/Release/net10.0/iamgov"
user="burst-$(date +%s)"
engineer=$("$iamgov" token --sub "$user" --role engineer --data-dir "$data")
approver=$("$iamgov" token --sub "checker" --role approver --data-dir "$data")
out=$(mktemp -d)
start=$(date +%s.%N)
seq 1 "$n" | xargs -P "$n" -I{} curl -s -m 120 -o "$out/{}.json" -w '%{http_code}\n' \
  -H "Authorization: Bearer $engineer" -H 'Content-Type: application/json' "$base/v1/access-requests" \
  -d "{\"permissionSet\":\"lake-write\",\"resources\":[\"arn:aws:s3:::lake-burst-{}/*\"],\"targetRole\":\"data-engineer\",\"justification\":\"burst test\",\"durationHours\":1}" \
  > "$out/codes.txt"
end=$(date +%s.%N)
created=$(grep -c '^201$' "$out/codes.txt" || true)
ids=$(cat "$out"/[0-9]*.json | grep -o '"id":"[^"]*"' | sort -u | wc -l)
list=$(curl -s -H "Authorization: Bearer $approver" "$base/v1/access-requests?requester=$user&pageSize=200")
total=$(echo "$list" | grep -o '"total":[0-9]*' | cut -d: -f2)
listed=$(echo "$list" | grep -o '"id":"[^"]*"' | sort -u | wc -l)
verify=$(curl -s -H "Authorization: Bearer $approver" "$base/v1/audit/verify")
echo "submitted $n at once in $(echo "$end - $start" | bc) s: $created answered 201, $ids distinct ids in responses"
echo "listed for $user: total $total, $listed distinct ids"
echo "audit: $verify"
rm -rf "$out"
[ "$created" = "$n" ] && [ "$ids" = "$n" ] && [ "$total" = "$n" ] && [ "$listed" = "$n" ] && echo "$verify" | grep -q '"valid":true'
