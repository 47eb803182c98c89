#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server from Debian's packages for the integration tests and prints its URL.
# Usage: eval "$(.ci/start-postgres.sh)"  → exports TEST_DATABASE_URL and PG_TEST_DIR.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=${PG_TEST_PORT:-55432}
# Take the next free port if another server (a developer's, an earlier run's) holds this one.
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
dir=$(mktemp -d /tmp/kc-pg.XXXXXX)
chmod 755 "$dir"
run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
run_as_postgres "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" >&2
run_as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off\" -w start" >&2
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export PG_TEST_DIR=$dir"
echo "export PG_TEST_BIN=$bin"
