#!/usr/bin/env bash
# Scale-out, proven: two instances of the packaged jar on a PostgreSQL cluster of this script's own, behind nginx
# (round-robin), under mixed load (creates, buyers' returns, reads) with a webhook endpoint registered; halfway
# through, one instance gets SIGKILL. Then it checks, and reports in bench/results/<date>-<commit>-cluster.md:
#   - every order a client was answered 2xx for exists and agrees with the provider stub (paid, 299.00 NOK, its
#     own session and transaction), and every return answered 2xx showed the buyer the payment;
#   - errors went only to requests the killed instance had in flight (nginx's log names the instance);
#   - reconciliation and webhook delivery carried on on the survivor: what the killed instance had claimed was
#     taken over once its lease ran out, every event reached the receiver;
#   - throughput before and after the kill.
# It exits non-zero when a check fails (the report says which). `--smoke` is the short run CI makes (report under
# bench/results/smoke/).
#
# Tunables from the environment: BENCH_JAVA_OPTS (JVM flags for each instance), BENCH_WARMUP, BENCH_DURATION,
# BENCH_KILL_AT (seconds), BENCH_CLUSTER_PORT (where to look for five consecutive free ports: nginx, the stub, the
# two instances, PostgreSQL; 18400 unless set), BENCH_OUT (results folder), BENCH_KEEP_WORK=1 (keep the work files).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"

BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS--XX:+UseSerialGC -Xmx96m -XX:ReservedCodeCacheSize=64m -Xss512k}"
MODE=full
case "${1:-}" in
  --smoke) MODE=smoke ;;
  "") ;;
  *) echo "usage: bench/cluster.sh [--smoke]" >&2; exit 2 ;;
esac
if [ "$MODE" = smoke ]; then
  WARMUP=${BENCH_WARMUP:-4}; DURATION=${BENCH_DURATION:-20}; KILL_AT=${BENCH_KILL_AT:-8}
  SETTLE_LIMIT=40
  OUT=${BENCH_OUT:-"$BENCH/results/smoke"}
else
  # Two JVMs sharing two cores compile for minutes: after 90 s of warm-up their JIT compiler threads still took
  # 0.16 of a core each, after 240 s 0.05. With less, "after the kill" looks faster partly because the survivor's
  # compiler has finished.
  WARMUP=${BENCH_WARMUP:-240}; DURATION=${BENCH_DURATION:-60}; KILL_AT=${BENCH_KILL_AT:-30}
  SETTLE_LIMIT=120
  OUT=${BENCH_OUT:-"$BENCH/results"}
fi
CONNECTIONS=16
THREADS=2
# The first of five consecutive free ports from BENCH_CLUSTER_PORT (other benchmarks may run on the machine).
PORT0=${BENCH_CLUSTER_PORT:-18400}
while :; do
  for offset in 0 1 2 3 4; do
    [ "$(free_port $((PORT0 + offset)))" -eq $((PORT0 + offset)) ] || { PORT0=$((PORT0 + offset + 1)); continue 2; }
  done
  break
done
LB_PORT=$PORT0 STUB_PORT=$((PORT0 + 1)) PORT_A=$((PORT0 + 2)) PORT_B=$((PORT0 + 3)) PG_PORT=$((PORT0 + 4))
LB="http://127.0.0.1:$LB_PORT"
API_KEY=bench-key
DB=orderpay
JAR="$ROOT/bootstrap/target/orderpay.jar"
# Leases and timers short enough for a run of a minute; production keeps the defaults (docs/operations.md).
RECONCILE_INTERVAL=1 RECONCILE_AFTER=5 RECONCILE_CLAIM=10 WEBHOOK_CLAIM=10 WEBHOOK_TIMEOUT=5
# How far past a lease's end the survivor may take the claimed work over: a reconciliation interval (or a webhook
# poll) and a run's worth of work on a loaded machine.
TAKEOVER_SLACK=5
# Session reads per second the stub answers without queueing (reconciliation's reads).
SESSION_FETCH_RATE=200

WORK=$(mktemp -d /tmp/orderpay-cluster.XXXXXX)
chmod 711 "$WORK"
PIDS_A="" PIDS_B="" NGINX_PID="" WRK_PID=""
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
sql() { "${PSQL[@]}" -d "$DB" "$@"; }

cleanup() {
  local status=$?
  stop_pid "$WRK_PID"
  stop_pid "$PIDS_A"
  stop_pid "$PIDS_B"
  stop_pid "$NGINX_PID"
  pg_cluster_stop "$WORK/pg"
  end_work "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
# sleep_until MS: until MS milliseconds after the run's start (at once if past).
sleep_until() {
  sleep "$(awk -v at="$1" -v ms="$(( $(now_ms) - RUN_START_MS ))" 'BEGIN { s = (at - ms) / 1000; print (s > 0 ? s : 0) }')"
}

# Our processes, one "pid role" a line: the instances, the database cluster (postmaster and its children), nginx
# (master and workers) and wrk.
our_pids() {
  local postmaster
  [ -n "$PIDS_A" ] && echo "$PIDS_A instance-a"
  [ -n "$PIDS_B" ] && echo "$PIDS_B instance-b"
  postmaster=$(head -n 1 "$WORK/pg/postmaster.pid")
  { echo "$postmaster"; pgrep -P "$postmaster"; } | sed 's/$/ database/'
  { echo "$NGINX_PID"; pgrep -P "$NGINX_PID"; } | sed 's/$/ nginx/'
  [ -n "$WRK_PID" ] && echo "$WRK_PID wrk"
  return 0
}

# cpu_snapshot FILE: when ("time ms"), the machine's busy and idle ticks ("machine busy idle"), and the CPU ticks
# each of our processes has used so far ("pid role ticks").
cpu_snapshot() {
  {
    echo "time $(now_ms)"
    awk '$1 == "cpu" { print "machine", $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat
    our_pids | while read -r pid role; do
      # utime and stime: fields 14 and 15, counted after the command name, which may hold spaces.
      awk -v pid="$pid" -v role="$role" '{ sub(/^.*\) /, ""); print pid, role, $12 + $13 }' "/proc/$pid/stat" \
        2>/dev/null || true
      # An instance's JIT compiler threads, by thread id: how much of its CPU went to compiling.
      case $role in
        instance-*) awk -v role="$role-jit" '/^[0-9]+ \(C[12] CompilerThre/ {
                      tid = $1; sub(/^.*\) /, ""); print tid, role, $12 + $13 }' "/proc/$pid/task/"*/stat \
                      2>/dev/null || true ;;
      esac
    done
  } > "$1"
}

