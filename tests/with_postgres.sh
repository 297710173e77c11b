#!/usr/bin/env bash
# Run a command beside a throw-away PostgreSQL server:
#
#   tests/with_postgres.sh .venv/bin/python -m pytest
#
# Installs Debian's postgresql when missing, creates a cluster in a temporary folder (as the
# unprivileged `postgres` user when run as root), starts it on a free port bound to 127.0.0.1
# only (password login, socket in that folder), exports TANDEM_TEST_POSTGRES_URL for the
# command, and stops the server and deletes the folder when the command ends, whatever its
# outcome (trap). The command's exit code is this script's.
set -euo pipefail

if ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  echo "installing Debian's postgresql for the store tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

if [ "$(id -u)" = 0 ]; then
  AS=(runuser -u postgres --)   # initdb and the server refuse to run as root
  OWNER=postgres
else
  AS=()
  OWNER=$(id -un)
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/tandem-pg.XXXXXX")
cleanup() {
  if [ -f "$DIR/data/postmaster.pid" ]; then
    "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || \
      "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 700 "$DIR"
chown "$OWNER" "$DIR"

PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$PASSWORD" > "$DIR/pwfile"
chown "$OWNER" "$DIR/pwfile"
"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U tandem --pwfile="$DIR/pwfile" \
  --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
rm -f "$DIR/pwfile"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# A test server: no fsync (the cluster is thrown away), enough connections for the
# concurrency tests.
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start -o \
  "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }

PGPASSWORD=$PASSWORD "$BIN/psql" -qAt -h 127.0.0.1 -p "$PORT" -U tandem -d postgres \
  -c "CREATE DATABASE tandem_test" >/dev/null
export TANDEM_TEST_POSTGRES_URL="postgresql+psycopg://tandem:$PASSWORD@127.0.0.1:$PORT/tandem_test"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (until the command ends)" >&2

set +e
"$@"
status=$?
set -e
exit $status
