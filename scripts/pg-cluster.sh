#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the tests and benchmarks (never for real data).
#   pg-cluster.sh start <dir> [port]   initdb (first time) + start; prints the admin URL
#   pg-cluster.sh stop <dir>           fast shutdown; the data directory is left for `rm -rf`
# Uses the newest /usr/lib/postgresql/*/bin, installing the Debian package if there is none.
# initdb refuses to run as root, so as root the cluster runs as the `postgres` user (its data
# directory is made theirs). fsync is off unless PG_FSYNC=on: tests need speed, not durability.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data directory}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
	if [ "$(id -u)" = 0 ]; then
		(apt-get install -y postgresql || (apt-get update && apt-get install -y postgresql)) >&2
	else
		sudo apt-get install -y postgresql >&2
	fi
	bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

as_owner() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
start)
	port=${3:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	chmod 700 "$dir"
	if [ ! -f "$dir/PG_VERSION" ]; then
		as_owner "$bin/initdb" -D "$dir" -U fieldcheck --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
	fi
	as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start -o \
		"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-off} -c max_connections=200" >/dev/null
	echo "postgres://fieldcheck@127.0.0.1:$port/postgres"
	;;
stop)
	[ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
	;;
*)
	echo "usage: $0 start|stop <dir> [port]" >&2
	exit 2
	;;
esac