# cpu_window FROM TO: cores busy on average between two snapshots, per role (a process counts when it is in both;
# a compiler thread started in between counts whole), for the machine, and for other work on it; "role cores" lines.
cpu_window() {
  awk -v tick="$(getconf CLK_TCK)" -v cpus="$(nproc)" '
    FNR == NR { if ($1 == "time") t0 = $2; else if ($1 == "machine") { busy0 = $2; idle0 = $3 } else start[$1] = $3
                next }
    $1 == "time" { seconds = ($2 - t0) / 1000; next }
    $1 == "machine" { busy = $2 - busy0; idle = $3 - idle0; next }
    $1 in start { cores[$2] += ($3 - start[$1]) / tick / seconds; next }
    $2 ~ /-jit$/ { cores[$2] += $3 / tick / seconds }
    END {
      for (role in cores) { printf "%s %.2f\n", role, cores[role]; if (role !~ /-jit$/) ours += cores[role] }
      machine = cpus * busy / (busy + idle)
      printf "ours %.2f\nmachine %.2f\nother %.2f\n", ours, machine, machine - ours
    }' "$1" "$2"
}

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
  command -v jq >/dev/null || missing+=(jq)
  install_debian_packages "${missing[@]}"
  if [ ! -f "$JAR" ]; then
    log "building $JAR"
    (cd "$ROOT" && mvn -B -q -DskipTests package)
  fi
}

start_nginx() {
  mkdir -p "$WORK/nginx-tmp"
  sed -e "s|@WORK@|$WORK|g" -e "s|@LB_PORT@|$LB_PORT|g" -e "s|@STUB_PORT@|$STUB_PORT|g" \
    -e "s|@INSTANCE_A@|$PORT_A|g" -e "s|@INSTANCE_B@|$PORT_B|g" -e "s|@SESSION_FETCH_RATE@|$SESSION_FETCH_RATE|g" \
    "$BENCH/stub/cluster-nginx.conf.template" > "$WORK/nginx.conf"
  nginx -c "$WORK/nginx.conf" -p "$WORK" > "$WORK/nginx.out" 2>&1 &
  NGINX_PID=$!
  # Both servers answer with this run's work directory: another nginx on one of the ports would not.
  wait_for "nginx" "[ \"\$(curl -fs http://127.0.0.1:$STUB_PORT/bench-cluster)\" = '$WORK' ] \
    && [ \"\$(curl -fs http://127.0.0.1:$LB_PORT/bench-cluster)\" = '$WORK' ]" 200 "$NGINX_PID"
}

# start_instance NAME PORT: the jar with the settings every instance must share, and its own port. `env` execs
# java, so $! is the instance itself.
start_instance() {
  local name=$1 port=$2
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of flags
  env DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" DATASOURCES_DEFAULT_USERNAME=postgres \
    PAYMENTS_PROVIDER=dintero DINTERO_ACCOUNT_ID=T11223674 DINTERO_CLIENT_ID=bench DINTERO_CLIENT_SECRET=bench \
    DINTERO_API_URL="http://127.0.0.1:$STUB_PORT" DINTERO_CHECKOUT_URL="http://127.0.0.1:$STUB_PORT" \
    ORDERPAY_API_KEYS="$API_KEY" ORDERPAY_PUBLIC_URL="$LB" MICRONAUT_SERVER_PORT="$port" \
    ORDERPAY_RECONCILE_INTERVAL="${RECONCILE_INTERVAL}s" ORDERPAY_RECONCILE_AFTER="${RECONCILE_AFTER}s" \
    ORDERPAY_RECONCILE_CLAIM="${RECONCILE_CLAIM}s" ORDERPAY_WEBHOOK_CLAIM="${WEBHOOK_CLAIM}s" \
    ORDERPAY_WEBHOOK_TIMEOUT="${WEBHOOK_TIMEOUT}s" ORDERPAY_WEBHOOK_ALLOW_PRIVATE=true \
    ORDERPAY_WEBHOOK_ENDPOINT_CONCURRENCY=16 ORDERPAY_WEBHOOK_MAX_CONNECTIONS_PER_HOST=16 \
    MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
    java ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/instance-$name.log" 2>&1 &
}

wait_for_instance() {
  wait_for "instance $1" "curl -fs -o /dev/null -H 'Authorization: Bearer $API_KEY' 'http://127.0.0.1:$2/orders?limit=1'" \
    2400 "$3"
}

# mixed_load SECONDS IDS_PREFIX OUTPUT: wrk with bench/wrk/mixed.lua against the load balancer.
mixed_load() {
  BENCH_AUTH="$API_KEY" BENCH_IDS="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 30s \
    -s "$BENCH/wrk/mixed.lua" "$LB" > "$3" 2>&1
}

UNSETTLED="FROM orders WHERE status IN ('PENDING', 'ON_HOLD') AND session_id IS NOT NULL"
PENDING="FROM webhook_deliveries WHERE state = 'PENDING'"

# wait_until_settled LIMIT: until every order with a checkout is settled and no delivery is pending, at most LIMIT s.
# EXISTS, not count(*): counting a backlog of thousands every few hundred milliseconds would slow its draining.
wait_until_settled() {
  local limit=$1 t0
  t0=$(now_ms)
  while [ "$(sql -Atc "SELECT EXISTS (SELECT 1 $UNSETTLED) OR EXISTS (SELECT 1 $PENDING)")" = t ]; do
    if [ $(( $(now_ms) - t0 )) -ge $((limit * 1000)) ]; then
      log "  still $(sql -Atc "SELECT count(*) $UNSETTLED") orders unsettled and" \
        "$(sql -Atc "SELECT count(*) $PENDING") deliveries pending after ${limit}s"
      break
    fi
    sleep 0.3
  done
  echo $(( $(now_ms) - t0 ))
}

