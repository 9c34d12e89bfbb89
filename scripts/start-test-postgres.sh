#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the platform tests, on 127.0.0.1 and a free port.
# Prints only the connection URL on stdout:
#
#   export TEST_DATABASE_URL="$(scripts/start-test-postgres.sh)"
#   npx vitest run --project unit tests/platform tests/sync
#   "$(dirname "$(dirname "${TEST_DATABASE_URL}")")"  # (see the stop hint printed on stderr)
#
# Uses Debian's server binaries (/usr/lib/postgresql/<version>/bin). PostgreSQL refuses to run as
# root, so when run as root the cluster belongs to the `postgres` user (runuser/su). Data lives in a
# temporary directory (fsync off: test data only). Stop it with the printed command; the directory
# can then be deleted.
set -euo pipefail

BIN="${PG_BIN:-}"
if [[ -z "${BIN}" ]]; then
  BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [[ -z "${BIN}" || ! -x "${BIN}/initdb" ]]; then
  echo "start-test-postgres: no PostgreSQL server binaries found (apt-get install -y postgresql)" >&2
  exit 1
fi

DIR="$(mktemp -d "${TMPDIR:-/tmp}/credit-desk-pg.XXXXXX")"
chmod 755 "${DIR}"

as_pg() {
  if [[ "$(id -u)" == "0" ]]; then
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir "${DIR}" --shell /usr/sbin/nologin postgres >&2
    fi
    chown -R postgres "${DIR}"
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

PORT="${PG_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
USER_NAME="postgres"
if [[ "$(id -u)" != "0" ]]; then USER_NAME="$(id -un)"; fi

as_pg "${BIN}/initdb" -D "${DIR}/data" -U "${USER_NAME}" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"${DIR}/initdb.log" 2>&1 \
  || as_pg "${BIN}/initdb" -D "${DIR}/data" -U "${USER_NAME}" -A trust -E UTF8 --locale=C --no-sync >"${DIR}/initdb.log" 2>&1 \
  || { cat "${DIR}/initdb.log" >&2; exit 1; }

as_pg "${BIN}/pg_ctl" -D "${DIR}/data" -l "${DIR}/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p ${PORT} -k ${DIR} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >&2 || { cat "${DIR}/server.log" >&2; exit 1; }

as_pg "${BIN}/createdb" -h 127.0.0.1 -p "${PORT}" -U "${USER_NAME}" credit_desk_test >&2

cat >"${DIR}/stop.sh" <<STOP
#!/usr/bin/env bash
# Stops the throwaway cluster started by scripts/start-test-postgres.sh.
if [[ "\$(id -u)" == "0" ]]; then runuser -u postgres -- "${BIN}/pg_ctl" -D "${DIR}/data" -m fast -w stop; else "${BIN}/pg_ctl" -D "${DIR}/data" -m fast -w stop; fi
STOP
chmod 755 "${DIR}/stop.sh"

echo "start-test-postgres: running on 127.0.0.1:${PORT}, data in ${DIR}; stop with: ${DIR}/stop.sh" >&2
echo "postgres://${USER_NAME}@127.0.0.1:${PORT}/credit_desk_test"
