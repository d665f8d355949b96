#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on loopback (scripts/pg-cluster.sh), its
# admin URL in FIELDCHECK_TEST_PG; the cluster and its data are removed afterwards, whatever
# the command's outcome. Used by `npm test` for the PostgreSQL integration run and the
# two-server end-to-end test, and by `npm run bench:load`.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/fieldcheck-pg-XXXXXX)
# The cluster may run as the `postgres` user (when we are root): it must reach its data dir.
chmod 755 "$dir"
cleanup() {
	bash scripts/pg-cluster.sh stop "$dir/data" || true
	rm -rf "$dir"
}
trap cleanup EXIT
url=$(bash scripts/pg-cluster.sh start "$dir/data" ${PG_PORT:-}) || exit 1
FIELDCHECK_TEST_PG=$url "$@"