# The kill: at KILL_AT, or up to 2 s later at the first moment reconciliation and webhook delivery both hold live
# claims (so that some may be the victim's), then SIGKILL to instance A and, at once, the claims live at that
# moment recorded in the bench schema for the checks.
kill_instance_a() {
  # One statement polling inside the server: a psql per poll would take longer than a claim lives on a busy machine.
  sql <<'SQL'
DO $$
DECLARE
  deadline timestamptz := clock_timestamp() + interval '2 seconds';
BEGIN
  WHILE clock_timestamp() < deadline LOOP
    EXIT WHEN EXISTS (SELECT 1 FROM orders WHERE reconcile_claimed_until > clock_timestamp()
                        AND (status IN ('PENDING', 'ON_HOLD') OR pending_operation IS NOT NULL))
          AND EXISTS (SELECT 1 FROM webhook_deliveries WHERE state = 'PENDING' AND claimed_until > clock_timestamp());
    PERFORM pg_sleep(0.01);
  END LOOP;
END $$;
SQL
  cpu_snapshot "$WORK/cpu.1"
  # Both sides of the kill: reading the clock takes a process of its own, tens of milliseconds on a loaded machine,
  # and nginx may answer for the dead instance before the second reading.
  KILL_SENT_MS=$(now_ms)
  kill -9 "$PIDS_A"
  KILLED_MS=$(now_ms)
  sql <<'SQL'
CREATE TABLE bench.kill AS SELECT now() AS at;
CREATE TABLE bench.claimed_orders AS
  SELECT id, reconcile_claimed_until AS claimed_until FROM orders
  WHERE reconcile_claimed_until > now() AND (status IN ('PENDING', 'ON_HOLD') OR pending_operation IS NOT NULL);
CREATE TABLE bench.claimed_deliveries AS
  SELECT id, event_id, claimed_until FROM webhook_deliveries WHERE state = 'PENDING' AND claimed_until > now();
SQL
  PIDS_A=""
  log "instance A killed at $(( (KILLED_MS - RUN_START_MS) / 1000 )).$(( (KILLED_MS - RUN_START_MS) % 1000 / 100 )) s"
}

# ---------------------------------------------------------------- the run
ensure_tools
mkdir -p "$OUT"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
DIRTY=$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' ':!docs' 2>/dev/null || echo " (with uncommitted changes)")
STEM="$(date +%Y-%m-%d)-$COMMIT-cluster"
for n in 2 3 4 5 6 7 8 9; do [ -e "$OUT/$STEM.md" ] || break; STEM="$(date +%Y-%m-%d)-$COMMIT-cluster-$n"; done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "mode $MODE; work files in $WORK"

pg_cluster_start "$WORK/pg" "$PG_PORT"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
start_nginx
# Both at once, on the empty database: Flyway's lock lets one migrate while the other waits.
# disown: bash would otherwise report A's SIGKILL on its standard error.
start_instance a "$PORT_A"
PIDS_A=$!
disown "$PIDS_A"
start_instance b "$PORT_B"
PIDS_B=$!
disown "$PIDS_B"
wait_for_instance a "$PORT_A" "$PIDS_A"
wait_for_instance b "$PORT_B" "$PIDS_B"
log "both instances up"
sql -c "CREATE SCHEMA bench" -c "CREATE EXTENSION pg_stat_statements"

ENDPOINT=$(jq -nc --arg url "http://127.0.0.1:$STUB_PORT/webhooks" '{url: $url, description: "bench/cluster.sh"}' \
  | curl -fsS -X POST "$LB/webhook-endpoints" -H "Authorization: Bearer $API_KEY" \
      -H 'Content-Type: application/json' --data-binary @- | jq -er .id)

log "warm-up: ${WARMUP}s of mixed load (not measured)"
mixed_load "$WARMUP" "$WORK/warmup-ids" "$WORK/warmup.out"
log "  warm-up backlog drained in $(wait_until_settled "$SETTLE_LIMIT") ms"
sql -Atc "SELECT pg_stat_statements_reset()" > /dev/null

log "run: ${DURATION}s of mixed load; instance A is killed at ${KILL_AT}s"
RUN_START_MS=$(now_ms)
BENCH_AUTH="$API_KEY" BENCH_IDS="$WORK/ids" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s \
  -s "$BENCH/wrk/mixed.lua" "$LB" > "$WORK/run.out" 2>&1 &
WRK_PID=$!
# CPU snapshots bound the windows compared: 2 s after the start, the kill, 5 s after it, 1 s before the end.
sleep_until 2000
cpu_snapshot "$WORK/cpu.0"
sleep_until $((KILL_AT * 1000))
kill_instance_a
sleep_until $((KILLED_MS - RUN_START_MS + 5000))
cpu_snapshot "$WORK/cpu.2"
sleep_until $((DURATION * 1000 - 1000))
cpu_snapshot "$WORK/cpu.3"
wait "$WRK_PID"
WRK_PID=""
RUN_END_MS=$(now_ms)
log "load stopped; waiting for the survivor to settle every order and deliver every event"
SETTLE_MS=$(wait_until_settled "$SETTLE_LIMIT")
# nginx writes its buffered log lines at least every second.
sleep 1.5
# The database's time per statement over the run and the settling after it (the bench's own queries left out).
sql -At -F$'\t' -c "
  SELECT round((100 * total_exec_time / sum(total_exec_time) OVER ())::numeric, 1), round((total_exec_time / 1000)::numeric, 1),
         calls, round(mean_exec_time::numeric, 2), rows, regexp_replace(query, '\s+', ' ', 'g')
  FROM pg_stat_statements
  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND query !~ '(bench\.|pg_stat_statements|clock_timestamp)'
  ORDER BY total_exec_time DESC LIMIT 15" > "$WORK/statements"
