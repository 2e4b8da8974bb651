# Shell functions shared by bench/run.sh, bench/cluster.sh, bench/pgbouncer.sh and .ci/pgbouncer.sh: logging,
# bounded waits, stopping what a script started, Debian packages, a PostgreSQL cluster of the script's own and a
# PgBouncer in front of a server. Source it (bash); it defines functions and starts nothing.

log() { printf '%s  %s\n' "$(date +%T)" "$*" >&2; }

stop_pid() { # stop_pid PID [SECONDS]: TERM, then KILL after 10 s (or SECONDS); only ever a process this script started
  local pid=$1 grace=${2:-10}
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((grace * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# wait_for WHAT COMMAND TRIES [PID]: polls every 50 ms, at most TRIES times, while PID (if given) is alive.
wait_for() {
  local what=$1 command=$2 tries=$3 pid=${4:-}
  for _ in $(seq 1 "$tries"); do
    if eval "$command"; then return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then echo "$what exited" >&2; exit 1; fi
    sleep 0.05
  done
  echo "$what did not answer in time" >&2
  exit 1
}

# install_debian_packages PACKAGE...: apt-get install, without letting a package start a system service (a system
# nginx on port 80, a system PgBouncer): only the scripts' own processes should run.
end_work() { # end_work STATUS: keeps $WORK when the run failed or BENCH_KEEP_WORK is set, removes it otherwise; exits
  if [ "$1" -ne 0 ] || [ -n "${BENCH_KEEP_WORK:-}" ]; then
    echo "work files kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$1"
}

install_debian_packages() {
  [ $# -gt 0 ] || return 0
  log "installing from Debian: $*"
  apt-get update -qq
  local guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && guard=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  [ -n "$guard" ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

ensure_pgbouncer() {
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || install_debian_packages pgbouncer
}

# free_port FROM: the first port from FROM on that nothing listens on.
free_port() {
  local port=$1
  while ss -ltnH "sport = :$port" | grep -q .; do port=$((port + 1)); done
  echo "$port"
}

# as_postgres COMMAND...: runs COMMAND as the postgres user (PostgreSQL's server and PgBouncer refuse root). setpriv
# execs, so `as_postgres ... &` leaves the command itself in $!.
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

# The server's programs: Debian's newest installed major version.
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || { echo "no PostgreSQL server in /usr/lib/postgresql" >&2; exit 1; }
  echo "$dir"
}

# pg_cluster_start DIR PORT: a PostgreSQL cluster of the caller's own, with the settings below and nothing from the
# machine's server: initdb into DIR (which must not exist; its parent must be one postgres may enter), trust
# authentication, listening on 127.0.0.1:PORT only, its socket in DIR. Stop it with pg_cluster_stop DIR.
pg_cluster_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bindir)
  mkdir -p "$dir"
  chown postgres: "$dir"
  chmod 700 "$dir"
  as_postgres "$bin/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 \
    > "$dir.initdb.log" 2>&1 || { cat "$dir.initdb.log" >&2; exit 1; }
  # Durable commits (fsync, synchronous_commit on) and autovacuum, as in production; memory for a 2-core machine
  # that also runs the services and the load generator.
  cat >> "$dir/postgresql.conf" <<CONF

# bench/lib.sh pg_cluster_start
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 256MB
work_mem = 4MB
maintenance_work_mem = 64MB
effective_cache_size = 1GB
wal_level = replica
max_wal_size = 2GB
checkpoint_timeout = 5min
fsync = on
synchronous_commit = on
autovacuum = on
# PostgreSQL's JIT compiles a statement whose estimated cost passes jit_above_cost, on every execution. With a
# webhook backlog of thousands, the delivery claim's estimate passes it: measured 1.2 s per claim with JIT, 57 ms
# without (docs/operations.md), which throttled delivery to about 15 a second.
jit = off
log_min_messages = warning
# Where the database's time goes, per statement (bench/cluster.sh reports it).
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
log_checkpoints = on
logging_collector = off
CONF
  # The server log is written by pg_ctl, as postgres: inside the data directory.
  as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start > /dev/null \
    || { tail -n 20 "$dir/server.log" >&2; exit 1; }
}

pg_cluster_stop() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] || return 0
  as_postgres "$(pg_bindir)/pg_ctl" -D "$dir" -m fast -w -t 60 stop > /dev/null 2>&1 || true
}

# pgbouncer_start DIR PORT SERVER_PORT: Debian's PgBouncer on 127.0.0.1:PORT in transaction pooling mode in front of
# the PostgreSQL server on 127.0.0.1:SERVER_PORT, every database passed through under its own name, trust
# authentication (as the servers here use) for the user postgres. Its configuration and log go to DIR (created).
# Sets PGBOUNCER_PID. Clients must not use named prepared statements (PgBouncer 1.18 does not carry them from one
# server connection to the next): JDBC URLs through it need prepareThreshold=0.
pgbouncer_start() {
  local dir=$1 port=$2 server_port=$3
  mkdir -p "$dir"
  cat > "$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$server_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
; Server connections per database: fewer than the clients' pools together, which is the point of pooling.
default_pool_size = 20
max_client_conn = 1000
; The PostgreSQL JDBC driver sends it when connecting; PgBouncer would refuse the connection otherwise.
ignore_startup_parameters = extra_float_digits
admin_users = postgres
logfile = $dir/pgbouncer.log
INI
  echo '"postgres" ""' > "$dir/userlist.txt"
  chown -R postgres: "$dir"
  as_postgres "$(command -v pgbouncer || echo /usr/sbin/pgbouncer)" "$dir/pgbouncer.ini" > "$dir/pgbouncer.out" 2>&1 &
  PGBOUNCER_PID=$!
  wait_for "PgBouncer" "psql -h 127.0.0.1 -p $port -U postgres -d postgres -X -Atqc 'SELECT 1' > /dev/null 2>&1" 200 \
    "$PGBOUNCER_PID"
}
