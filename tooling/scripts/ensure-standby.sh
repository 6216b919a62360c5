#!/usr/bin/env bash
# A streaming standby (hot standby) of the local PostgreSQL server, for the replica tests:
# `pg_basebackup -R` of 127.0.0.1:5432, served on 127.0.0.1:5433. Idempotent: a standby
# that streams is kept; a stopped one is started; one that does not stream (e.g. it fell
# too far behind) is made again. Prints the standby's URL on stdout.
#   CARE_ATLAS_STANDBY_PORT (5433), CARE_ATLAS_STANDBY_DIR (its data directory).
set -euo pipefail

primary_port=5432
standby_port=${CARE_ATLAS_STANDBY_PORT:-5433}
if [ "$(id -u)" = 0 ]; then
  default_dir=/var/lib/postgresql/care-atlas-standby
else
  default_dir=${HOME}/.cache/care-atlas-standby
fi
dir=${CARE_ATLAS_STANDBY_DIR:-$default_dir}
bin=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
on_primary() { psql -h 127.0.0.1 -p "$primary_port" -U postgres -Atqc "$1" postgres; }
on_standby() { psql -h 127.0.0.1 -p "$standby_port" -U postgres -Atqc "$1" postgres 2>/dev/null; }

streaming() {
  [ "$(on_standby 'select pg_is_in_recovery()' || true)" = t ] &&
    [ "$(on_primary "select count(*) from pg_stat_replication
        where application_name = 'care_atlas_standby' and state = 'streaming'")" -ge 1 ]
}

wait_streaming() {
  for _ in $(seq 1 "$1"); do
    if streaming; then return 0; fi
    sleep 1
  done
  return 1
}

hba=$(on_primary "show hba_file")
ident=$(on_primary "show ident_file")

start() {
  as_postgres "$bin/pg_ctl" -D "$dir" -w -t 60 -l "$dir.log" start -o \
    "-p $standby_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir \
     -c hba_file=$hba -c ident_file=$ident -c cluster_name=care_atlas_standby \
     -c hot_standby=on -c shared_buffers=32MB" >/dev/null
}

url="postgres://postgres@127.0.0.1:$standby_port/postgres"
if streaming; then
  echo "$url"
  exit 0
fi

# The primary must accept replication connections from loopback.
if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
  echo "host replication all 127.0.0.1/32 trust" >>"$hba"
  on_primary "select pg_reload_conf()" >/dev/null
fi

if [ -f "$dir/standby.signal" ]; then
  if ! as_postgres "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then start || true; fi
  if wait_streaming 15; then
    echo "$url"
    exit 0
  fi
  echo "ensure-standby: the standby in $dir does not stream; making it again" >&2
  as_postgres "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
fi

rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
if [ "$(id -u)" = 0 ]; then chown postgres "$(dirname "$dir")"; fi
as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir" -R -X stream
# Debian keeps the server's configuration in /etc; the copy has none of its own.
as_postgres touch "$dir/postgresql.conf"
start
if ! wait_streaming 30; then
  echo "ensure-standby: the standby on port $standby_port does not stream (see $dir.log)" >&2
  exit 1
fi
echo "$url"