DB_SECONDS=$(sql -Atc "SELECT round((sum(total_exec_time) / 1000)::numeric, 1) FROM pg_stat_statements
  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")

# ---------------------------------------------------------------- checks
cat "$WORK"/ids.* > "$WORK/answers"
awk '$1 == "created" {print $2}' "$WORK/answers" | sort -u > "$WORK/created"
awk '$1 == "returned" {print $2 "\t" $3}' "$WORK/answers" | sort -u > "$WORK/returned"
sql -c "CREATE TABLE bench.created (id uuid PRIMARY KEY)" -c "CREATE TABLE bench.returned (id uuid, shown text)" \
  -c "\\copy bench.created FROM '$WORK/created'" -c "\\copy bench.returned FROM '$WORK/returned'"
RUN_START_SQL="to_timestamp($RUN_START_MS / 1000.0)"

FAILED=()
check() { # check NAME CONDITION(0/1): records a failed check
  [ "$2" -eq 1 ] || FAILED+=("$1")
}
verdict() { [ "$1" -eq 1 ] && echo yes || echo "**no**"; }

# Orders the clients were answered 201 for: present, and as the stub says (paid: AUTHORIZED, its session, its
# transaction, the amount).
read -r CREATED MISSING WRONG < <(sql -At -F' ' -c "
  SELECT count(*), count(*) FILTER (WHERE o.id IS NULL),
         count(*) FILTER (WHERE o.id IS NOT NULL AND NOT (o.status = 'AUTHORIZED' AND o.amount_minor = 29900
           AND o.currency = 'NOK' AND o.session_id = 'T11223674.s-' || o.id
           AND o.payment_id = 'T11223674.t-' || o.id))
  FROM bench.created c LEFT JOIN orders o ON o.id = c.id")
read -r RETURNED SHOWN_OTHER < <(sql -At -F' ' -c "
  SELECT count(*), count(*) FILTER (WHERE shown <> 'AUTHORIZED') FROM bench.returned")
# Orders of the run no client was answered 201 for: the creates the kill cut short. Each is either stored without a
# checkout and held by its creation (ADR 9: reconciliation fails it once the hold has passed), or complete and paid.
read -r UNANSWERED UNANSWERED_HELD UNANSWERED_PAID < <(sql -At -F' ' -c "
  SELECT count(*),
         count(*) FILTER (WHERE o.status = 'PENDING' AND o.session_id IS NULL AND o.creation_held_until > now()),
         count(*) FILTER (WHERE o.status = 'AUTHORIZED' AND o.session_id = 'T11223674.s-' || o.id
                          AND o.payment_id = 'T11223674.t-' || o.id)
  FROM orders o WHERE o.created_at >= $RUN_START_SQL AND NOT EXISTS (SELECT 1 FROM bench.created c WHERE c.id = o.id)")

# nginx's log of the run: per request its end, duration, status, the instance(s) tried.
awk -F'|' -v t0="$RUN_START_MS" -v end="$RUN_END_MS" '$1 * 1000 >= t0 && $1 * 1000 <= end + 1000' "$WORK/lb.log" \
  > "$WORK/run.log"
# Errors: every answer that was not 2xx, except the requests wrk abandoned when the load stopped (nginx logs 499).
# Each must come from the killed instance (the last instance tried) and have been in flight at the kill: started
# before it (nginx learns of the closed connections within moments; 500 ms are allowed for a request already
# handed to one of them: a loaded machine took 143 ms) and ended after the kill was sent.
awk -F'|' -v kill="$KILLED_MS" -v sent="$KILL_SENT_MS" -v a="127.0.0.1:$PORT_A" \
    -v end=$((RUN_START_MS + DURATION * 1000)) '
  $3 !~ /^2/ && !($3 == 499 && $1 * 1000 >= end) {
    n = split($4, tried, ", "); last = tried[n]
    start = ($1 - $2) * 1000; finish = $1 * 1000
    inflight = last == a && start <= kill + 500 && finish >= sent
    printf "%s\t%s\t%s %s\t%s\t%.0f\t%.0f\n", inflight ? "in-flight" : "OTHER", $3, $6, $7, $4, start - kill, finish - kill
  }' "$WORK/run.log" > "$WORK/errors"
ERRORS=$(wc -l < "$WORK/errors")
ERRORS_OTHER=$(grep -c '^OTHER' "$WORK/errors" || true)
RETRIED=$(awk -F'|' '$4 ~ /, / && $3 ~ /^2/' "$WORK/run.log" | wc -l)
SOCKET_ERRORS=$(sed -n 's/^BENCH_RESULT.* connect=\([0-9]*\) read=\([0-9]*\) write=\([0-9]*\) timeout=\([0-9]*\).*/\1 \2 \3 \4/p' \
  "$WORK/run.out" | awk '{print $1 + $2 + $3 + $4}')
POST_502=$(awk -F'\t' '$3 == "POST /orders"' "$WORK/errors" | wc -l)
# Creates whose answer the client never read because the load stopped: nginx logged them after the load's end, or
# as abandoned (499).
POST_CUT=$(awk -F'|' -v end=$((RUN_START_MS + DURATION * 1000)) -v t0="$RUN_START_MS" \
  '$6 == "POST" && $7 == "/orders" && $1 * 1000 >= t0 && ($1 * 1000 > end || $3 == 499)' "$WORK/lb.log" | wc -l)

# Throughput: 2xx answers per second of the run, by instance, and the averages before and after the kill.
awk -F'|' -v t0="$RUN_START_MS" -v a="127.0.0.1:$PORT_A" -v b="127.0.0.1:$PORT_B" -v d="$DURATION" '
  $3 ~ /^2/ {
    s = int(($1 * 1000 - t0) / 1000); if (s >= d) next
    n = split($4, tried, ", "); total[s]++
    if (tried[n] == a) viaA[s]++; else if (tried[n] == b) viaB[s]++
  }
  END { for (s = 0; s < d; s++) printf "%d\t%d\t%d\t%d\n", s, total[s], viaA[s], viaB[s] }' "$WORK/run.log" \
  > "$WORK/per-second"
KILL_S=$(( (KILLED_MS - RUN_START_MS) / 1000 ))
# Before: from 2 s after the start to the second of the kill; after: from 5 s after the kill (the survivor and
# nginx have taken the whole load) to the end.
rates() { # rates FROM TO: mean 2xx/s over the whole seconds [FROM, TO), and the lowest second
  awk -F'\t' -v from="$1" -v to="$2" '$1 >= from && $1 < to { sum += $2; n++; if (min == "" || $2 < min) min = $2 }
    END { printf "%.0f %d %d\n", n ? sum / n : 0, min, n }' "$WORK/per-second"
}
read -r RATE_BEFORE MIN_BEFORE SECONDS_BEFORE < <(rates 2 "$KILL_S")
read -r RATE_AFTER MIN_AFTER SECONDS_AFTER < <(rates $((KILL_S + 5)) $((DURATION - 1)))
read -r RATE_KILL_SECOND _ _ < <(rates "$KILL_S" $((KILL_S + 1)))
kinds() { # kinds FROM_MS TO_MS: 2xx/s by kind in that window
  awk -F'|' -v from="$1" -v to="$2" '
    $3 ~ /^2/ && $1 * 1000 >= from && $1 * 1000 < to {
      if ($6 == "POST" && $7 == "/orders") c++; else if ($7 ~ /\/redirect$/) r++; else if ($6 == "GET") g++ }
    END { s = (to - from) / 1000; if (s <= 0) s = 1; printf "%.0f %.0f %.0f\n", c / s, r / s, g / s }' "$WORK/run.log"
}
read -r CREATES_BEFORE RETURNS_BEFORE READS_BEFORE < <(kinds $((RUN_START_MS + 2000)) $((RUN_START_MS + KILL_S * 1000)))
read -r CREATES_AFTER RETURNS_AFTER READS_AFTER < <(kinds $((RUN_START_MS + (KILL_S + 5) * 1000)) $((RUN_START_MS + (DURATION - 1) * 1000)))
# The background work done in the same windows: webhook deliveries made and orders settled by reconciliation, per
# second.
background() { # background FROM_MS TO_MS
  sql -At -F' ' -c "
    SELECT round(((SELECT count(*) FROM webhook_delivery_attempts
                   WHERE attempted_at >= to_timestamp($1 / 1000.0) AND attempted_at < to_timestamp($2 / 1000.0))
                  / (($2 - $1) / 1000.0))::numeric),
           round(((SELECT count(*) FROM order_status_history WHERE source = 'RECONCILIATION'
                   AND occurred_at >= to_timestamp($1 / 1000.0) AND occurred_at < to_timestamp($2 / 1000.0))
                  / (($2 - $1) / 1000.0))::numeric)"
}
read -r DELIVERIES_BEFORE RECONCILED_RATE_BEFORE < <(background $((RUN_START_MS + 2000)) $((RUN_START_MS + KILL_S * 1000)))
read -r DELIVERIES_AFTER RECONCILED_RATE_AFTER < <(background $((RUN_START_MS + (KILL_S + 5) * 1000)) $((RUN_START_MS + (DURATION - 1) * 1000)))
# CPU over the same windows.
cpu_window "$WORK/cpu.0" "$WORK/cpu.1" > "$WORK/cpu.before"
cpu_window "$WORK/cpu.2" "$WORK/cpu.3" > "$WORK/cpu.after"
cores() { awk -v role="$2" '$1 == role { print $2; found = 1 } END { if (!found) print "0.00" }' "$1"; }
SHARE_A=$(awk -F'\t' -v k="$KILL_S" '$1 >= 2 && $1 < k { a += $3; t += $2 } END { printf "%.0f", t ? 100 * a / t : 0 }' "$WORK/per-second")

# Reconciliation: the claims live at the kill. A claim settled before its lease ran out was the survivor's own; one
# settled by reconciliation only after it was the killed instance's, taken over by the survivor.
read -r CLAIMED_ORDERS OWN_ORDERS TAKEN_ORDERS BY_RETURN UNSETTLED_CLAIMED LATEST_ORDER_TAKEOVER < <(sql -At -F' ' -c "
  WITH settled AS (
    SELECT c.id, c.claimed_until, h.occurred_at, h.source
    FROM bench.claimed_orders c
    LEFT JOIN LATERAL (SELECT occurred_at, source FROM order_status_history
                       WHERE order_id = c.id AND to_status = 'AUTHORIZED' ORDER BY id LIMIT 1) h ON true)
  SELECT count(*),
         count(*) FILTER (WHERE source = 'RECONCILIATION' AND occurred_at < claimed_until),
         count(*) FILTER (WHERE source = 'RECONCILIATION' AND occurred_at >= claimed_until),
         count(*) FILTER (WHERE source IS NOT NULL AND source <> 'RECONCILIATION'),
         count(*) FILTER (WHERE source IS NULL),
         coalesce(round(extract(epoch FROM max(occurred_at - (SELECT at FROM bench.kill))
                        FILTER (WHERE source = 'RECONCILIATION' AND occurred_at >= claimed_until))::numeric, 1)::text, '-')
  FROM settled")
# Orders reconciliation settled during the run: how long after they became due (RECONCILE_AFTER after creation),
# for orders due before the kill and after it.
reconciled() { # reconciled CONDITION: count, p50 and max seconds from due to settled
  sql -At -F' ' -c "
    SELECT count(*), coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY late)::numeric, 1)::text, '-'),
           coalesce(round(max(late)::numeric, 1)::text, '-')
    FROM (SELECT extract(epoch FROM h.occurred_at - (o.created_at + interval '$RECONCILE_AFTER seconds')) AS late,
                 o.created_at + interval '$RECONCILE_AFTER seconds' AS due
          FROM orders o JOIN order_status_history h ON h.order_id = o.id
          WHERE h.source = 'RECONCILIATION' AND h.to_status = 'AUTHORIZED' AND o.created_at >= $RUN_START_SQL) r
    WHERE $1"
}
read -r RECONCILED_BEFORE LATE_P50_BEFORE LATE_MAX_BEFORE < <(reconciled "due < (SELECT at FROM bench.kill)")
read -r RECONCILED_AFTER LATE_P50_AFTER LATE_MAX_AFTER < <(reconciled "due >= (SELECT at FROM bench.kill)")

# Webhooks: every event of the run delivered to the endpoint, and received (nginx's receiver log) at least once.
sql -Atc "SELECT id FROM events WHERE created_at >= $RUN_START_SQL" | sort > "$WORK/events"
awk '{print $2}' "$WORK/webhooks.log" | sort > "$WORK/received-all"
EVENTS=$(wc -l < "$WORK/events")
NOT_RECEIVED=$(comm -23 "$WORK/events" <(sort -u "$WORK/received-all") | wc -l)
RECEIVED_TWICE=$(comm -12 "$WORK/events" <(uniq -d "$WORK/received-all") | wc -l)
read -r DELIVERIES DELIVERED < <(sql -At -F' ' -c "
  SELECT count(*), count(*) FILTER (WHERE d.state = 'DELIVERED')
  FROM events e LEFT JOIN webhook_deliveries d ON d.event_id = e.id AND d.endpoint_id = '$ENDPOINT'
  WHERE e.created_at >= $RUN_START_SQL")
read -r CLAIMED_DELIVERIES OWN_DELIVERIES TAKEN_DELIVERIES UNDELIVERED_CLAIMED LATEST_DELIVERY_TAKEOVER < <(sql -At -F' ' -c "
  WITH done AS (
    SELECT c.id, c.claimed_until, d.state,
           (SELECT attempted_at FROM webhook_delivery_attempts a WHERE a.delivery_id = c.id AND a.status_code = 204
            ORDER BY number LIMIT 1) AS delivered_at
    FROM bench.claimed_deliveries c JOIN webhook_deliveries d ON d.id = c.id)
  SELECT count(*), count(*) FILTER (WHERE delivered_at < claimed_until),
         count(*) FILTER (WHERE delivered_at >= claimed_until),
         count(*) FILTER (WHERE state <> 'DELIVERED' OR delivered_at IS NULL),
         coalesce(round(extract(epoch FROM max(delivered_at - (SELECT at FROM bench.kill))
                        FILTER (WHERE delivered_at >= claimed_until))::numeric, 1)::text, '-')
  FROM done")
lag() { # lag CONDITION: events, p50, p99 and max seconds from event to its delivery's successful attempt
  sql -At -F' ' -c "
    SELECT count(*), coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)::numeric, 2)::text, '-'),
           coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)::numeric, 2)::text, '-'),
           coalesce(round(max(lag)::numeric, 2)::text, '-')
    FROM (SELECT e.created_at, extract(epoch FROM a.attempted_at - e.created_at) AS lag
          FROM events e JOIN webhook_deliveries d ON d.event_id = e.id AND d.endpoint_id = '$ENDPOINT'
          JOIN webhook_delivery_attempts a ON a.delivery_id = d.id AND a.status_code = 204
          WHERE e.created_at >= $RUN_START_SQL) l
    WHERE $1"
}
read -r LAG_N_BEFORE LAG_P50_BEFORE LAG_P99_BEFORE LAG_MAX_BEFORE < <(lag "created_at < (SELECT at FROM bench.kill) - interval '2 seconds'")
read -r LAG_N_AROUND LAG_P50_AROUND LAG_P99_AROUND LAG_MAX_AROUND < <(lag "created_at BETWEEN (SELECT at FROM bench.kill) - interval '2 seconds' AND (SELECT at FROM bench.kill) + interval '2 seconds'")
read -r LAG_N_AFTER LAG_P50_AFTER LAG_P99_AFTER LAG_MAX_AFTER < <(lag "created_at > (SELECT at FROM bench.kill) + interval '2 seconds'")
# After start-up (which warns about the bench's own settings: webhooks to loopback, unsigned callbacks).
sed -n '/Startup completed/,$p' "$WORK/instance-b.log" | grep -E ' (WARN|ERROR) ' | cut -c 1-300 > "$WORK/survivor-warnings" || true
SURVIVOR_WARNINGS=$(wc -l < "$WORK/survivor-warnings")

