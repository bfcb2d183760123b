#!/usr/bin/env bash
# Makes a local PostgreSQL available for the API tests: installs Debian's package when missing, starts the
# cluster, sets the postgres user's password, and prints the connection string the tests read from
# IAMGOV_TEST_POSTGRES (it also writes it to .ci/postgres.env for callers that prefer a file).
# Usage: export IAMGOV_TEST_POSTGRES="$(bash .ci/postgres.sh)"
set -euo pipefail
cd "$(dirname "$0")/.."

# A random password made once per machine and kept outside the repository, so that nothing secret is committed
# and callers running at the same time agree on it.
secret_file=/var/lib/iamgov-test/postgres-password
if [ -z "${IAMGOV_PG_PASSWORD:-}" ] && [ ! -s "$secret_file" ]; then
  mkdir -p "$(dirname "$secret_file")" && chmod 700 "$(dirname "$secret_file")"
  (umask 077 && head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n" > "$secret_file")
fi
password="${IAMGOV_PG_PASSWORD:-$(cat "$secret_file")}"
port="${IAMGOV_PG_PORT:-5432}"

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql from Debian's packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

# The newest installed major version, and its cluster (Debian creates `main` on install).
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main --port "$port" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2
fi
actual_port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"

# Wait until it accepts connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -p $actual_port"; then break; fi
  sleep 1
done
su postgres -c "psql -q -p $actual_port -c \"ALTER USER postgres PASSWORD '$password';\"" >&2

connection="Host=127.0.0.1;Port=$actual_port;Username=postgres;Password=$password;Database=postgres"
printf 'IAMGOV_TEST_POSTGRES=%s\n' "$connection" > .ci/postgres.env
echo "$connection"