check "every order answered 201 exists" "$([ "$MISSING" -eq 0 ] && echo 1 || echo 0)"
check "every order answered 201 agrees with the stub" "$([ "$WRONG" -eq 0 ] && echo 1 || echo 0)"
check "every return answered 200 showed the payment" "$([ "$SHOWN_OTHER" -eq 0 ] && echo 1 || echo 0)"
check "the orders without an answer are the kill's or the load's end's, held or paid" \
  "$([ "$UNANSWERED" -le $((POST_502 + POST_CUT)) ] && [ $((UNANSWERED_HELD + UNANSWERED_PAID)) -eq "$UNANSWERED" ] && echo 1 || echo 0)"
check "errors only on the killed instance's requests in flight" \
  "$([ "$ERRORS_OTHER" -eq 0 ] && [ "${SOCKET_ERRORS:-1}" -eq 0 ] && echo 1 || echo 0)"
check "the orders claimed at the kill were all settled" "$([ "$UNSETTLED_CLAIMED" -eq 0 ] && echo 1 || echo 0)"
check "the killed instance's reconciliation claims were taken over within the lease" \
  "$(awk -v t="$LATEST_ORDER_TAKEOVER" -v limit=$((RECONCILE_CLAIM + TAKEOVER_SLACK)) 'BEGIN { print (t == "-" || t <= limit) ? 1 : 0 }')"
check "every event of the run was delivered and received" \
  "$([ "$DELIVERED" -eq "$EVENTS" ] && [ "$DELIVERIES" -eq "$EVENTS" ] && [ "$NOT_RECEIVED" -eq 0 ] && echo 1 || echo 0)"
check "the deliveries claimed at the kill were all delivered" "$([ "$UNDELIVERED_CLAIMED" -eq 0 ] && echo 1 || echo 0)"
check "the killed instance's delivery claims were taken over within the lease" \
  "$(awk -v t="$LATEST_DELIVERY_TAKEOVER" -v limit=$((WEBHOOK_CLAIM + TAKEOVER_SLACK)) 'BEGIN { print (t == "-" || t <= limit) ? 1 : 0 }')"

# ---------------------------------------------------------------- report
plot() {
  gnuplot <<GNUPLOT
set terminal pngcairo size 1000,500 font ",10" noenhanced
set output "$OUT/$STEM.png"
set title "2xx answers per second through nginx ($STEM, $MODE); instance A killed at ${KILL_S} s"
set datafile separator "\t"
set xlabel "seconds of the run"
set ylabel "answers per second"
set yrange [0:*]
set key top right
set arrow from $KILL_S, graph 0 to $KILL_S, graph 1 nohead dashtype 2
plot "$WORK/per-second" using 1:2 with lines linewidth 2 title "total", \
     '' using 1:3 with lines title "instance A", '' using 1:4 with lines title "instance B"
GNUPLOT
}

write_report() {
  local md="$OUT/$STEM.md" name
  {
    echo "# Two instances, one killed: $STEM ($MODE)"
    echo
    echo "Commit \`$COMMIT\`$DIRTY, $(date -u '+%Y-%m-%d %H:%M UTC'). Produced by \`bench/cluster.sh$([ "$MODE" = smoke ] && echo ' --smoke')\`."
    echo
    echo "Two instances of \`bootstrap/target/orderpay.jar\` (A on :$PORT_A, B on :$PORT_B) on one PostgreSQL"
    echo "cluster of the script's own (initdb, settings in \`bench/lib.sh\`), behind nginx (round-robin, keep-alive"
    echo "connections to both), with the Dintero adapter pointed at an nginx stub whose every checkout is paid, and one"
    echo "webhook endpoint (the stub's receiver, \`204\`). Load: \`wrk -t$THREADS -c$CONNECTIONS\` with"
    echo "\`bench/wrk/mixed.lua\` (creates, buyers' returns of two of every three created orders, reads), ${WARMUP} s of"
    echo "warm-up and its backlog drained, then ${DURATION} s measured; instance A got SIGKILL at $(awk -v ms=$((KILLED_MS - RUN_START_MS)) 'BEGIN { printf "%.1f", ms / 1000 }') s"
    echo "(the first moment after ${KILL_AT} s at which both reconciliation and webhook delivery held live claims, waiting 2 s at most)."
    echo "Leases and timers for a one-minute run: reconciliation every ${RECONCILE_INTERVAL} s of orders older than"
    echo "${RECONCILE_AFTER} s, claims of ${RECONCILE_CLAIM} s; webhook claims of ${WEBHOOK_CLAIM} s (calls time out after ${WEBHOOK_TIMEOUT} s); the stub queues"
    echo "reconciliation's session reads beyond ${SESSION_FETCH_RATE}/s."
    echo
    echo "## Checks"
    echo
    echo "| Check | Measured | Passed? |"
    echo "|---|---|---|"
    echo "| every order a client was answered \`201\` for exists | $CREATED answered, $MISSING missing | $(verdict "$([ "$MISSING" -eq 0 ] && echo 1 || echo 0)") |"
    echo "| ... and agrees with the stub (AUTHORIZED, 29900 NOK, its session and transaction), once settled | $WRONG disagree | $(verdict "$([ "$WRONG" -eq 0 ] && echo 1 || echo 0)") |"
    echo "| every return answered \`200\` showed the buyer the payment | $RETURNED returns, $SHOWN_OTHER showed another status | $(verdict "$([ "$SHOWN_OTHER" -eq 0 ] && echo 1 || echo 0)") |"
    echo "| orders of the run no client read an answer for: at most the creates answered \`502\` and those the load's end cut off, each held by its creation (no checkout yet) or complete and paid | $UNANSWERED ($UNANSWERED_HELD held, $UNANSWERED_PAID paid; $POST_502 creates answered 502, $POST_CUT cut off) | $(verdict "$([ "$UNANSWERED" -le $((POST_502 + POST_CUT)) ] && [ $((UNANSWERED_HELD + UNANSWERED_PAID)) -eq "$UNANSWERED" ] && echo 1 || echo 0)") |"
    echo "| errors only on requests the killed instance had in flight | $ERRORS non-2xx answers, $ERRORS_OTHER of them not in flight on A; ${SOCKET_ERRORS:-?} socket errors at the client | $(verdict "$([ "$ERRORS_OTHER" -eq 0 ] && [ "${SOCKET_ERRORS:-1}" -eq 0 ] && echo 1 || echo 0)") |"
    echo "| orders claimed by reconciliation at the kill: all settled | $CLAIMED_ORDERS claimed: $OWN_ORDERS settled by reconciliation within their lease (B's), $TAKEN_ORDERS only after it (A's, taken over by B), $BY_RETURN by the buyer's return, $UNSETTLED_CLAIMED unsettled | $(verdict "$([ "$UNSETTLED_CLAIMED" -eq 0 ] && echo 1 || echo 0)") |"
    echo "| ... A's taken over within the lease (${RECONCILE_CLAIM} s + ${TAKEOVER_SLACK} s) of the kill | last one ${LATEST_ORDER_TAKEOVER} s after the kill | $(verdict "$(awk -v t="$LATEST_ORDER_TAKEOVER" -v limit=$((RECONCILE_CLAIM + TAKEOVER_SLACK)) 'BEGIN { print (t == "-" || t <= limit) ? 1 : 0 }')") |"
    echo "| every event of the run delivered, and received at least once | $EVENTS events, $DELIVERED deliveries delivered (of $DELIVERIES), $NOT_RECEIVED never received, $RECEIVED_TWICE received twice | $(verdict "$([ "$DELIVERED" -eq "$EVENTS" ] && [ "$DELIVERIES" -eq "$EVENTS" ] && [ "$NOT_RECEIVED" -eq 0 ] && echo 1 || echo 0)") |"
    echo "| deliveries claimed at the kill: all delivered | $CLAIMED_DELIVERIES claimed: $OWN_DELIVERIES delivered within their lease (B's), $TAKEN_DELIVERIES only after it (A's, taken over by B), $UNDELIVERED_CLAIMED not delivered | $(verdict "$([ "$UNDELIVERED_CLAIMED" -eq 0 ] && echo 1 || echo 0)") |"
    echo "| ... A's taken over within the lease (${WEBHOOK_CLAIM} s + ${TAKEOVER_SLACK} s) of the kill | last one ${LATEST_DELIVERY_TAKEOVER} s after the kill | $(verdict "$(awk -v t="$LATEST_DELIVERY_TAKEOVER" -v limit=$((WEBHOOK_CLAIM + TAKEOVER_SLACK)) 'BEGIN { print (t == "-" || t <= limit) ? 1 : 0 }')") |"
    echo
    if [ ${#FAILED[@]} -eq 0 ]; then
      echo "All checks passed."
    else
      echo "**Failed:**"
      for name in "${FAILED[@]}"; do echo "- $name"; done
    fi
    echo
    echo "After the load stopped, the survivor settled every order and delivered every event in $(awk -v ms="$SETTLE_MS" 'BEGIN { printf "%.1f", ms / 1000 }') s."
    echo
    echo "## Throughput (2xx answers per second through nginx)"
    echo
    echo "| | before the kill (s 2–$KILL_S) | after the kill (s $((KILL_S + 5))–$((DURATION - 1))) |"
    echo "|---|---:|---:|"
    echo "| all requests, mean | $RATE_BEFORE | $RATE_AFTER |"
    echo "| lowest second | $MIN_BEFORE | $MIN_AFTER |"
    echo "| creates / returns / reads | $CREATES_BEFORE / $RETURNS_BEFORE / $READS_BEFORE | $CREATES_AFTER / $RETURNS_AFTER / $READS_AFTER |"
    echo "| share answered by A | $SHARE_A % | 0 % |"
    echo "| in the background: webhook deliveries / orders settled by reconciliation | $DELIVERIES_BEFORE / $RECONCILED_RATE_BEFORE | $DELIVERIES_AFTER / $RECONCILED_RATE_AFTER |"
    echo
    echo "CPU, in cores busy on average over the same windows (from /proc; the machine has $(nproc)):"
    echo
    echo "| | before the kill | after the kill |"
    echo "|---|---:|---:|"
    for role in instance-a instance-a-jit instance-b instance-b-jit database nginx wrk ours other machine; do
      case $role in
        ours) name="all of the above" ;; other) name="other work on the machine" ;; machine) name="the whole machine" ;;
        *-jit) name="... of which its JIT compiler threads" ;;
        *) name=$role ;;
      esac
      echo "| $name | $(cores "$WORK/cpu.before" "$role") | $(cores "$WORK/cpu.after" "$role") |"
    done
    awk -v rb="$RATE_BEFORE" -v ra="$RATE_AFTER" -v ab="$(cores "$WORK/cpu.before" instance-a)" \
      -v bb="$(cores "$WORK/cpu.before" instance-b)" -v ba="$(cores "$WORK/cpu.after" instance-b)" \
      -v db="$(cores "$WORK/cpu.before" database)" -v da="$(cores "$WORK/cpu.after" database)" 'BEGIN {
        printf "| CPU ms per 2xx answer: instances | %.2f | %.2f |\n", rb ? 1000 * (ab + bb) / rb : 0, ra ? 1000 * ba / ra : 0
        printf "| CPU ms per 2xx answer: database | %.2f | %.2f |\n", rb ? 1000 * db / rb : 0, ra ? 1000 * da / ra : 0 }'
    echo
    echo "The second of the kill: $RATE_KILL_SECOND answers. $RETRIED requests were answered by B after nginx"
    echo "could not use A (connection refused or closed before the request was sent, or a GET in flight)."
    echo
    echo "![2xx answers per second]($STEM.png)"
    echo
    echo "## Errors"
    echo
    if [ "$ERRORS" -eq 0 ]; then
      echo "None."
    else
      echo "Every non-2xx answer nginx gave during the run (times relative to the kill, in ms):"
      echo
      echo "| | status | request | instance(s) tried | started | ended |"
      echo "|---|---|---|---|---:|---:|"
      awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$WORK/errors" \
        | sed -E 's#/orders/[0-9a-f-]{36}#/orders/{id}#'
    fi
    echo
    echo "## Reconciliation and webhooks on the survivor"
    echo
    echo "| | due / created before the kill | around it (±2 s) | after it |"
    echo "|---|---|---|---|"
    echo "| orders settled by reconciliation: count, seconds from due to settled (p50, max) | $RECONCILED_BEFORE: $LATE_P50_BEFORE, $LATE_MAX_BEFORE | | $RECONCILED_AFTER: $LATE_P50_AFTER, $LATE_MAX_AFTER |"
    echo "| webhook lag, event to delivered (s): count, p50, p99, max | $LAG_N_BEFORE: $LAG_P50_BEFORE, $LAG_P99_BEFORE, $LAG_MAX_BEFORE | $LAG_N_AROUND: $LAG_P50_AROUND, $LAG_P99_AROUND, $LAG_MAX_AROUND | $LAG_N_AFTER: $LAG_P50_AFTER, $LAG_P99_AFTER, $LAG_MAX_AFTER |"
    echo
    echo "WARN or ERROR lines in the survivor's log after start-up: $SURVIVOR_WARNINGS."
    if [ "$SURVIVOR_WARNINGS" -gt 0 ]; then
      echo
      echo '```'
      sort -k 3 "$WORK/survivor-warnings" | awk '{ line = $0; sub(/^[^ ]+ /, "", line); if (!seen[line]++) print $0 }' | head -n 10
      echo '```'
    fi
    echo
    echo "## Where the database's time went"
    echo
    echo "pg_stat_statements over the run and the settling after it: $DB_SECONDS s of statement execution in all;"
    echo "the 15 statements that took most of it."
    echo
    echo "| share | seconds | calls | mean ms | rows | statement |"
    echo "|---:|---:|---:|---:|---:|---|"
    awk -F'\t' '{ q = $6; gsub(/\|/, "\\|", q); if (length(q) > 220) q = substr(q, 1, 217) "..."
      printf "| %s %% | %s | %s | %s | %s | `%s` |\n", $1, $2, $3, $4, $5, q }' "$WORK/statements"
    echo
    echo "## Load generator"
    echo
    echo '```'
    grep -v '^BENCH_RESULT' "$WORK/run.out" || true
    echo '```'
    echo
    echo "## Machine and settings"
    echo
    echo "- CPUs: $(nproc) ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)); memory $(free -m | awk '/^Mem:/ {print $2}') MiB"
    echo "- load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine adds noise)"
    echo "- $("${PSQL[@]}" -d postgres -Atc 'select version()' | cut -d, -f1), own cluster: $(grep -A 30 'bench/lib.sh pg_cluster_start' "$WORK/pg/postgresql.conf" | grep -E '^(max_connections|shared_buffers|synchronous_commit|fsync|autovacuum) ' | tr '\n' ';' | sed 's/;$//')"
    echo "- $(java -version 2>&1 | head -n 1); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); nginx $(nginx -v 2>&1 | cut -d/ -f2)"
    echo "- JVM flags of each instance: \`${BENCH_JAVA_OPTS:-}\`; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
  } > "$md"
  plot
  log "report: $md"
}
write_report
if [ ${#FAILED[@]} -gt 0 ]; then
  printf 'failed: %s\n' "${FAILED[@]}" >&2
  exit 1
fi
log "all checks passed"
