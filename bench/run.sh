#!/usr/bin/env bash
# The benchmark in one command: a PostgreSQL cluster of its own (initdb into the work folder, production-like
# settings from bench/lib.sh), an nginx Dintero stub, the service's jar, wrk as the load generator and pgbench as the
# baseline, on that same cluster. The service is started as the README runs it: bin/orderpay (Java 25 with the
# ahead-of-time cache the package step recorded). Writes bench/results/<date>-<commit>.md with PNG plots, and sets each measurement
# against the targets of issue 16 (reported, never asserted). `--smoke` runs every scenario for a few seconds on
# small data (CI). POST /orders is measured second by second from a cold start (the warm-up curve), and then, warmed
# up, three times: bare, with five lines and a customer, and bare with one webhook endpoint (served by the stub),
# followed by how long the webhook backlog takes to drain and the delivery lag.
#
# Tunables from the environment: BENCH_JAVA_OPTS (JVM options for the service, replacing bin/orderpay's), BENCH_JFR=1 (a Flight Recording of
# the whole run next to the results), BENCH_OUT (results folder), BENCH_DURATION / BENCH_WARMUP (seconds),
# BENCH_REPEATS (measured runs per scenario; the report gives their median), BENCH_WARMUP_CURVE (seconds of
# POST /orders right after the first start, plotted second by second), BENCH_JIT_WARMUP (seconds of traffic after
# that before the first measurement), BENCH_SIZES (stored orders for GET /orders), BENCH_LONG_RUN=1 (the long run:
# BENCH_LONG_DURATION seconds of POST /orders with BENCH_LONG_ORDERS orders stored), BENCH_KEEP_WORK=1 (keep the
# work folder), BENCH_SERVICE_PORT / BENCH_STUB_PORT / BENCH_WIREMOCK_PORT / BENCH_PG_PORT.
# Everything else in the environment reaches the service, so Micronaut settings can be tried as variables,
# e.g. DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=20.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
# The service runs with bin/orderpay's JVM options unless BENCH_JAVA_OPTS replaces them (options other than those the
# cache was recorded with may make the JVM start without it; the report's command line shows what ran).
MODE=full
case "${1:-}" in
  --smoke) MODE=smoke ;;
  "") ;;
  *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac

if [ "$MODE" = smoke ]; then
  DURATION=${BENCH_DURATION:-3}; WARMUP=${BENCH_WARMUP:-1}; SIZES=${BENCH_SIZES:-"1000 10000 50000"}
  REPEATS=${BENCH_REPEATS:-1}; JIT_WARMUP=${BENCH_JIT_WARMUP:-4}; WARMUP_CURVE=${BENCH_WARMUP_CURVE:-8}
  SLOW_DURATION=${BENCH_DURATION:-6}
  DRAIN_LIMIT=5
  OUT=${BENCH_OUT:-"$BENCH/results/smoke"}
else
  DURATION=${BENCH_DURATION:-30}; WARMUP=${BENCH_WARMUP:-10}; SIZES=${BENCH_SIZES:-"1000 100000 1000000"}
  # The warm-up curve's minute of creates is the JIT's first warm-up; issue 16 measures the create ratio after only
  # 20 s more.
  REPEATS=${BENCH_REPEATS:-3}; JIT_WARMUP=${BENCH_JIT_WARMUP:-20}; WARMUP_CURVE=${BENCH_WARMUP_CURVE:-60}
  SLOW_DURATION=$DURATION
  DRAIN_LIMIT=120
  OUT=${BENCH_OUT:-"$BENCH/results"}
fi
# The long run (off unless BENCH_LONG_RUN=1, never in the smoke run): creates through the API with this many
# orders stored, seeded with SQL as the GET /orders scenarios are, measured once.
LONG_RUN=${BENCH_LONG_RUN:-}
[ "$MODE" = smoke ] && LONG_RUN=""
LONG_ORDERS=${BENCH_LONG_ORDERS:-1000000}
LONG_DURATION=${BENCH_LONG_DURATION:-300}
CONNECTIONS=16
THREADS=2
SERVICE_PORT=${BENCH_SERVICE_PORT:-18080}
STUB_PORT=${BENCH_STUB_PORT:-18081}
WIREMOCK_PORT=${BENCH_WIREMOCK_PORT:-18082}
PG_PORT=${BENCH_PG_PORT:-15432}
DB=orderpay_bench
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
JAR="$ROOT/bootstrap/target/orderpay.jar"
WIREMOCK_JAR="$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar"
API_KEY=bench-key
# The order the redirect and GET /orders/{id} scenarios use; the stub's transaction names it as its merchant reference.
ORDER_ID=b0000000-0000-4000-8000-000000000001
CREATE_BODY='{"amount":29900,"currency":"NOK","receipt":"bench"}'
# The same order as a shop sends it: five lines (VAT included, adding up to the amount) and a customer.
CONTENTS_BODY='{"amount":29900,"currency":"NOK","receipt":"bench","items":[
{"line_id":"1","description":"Coffee beans, 1 kg","quantity":1,"amount":9900,"vat":25,"vat_amount":1980,"sku":"CB-1000"},
{"line_id":"2","description":"Filter papers","quantity":3,"amount":7500,"vat":25,"vat_amount":1500,"sku":"FP-100"},
{"line_id":"3","description":"Milk frother","quantity":1,"amount":4500,"vat":25,"vat_amount":900},
{"line_id":"4","description":"Descaler","quantity":2,"amount":4000,"vat":25,"vat_amount":800},
{"line_id":"5","description":"Gift wrapping","quantity":1,"amount":4000,"vat":25,"vat_amount":800}],
"customer":{"email":"buyer@example.com","phone_number":"+4791234567","first_name":"Kari","last_name":"Nordmann"}}'
BASE="http://127.0.0.1:$SERVICE_PORT"

WORK=$(mktemp -d /tmp/orderpay-bench.XXXXXX)
# The cluster's data directory is in here, and its server runs as postgres.
chmod 711 "$WORK"
PGDATA_DIR="$WORK/pg"
RAW="$WORK/runs.tsv"    # one row per measured run
TSV="$WORK/results.tsv" # one row per scenario: the medians of its runs
SERVICE_PID="" NGINX_PID="" WIREMOCK_PID="" SLOW_WRK_PID=""


cleanup() {
  local status=$?
  stop_pid "$SLOW_WRK_PID"
  stop_pid "$SERVICE_PID"
  stop_pid "$WIREMOCK_PID"
  stop_pid "$NGINX_PID"
  pg_cluster_stop "$PGDATA_DIR"
  if [ "$status" -ne 0 ] && [ -f "$WORK/service.log" ]; then
    echo "---- last lines of the service log ($WORK kept)" >&2
    tail -n 40 "$WORK/service.log" >&2
  elif [ -z "${BENCH_KEEP_WORK:-}" ]; then
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools, jar, database
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
  command -v jq >/dev/null || missing+=(jq)
  command -v pgbench >/dev/null || { echo "pgbench (ships with the PostgreSQL server) is missing" >&2; exit 1; }
  install_debian_packages "${missing[@]}"
}

ensure_jar() {
  if [ ! -f "$JAR" ] || [ ! -f "${JAR%.jar}.aot" ]; then
    log "building $JAR and its ahead-of-time cache"
    (cd "$ROOT" && mvn -B -q -DskipTests package)
  fi
  if [ ! -f "$WIREMOCK_JAR" ]; then
    log "fetching WireMock standalone for the slow-provider stub"
    (cd "$ROOT" && mvn -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2)
  fi
}

ensure_ports_free() {
  local port
  for port in "$SERVICE_PORT" "$STUB_PORT" "$WIREMOCK_PORT" "$PG_PORT"; do
    if ss -ltnH "sport = :$port" | grep -q .; then
      echo "port $port on 127.0.0.1 is taken; set BENCH_SERVICE_PORT/BENCH_STUB_PORT/BENCH_WIREMOCK_PORT/BENCH_PG_PORT" >&2
      exit 1
    fi
  done
}

# The run's own cluster (bench/lib.sh pg_cluster_start: durable commits, autovacuum on, JIT off as
# docs/operations.md tells operators to run the service, pg_stat_statements preloaded) with an empty database for
# the service, whose Flyway migrations create the schema. pg_stat_statements is created in the postgres database,
# so the service's database holds only what the service puts there.
start_database() {
  log "starting a PostgreSQL cluster of the run's own on 127.0.0.1:$PG_PORT ($PGDATA_DIR)"
  pg_cluster_start "$PGDATA_DIR" "$PG_PORT"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB" -c "CREATE EXTENSION pg_stat_statements"
}

sql() { "${PSQL[@]}" -d "$DB" "$@"; }

# Orders FROM..TO (inclusive) as the service would have stored them: a mix of open, paid, captured and cancelled
# checkouts in three currencies, one every 10 s, so that higher numbers are newer. Ids are stable across runs.
seed_orders() {
  local from=$1 to=$2
  sql <<SQL
INSERT INTO orders (id, amount_minor, currency, receipt, status, session_id, session_url, created_at, updated_at,
                    version, payment_id, captured_minor, refunded_minor)
SELECT md5('bench-order-' || i)::uuid,
       1000 + (i * 7919) % 100000,
       (ARRAY['NOK', 'SEK', 'EUR'])[1 + i % 3],
       'receipt#' || i,
       (ARRAY['PENDING', 'AUTHORIZED', 'CAPTURED', 'CAPTURED', 'CANCELLED'])[1 + i % 5],
       'T11223674.seed' || i,
       'https://checkout.example/v1/view/seed' || i,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '10 seconds',
       timestamptz '2025-01-01 00:00:00+00' + i * interval '10 seconds' + interval '1 minute',
       CASE WHEN i % 5 = 0 THEN 1 ELSE 2 END,
       CASE WHEN i % 5 IN (1, 2, 3) THEN 'T11223674.tx' || i END,
       CASE WHEN i % 5 IN (2, 3) THEN 1000 + (i * 7919) % 100000 ELSE 0 END,
       0
FROM generate_series($from::bigint, $to::bigint) AS i;
SQL
  sql -c "VACUUM (ANALYZE) orders"
}

# The order the redirect returns to: its checkout is the stub's session, and the stub's transaction is its payment.
seed_redirect_order() {
  sql -c "INSERT INTO orders (id, amount_minor, currency, receipt, status, session_id, session_url, created_at,
                              updated_at, version)
          VALUES ('$ORDER_ID', 29900, 'NOK', 'bench-redirect', 'PENDING', 'T11223674.bench',
                  'https://checkout.example/v1/view/bench', now(), now(), 1)"
}

# Empties every table a create writes to. Each create leaves a dead row version of its order behind (the insert,
# then the update), and index entries for both, until autovacuum reaches them: on tables that still held the rows of
# the scenario before, a scenario would insert into larger tables and indexes and step over more dead rows, and its
# rate would depend on where it runs in the order. The baseline and each create scenario therefore start from the
# same empty tables, so that their rates can be compared. CASCADE also empties any table added later that refers to
# these.
empty_order_tables() {
  sql -c "TRUNCATE orders, order_status_history, idempotent_requests, events, webhook_deliveries,
            webhook_delivery_attempts CASCADE"
}

# ---------------------------------------------------------------- stub provider and service
start_stub() {
  mkdir -p "$WORK/nginx-tmp"
  sed -e "s|@WORK@|$WORK|g" -e "s|@STUB_PORT@|$STUB_PORT|g" -e "s|@ORDER_ID@|$ORDER_ID|g" \
    "$BENCH/stub/nginx.conf.template" > "$WORK/nginx.conf"
  fast_sessions
  nginx -c "$WORK/nginx.conf" -p "$WORK" > "$WORK/nginx.log" 2>&1 &
  NGINX_PID=$!
  wait_for "stub" "curl -fs -o /dev/null -X POST http://127.0.0.1:$STUB_PORT/v1/sessions-profile" 100
}

fast_sessions() {
  echo "return 200 '{\"id\":\"T11223674.bench\",\"url\":\"https://checkout.example/v1/view/bench\"}';" \
    > "$WORK/sessions.conf"
}

reload_stub() {
  kill -HUP "$NGINX_PID"
  sleep 1
}

# The service's settings; `env` execs java, so $! is the service itself.
SERVICE_ENV=(DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" DATASOURCES_DEFAULT_USERNAME=postgres
  PAYMENTS_PROVIDER=dintero DINTERO_ACCOUNT_ID=T11223674 DINTERO_CLIENT_ID=bench DINTERO_CLIENT_SECRET=bench
  DINTERO_API_URL="http://127.0.0.1:$STUB_PORT" DINTERO_CHECKOUT_URL="http://127.0.0.1:$STUB_PORT"
  ORDERPAY_API_KEYS="$API_KEY" ORDERPAY_RECONCILE_ENABLED=false MICRONAUT_SERVER_PORT="$SERVICE_PORT"
  # The webhook scenario's receiver is the stub, on loopback over http.
  ORDERPAY_WEBHOOK_ALLOW_PRIVATE=true
  # glibc gives each thread that allocates its own malloc arena; two are plenty for a JVM and keep RSS down.
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}")

# start_service LABEL [JVM OPTION...]: starts the service as the README does (bin/orderpay), the options added to the
# launcher's through JDK_JAVA_OPTIONS, and records the time from launch to the first successful request.
start_service() {
  local label=$1 extra t0 t1
  shift
  extra="$*"
  if [ -n "${BENCH_JFR:-}" ] && [ "$label" = first ]; then
    extra="$extra -XX:StartFlightRecording=filename=$OUT/$STEM.jfr,settings=profile,dumponexit=true"
  fi
  t0=$(date +%s%N)
  env "${SERVICE_ENV[@]}" ${BENCH_JAVA_OPTS+ORDERPAY_JAVA_OPTS="$BENCH_JAVA_OPTS"} \
    ${extra:+JDK_JAVA_OPTIONS="$extra"} "$ROOT/bin/orderpay" >> "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  wait_for "service" "curl -fs -o /dev/null -H 'Authorization: Bearer $API_KEY' '$BASE/orders?limit=1'" 1200 \
    "$SERVICE_PID"
  t1=$(date +%s%N)
  echo "$label $(( (t1 - t0) / 1000000 ))" >> "$WORK/starts"
  # bin/orderpay execs java, so the process is the JVM: its command line is what ran.
  [ -s "$WORK/command-line" ] || tr '\0' ' ' < "/proc/$SERVICE_PID/cmdline" > "$WORK/command-line"
  log "service up ($label start): $(( (t1 - t0) / 1000000 )) ms to the first successful request"
}

rss_mib() { echo $(( $(ps -o rss= -p "$SERVICE_PID") / 1024 )); }

# ---------------------------------------------------------------- scenarios
# run_wrk NAME URL [VAR=VALUE...]: warm-up, then $REPEATS measured runs; one row of $TSV with their medians.
run_wrk() {
  local name=$1 url=$2 file run; shift 2
  file="$WORK/$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '_')"
  log "scenario: $name (warm-up ${WARMUP}s, then $REPEATS × ${DURATION}s measured)"
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$BENCH/wrk/scenario.lua" "$url" \
    > "$WORK/warmup.out"
  for run in $(seq 1 "$REPEATS"); do
    env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH/wrk/scenario.lua" "$url" \
      > "$file.$run.out"
    record "$name" "$file.$run.out"
  done
  summarize "$name"
}

# record NAME WRK_OUTPUT: the BENCH_RESULT line as a row of $RAW: name rps p50 p75 p90 p99 p999 max non2xx socket rss.
record() {
  local line
  line=$(grep '^BENCH_RESULT' "$2") || { echo "no result from wrk for $1" >&2; cat "$2" >&2; exit 1; }
  echo "$line" | awk -v name="$1" -v rss="$(rss_mib)" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, v["rps"], v["p50"], v["p75"], v["p90"], v["p99"],
      v["p999"], v["max"], v["non2xx"], v["socket"], rss }' >> "$RAW"
  log "  $(tail -n 1 "$RAW" | awk -F'\t' '{printf "%s req/s, p50 %s ms, p99 %s ms, errors %d, RSS %s MiB", $2, $3, $6, $9 + $10, $11}')"
}

# summarize NAME: the runs of NAME in $RAW as one row of $TSV. Each of req/s and the percentiles is the median of
# its runs; errors are summed over the runs; RSS is the last run's. Then the lowest and highest req/s and p99, and
# the number of runs.
summarize() {
  awk -F'\t' -v name="$1" '
    function median(c,   i, j, x, a) {
      for (i = 1; i <= n; i++) a[i] = v[c, i] + 0
      for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
      return a[int((n + 1) / 2)]
    }
    function least(c,   i, m) { m = v[c, 1] + 0; for (i = 2; i <= n; i++) if (v[c, i] + 0 < m) m = v[c, i] + 0; return m }
    function most(c,   i, m) { m = v[c, 1] + 0; for (i = 2; i <= n; i++) if (v[c, i] + 0 > m) m = v[c, i] + 0; return m }
    $1 == name { n++; for (c = 2; c <= 11; c++) v[c, n] = $c; errors += $9; socket += $10 }
    END {
      printf "%s", name
      for (c = 2; c <= 8; c++) printf "\t%s", median(c)
      printf "\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%d\n", errors, socket, v[11, n], least(2), most(2), least(6), most(6), n
    }' "$RAW" >> "$TSV"
}

# start_summary LABEL TEXT: the starts recorded as LABEL as one report line: median, lowest–highest, count.
start_summary() {
  local times
  mapfile -t times < <(awk -v label="$1" '$1 == label {print $2}' "$WORK/starts" | sort -n)
  [ ${#times[@]} -gt 0 ] || return 0
  printf -- '- %s: %d ms (%d–%d ms, %d start(s))\n' "$2" "${times[$(( (${#times[@]} - 1) / 2 ))]}" "${times[0]}" \
    "${times[${#times[@]} - 1]}" "${#times[@]}"
}

# warm_up_service: traffic on the four request kinds the scenarios measure, thrown away. A fresh JVM on 2 cores
# compiles its hot paths for over a minute; without this the first scenarios would measure the compiler.
warm_up_service() {
  local slice=$(( (JIT_WARMUP + 3) / 4 ))
  log "warming the service up: ${JIT_WARMUP}s across creates, reads, verified returns and lists (not measured)"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${slice}s" --timeout 10s -s "$BENCH/wrk/scenario.lua")
  BENCH_METHOD=POST BENCH_AUTH="$API_KEY" BENCH_BODY='{"amount":29900,"currency":"NOK","receipt":"warm-up"}' \
    wrk "${args[@]}" "$BASE/orders" > /dev/null
  BENCH_AUTH="$API_KEY" wrk "${args[@]}" "$BASE/orders/$ORDER_ID" > /dev/null
  wrk "${args[@]}" "$BASE/orders/$ORDER_ID/redirect?transaction_id=T11223674.benchtx&merchant_reference=$ORDER_ID" \
    > /dev/null
  BENCH_AUTH="$API_KEY" wrk "${args[@]}" "$BASE/orders?limit=50" > /dev/null
}

pgbench_baseline() {
  local name="pgbench create statements (baseline)" run dir tps failed
  log "baseline: pgbench with a create's statements, $CONNECTIONS clients, warm-up ${WARMUP}s," \
    "then $REPEATS × ${DURATION}s"
  mkdir -p "$WORK/pgbench"
  (cd "$WORK/pgbench" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" \
    -T "$WARMUP" -f "$BENCH/pgbench-create.sql" "$DB" > warmup.out 2>&1)
  for run in $(seq 1 "$REPEATS"); do
    dir="$WORK/pgbench/$run"
    mkdir -p "$dir"
    (cd "$dir" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" \
      -T "$DURATION" -l -f "$BENCH/pgbench-create.sql" "$DB" > run.out 2>&1) || { cat "$dir/run.out" >&2; exit 1; }
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$dir/run.out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$dir/run.out")
    # Per-transaction log: the third field is the latency in microseconds.
    cat "$dir"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n > "$dir/latencies"
    awk -v name="$name" -v tps="$tps" -v failed="${failed:-0}" -v rss="$(rss_mib)" '
      { l[NR] = $1 }
      function p(q) { i = int(NR * q / 100); if (i < 1) i = 1; return l[i] }
      END { printf "%s\t%.1f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t0\t%s\n",
              name, tps, p(50), p(75), p(90), p(99), p(99.9), l[NR], failed, rss }' "$dir/latencies" >> "$RAW"
    log "  $tps transactions/s"
  done
  summarize "$name"
}

# POST /orders as the scenario before, now with one webhook endpoint for every event type (the stub's /webhooks), so
# that each create also stores a delivery the service then posts. When the load stops: seconds until no delivery is
# pending (at most DRAIN_LIMIT), then the lag from an event's creation to its first attempt. The endpoint is deleted
# at the end, its deliveries with it, so the later scenarios run without one. Results go to $WORK/webhooks.
webhook_scenario() {
  local name="POST /orders, one webhook endpoint" endpoint t0 elapsed_ms pending backlog
  endpoint=$(jq -nc --arg url "http://127.0.0.1:$STUB_PORT/webhooks" '{url: $url, description: "bench/run.sh"}' \
    | curl -fsS -X POST "$BASE/webhook-endpoints" -H "Authorization: Bearer $API_KEY" \
        -H 'Content-Type: application/json' --data-binary @- | jq -er .id)
  run_wrk "$name" "$BASE/orders" BENCH_METHOD=POST BENCH_AUTH="$API_KEY" BENCH_BODY="$CREATE_BODY"

  t0=$(date +%s%N)
  backlog=""
  while :; do
    pending=$(sql -Atc "SELECT count(*) FROM webhook_deliveries WHERE state = 'PENDING'")
    backlog=${backlog:-$pending}
    elapsed_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ "$pending" -eq 0 ] || [ "$elapsed_ms" -ge $((DRAIN_LIMIT * 1000)) ] && break
    sleep 0.1
  done
  log "  webhook backlog: $pending pending after $elapsed_ms ms"
  # The lag is over the deliveries that had a first attempt; the counts say how many did.
  sql -v endpoint="$endpoint" -v drain_ms="$elapsed_ms" -v backlog="$backlog" -v pending="$pending" -At -F' ' \
    > "$WORK/webhooks" <<'SQL'
SELECT :drain_ms, :backlog, :pending, count(*), count(*) FILTER (WHERE d.state = 'DELIVERED'),
       count(*) FILTER (WHERE d.state = 'FAILED'), count(a.delivery_id),
       coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY first_attempt.lag_ms)::numeric, 1)::text, '-'),
       coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY first_attempt.lag_ms)::numeric, 1)::text, '-')
FROM webhook_deliveries d
JOIN events e ON e.id = d.event_id
LEFT JOIN webhook_delivery_attempts a ON a.delivery_id = d.id AND a.number = 1
CROSS JOIN LATERAL (SELECT extract(epoch FROM a.attempted_at - e.created_at) * 1000 AS lag_ms) first_attempt
WHERE d.endpoint_id = :'endpoint';
SQL
  curl -fsS -o /dev/null -X DELETE "$BASE/webhook-endpoints/$endpoint" -H "Authorization: Bearer $API_KEY"
}

slow_provider() {
  local size=$1 name
  name="GET /orders during 5 s session creates ($size orders)"
  log "scenario: $name"
  java -Xmx128m -jar "$WIREMOCK_JAR" --port "$WIREMOCK_PORT" --bind-address 127.0.0.1 --root-dir "$BENCH/stub/wiremock" \
    --no-request-journal --container-threads 64 --async-response-enabled true --disable-banner \
    > "$WORK/wiremock.log" 2>&1 &
  WIREMOCK_PID=$!
  wait_for "WireMock" "curl -fs -o /dev/null http://127.0.0.1:$WIREMOCK_PORT/__admin/health" 600 "$WIREMOCK_PID"
  echo "proxy_pass http://127.0.0.1:$WIREMOCK_PORT; proxy_read_timeout 60s;" > "$WORK/sessions.conf"
  reload_stub
  local took
  took=$(curl -fs -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$STUB_PORT/v1/sessions-profile")
  log "  the stub now answers session creates in ${took}s"

  # Creates that each wait 5 s for the provider, on 16 connections of their own, for the whole measurement.
  local run post_name="POST /orders during 5 s session creates (16 more connections)"
  BENCH_METHOD=POST BENCH_AUTH="$API_KEY" BENCH_BODY='{"amount":29900,"currency":"NOK","receipt":"bench-slow"}' \
    wrk -t1 -c"$CONNECTIONS" -d"$((WARMUP + REPEATS * SLOW_DURATION + 2))s" --timeout 30s \
    -s "$BENCH/wrk/scenario.lua" "$BASE/orders" > "$WORK/slow-post.out" &
  SLOW_WRK_PID=$!
  sleep "$WARMUP"
  for run in $(seq 1 "$REPEATS"); do
    BENCH_AUTH="$API_KEY" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SLOW_DURATION}s" --timeout 10s \
      -s "$BENCH/wrk/scenario.lua" "$BASE/orders?limit=50" > "$WORK/slow-get.$run.out"
    record "$name" "$WORK/slow-get.$run.out"
  done
  wait "$SLOW_WRK_PID"
  SLOW_WRK_PID=""
  summarize "$name"
  record "$post_name" "$WORK/slow-post.out"
  summarize "$post_name"

  fast_sessions
  reload_stub
  stop_pid "$WIREMOCK_PID"
  WIREMOCK_PID=""
}

# warmup_curve: right after the first start, before any other traffic, POST /orders for WARMUP_CURVE seconds; then
# the creates of each second, counted from the orders' created_at. $WORK/warmup.dat gets one line per whole second:
# the seconds from the first request to the end of that second, and the creates in it; the first and last seconds,
# which the load only partly covers, are left out.
warmup_curve() {
  local name="POST /orders, cold start (${WARMUP_CURVE} s)" first
  log "warm-up curve: POST /orders for ${WARMUP_CURVE}s from a cold start"
  BENCH_METHOD=POST BENCH_AUTH="$API_KEY" BENCH_BODY="$CREATE_BODY" wrk -t"$THREADS" -c"$CONNECTIONS" \
    -d"${WARMUP_CURVE}s" --timeout 10s -s "$BENCH/wrk/scenario.lua" "$BASE/orders" > "$WORK/warmup-curve.out"
  record "$name" "$WORK/warmup-curve.out"
  summarize "$name"
  first=$(sql -Atc "SELECT extract(epoch FROM min(created_at)) FROM orders WHERE receipt = 'bench'")
  sql -At -F' ' -c "SELECT extract(epoch FROM date_trunc('second', created_at))::bigint, count(*) FROM orders
                     WHERE receipt = 'bench' GROUP BY 1 ORDER BY 1" \
    | awk -v first="$first" '{ s[NR] = $1; n[NR] = $2 }
        END { for (i = 2; i < NR; i++) printf "%.2f\t%d\n", s[i] + 1 - first, n[i] }' > "$WORK/warmup.dat"
}

# write_statements FILE: the statements pg_stat_statements saw in the service's database since its last reset that
# write rows or open a transaction, one "COMMAND table, N columns<TAB>N call(s), N row(s)" line each, sorted.
# Transactions are counted by their BEGIN: the JDBC driver sends COMMIT as a prepared statement of its own, which
# pg_stat_statements (PostgreSQL 15) does not list; an INSERT outside them commits on its own. The delivery job's
# claims (a WITH ... UPDATE that runs on its own schedule) begin with WITH and are left out; no statement of a create
# or of bench/pgbench-create.sql does.
write_statements() {
  "${PSQL[@]}" -d postgres -At -F$'\t' -v db="$DB" > "$1" <<'SQL'
SELECT command || coalesce(' ' || target, '') || coalesce(', ' || columns || ' columns', ''),
       calls || ' call(s), ' || rows || ' row(s)'
FROM (
  SELECT upper(substring(q FROM '^\s*([a-z]+)')) AS command,
         substring(q FROM '^\s*(?:insert\s+into|update|delete\s+from)\s+"?([a-z_]+)') AS target,
         CASE WHEN q ~ '^\s*insert' THEN array_length(regexp_split_to_array(substring(q FROM '\(([^)]*)\)'), ','), 1)
              WHEN q ~ '^\s*update' THEN length(substring(q FROM '\sset\s(.*)\swhere\s'))
                                         - length(replace(substring(q FROM '\sset\s(.*)\swhere\s'), '=', ''))
         END AS columns,
         calls, rows
  FROM (SELECT lower(s.query) AS q, s.calls, s.rows
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = :'db') statements
  WHERE q ~ '^\s*(insert|update|delete|begin|start)\M') w
ORDER BY 1;
SQL
}

# baseline_check: the baseline's premise, checked on every run: one bare create through the API and one transaction
# of bench/pgbench-create.sql issue the same writing statements (command, table, columns written, rows) in the same
# number of explicit transactions. Reported, not asserted; $WORK/statements-create and $WORK/statements-pgbench hold both.
baseline_check() {
  log "comparing one create's statements with bench/pgbench-create.sql (pg_stat_statements)"
  "${PSQL[@]}" -d postgres -Atc "SELECT pg_stat_statements_reset()" > /dev/null
  curl -fsS -o /dev/null -X POST "$BASE/orders" -H "Authorization: Bearer $API_KEY" \
    -H 'Content-Type: application/json' --data-binary "$CREATE_BODY"
  write_statements "$WORK/statements-create"
  "${PSQL[@]}" -d postgres -Atc "SELECT pg_stat_statements_reset()" > /dev/null
  pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c 1 -t 1 -f "$BENCH/pgbench-create.sql" "$DB" \
    > "$WORK/pgbench-once.out" 2>&1 || { cat "$WORK/pgbench-once.out" >&2; exit 1; }
  write_statements "$WORK/statements-pgbench"
  if cmp -s "$WORK/statements-create" "$WORK/statements-pgbench"; then
    BASELINE_MATCHES=yes
  else
    BASELINE_MATCHES=no
    log "  the baseline no longer issues what a create does:"
    diff "$WORK/statements-create" "$WORK/statements-pgbench" | sed 's/^/    /' >&2 || true
  fi
}

# long_run: POST /orders for LONG_DURATION seconds, once, with LONG_ORDERS orders stored (seeded with SQL up to that
# count where the GET /orders scenarios left fewer). Then the creates of each minute, and the size of every table a
# create writes per live row, in $WORK/long-minutes and $WORK/long-sizes.
long_run() {
  local name="POST /orders, $LONG_ORDERS orders stored (long run)" t0 since
  if [ "$seeded" -lt "$LONG_ORDERS" ]; then
    t0=$(date +%s)
    seed_orders $((seeded + 1)) "$LONG_ORDERS"
    echo "- $seeded → $LONG_ORDERS orders (long run): $(( $(date +%s) - t0 )) s" >> "$WORK/seeding"
    seeded=$LONG_ORDERS
  fi
  log "scenario: $name (${LONG_DURATION}s, once)"
  since=$(sql -Atc "SELECT now()")
  BENCH_METHOD=POST BENCH_AUTH="$API_KEY" BENCH_BODY="$CREATE_BODY" wrk -t"$THREADS" -c"$CONNECTIONS" \
    -d"${LONG_DURATION}s" --timeout 10s -s "$BENCH/wrk/scenario.lua" "$BASE/orders" > "$WORK/long.out"
  record "$name" "$WORK/long.out"
  summarize "$name"
  # Minutes counted from the first create of the run; the last one may be partial, and its rate says so.
  sql -At -F' ' -v since="$since" > "$WORK/long-minutes" <<'SQL'
WITH creates AS (SELECT created_at FROM orders WHERE created_at >= :'since'),
     start AS (SELECT min(created_at) AS t0, max(created_at) AS t1 FROM creates)
SELECT m + 1, round(count(*) / least(60, extract(epoch FROM t1 - t0) - m * 60)::numeric)
FROM creates, start, LATERAL (SELECT floor(extract(epoch FROM created_at - t0) / 60)::int AS m) minute
GROUP BY m, t0, t1 ORDER BY m;
SQL
  long_sizes
}

# long_sizes: for each table a create wrote in baseline_check: live rows, table and index bytes (pg_table_size,
# which counts TOAST and the free space and visibility maps, and pg_indexes_size), bytes per live row, dead rows and
# how often autovacuum has processed it; one tab-separated line each in $WORK/long-sizes.
long_sizes() {
  local table tables
  mapfile -t tables < <(awk '$1 ~ /^(INSERT|UPDATE)$/ { sub(/,$/, "", $2); print $2 }' "$WORK/statements-create" \
    | sort -u)
  for table in "${tables[@]}"; do
    sql -At -F$'\t' -v table="$table" <<'SQL'
SELECT relname, (SELECT count(*) FROM :"table"), pg_table_size(relid), pg_indexes_size(relid), n_dead_tup,
       autovacuum_count
FROM pg_stat_user_tables WHERE relname = :'table';
SQL
  done > "$WORK/long-sizes"
}

# ---------------------------------------------------------------- report
# webhook_report: the webhook scenario against the targets of issue 10 (reported, never asserted).
webhook_report() {
  local drain_ms backlog pending deliveries delivered failed attempted p50 p99 seconds rate
  read -r drain_ms backlog pending deliveries delivered failed attempted p50 p99 < "$WORK/webhooks"
  seconds=$(awk -v ms="$drain_ms" 'BEGIN { printf "%.1f", ms / 1000 }')
  echo "## Webhooks"
  echo
  echo "\`POST /orders\` again, with one webhook endpoint (every event type) served by the stub, which answers \`204\`"
  echo "at once; the endpoint is deleted afterwards. Targets from issue 10, reported, not asserted."
  echo
  echo "| Measure | Measured | Target | Met? |"
  echo "|---|---|---|---|"
  awk -F'\t' '
    $1 == "POST /orders" { without = $2; p99 = $6 }
    $1 == "POST /orders, one webhook endpoint" { with = $2; with_p99 = $6 }
    END {
      ratio = with / without
      printf "| create rate with the endpoint / without | %.2f (%.0f / %.0f req/s; p99 %.2f / %.2f ms) |", ratio, with,
        without, with_p99, p99
      printf " ≥ 0.85 (within 15 %%) | %s |\n", ratio >= 0.85 ? "yes" : "no"
    }' "$TSV"
  printf '| load stopped (%d deliveries pending) → none pending | ' "$backlog"
  if [ "$pending" -eq 0 ]; then
    printf '%s s | ≤ 5 s | %s |\n' "$seconds" "$([ "$drain_ms" -le 5000 ] && echo yes || echo no)"
  else
    rate=$(awk -v n=$((backlog - pending)) -v ms="$drain_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }')
    printf '%d still pending after %s s (%s delivered/s) | ≤ 5 s | no |\n' "$pending" "$seconds" "$rate"
  fi
  printf '| delivery lag, event created → first attempt | p50 %s ms, p99 %s ms (%d of %d deliveries attempted) |' \
    "$p50" "$p99" "$attempted" "$deliveries"
  echo " reported | |"
  printf '| deliveries, counted before the endpoint was deleted | %d: %d delivered, %d failed, %d pending | | |\n' \
    "$deliveries" "$delivered" "$failed" "$((deliveries - delivered - failed))"
}

# start_median LABEL: the median of the starts recorded as LABEL, in ms (nothing if there were none).
start_median() {
  awk -v label="$1" '$1 == label {print $2}' "$WORK/starts" | sort -n \
    | awk '{ t[NR] = $1 } END { if (NR) print t[int((NR + 1) / 2)] }'
}

# warmup_reached STEADY: seconds from the first request of the warm-up curve to the end of the first second in which
# the creates reached 90 % of STEADY (nothing if none did).
warmup_reached() {
  awk -v steady="$1" '!found && $2 >= 0.9 * steady { printf "%.1f", $1; found = 1 }' "$WORK/warmup.dat"
}

# met A OP B: "yes" if the number A is OP (<, <= or >=) the number B, else "no".
met() {
  awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == "<") ? a < b : (op == "<=") ? a <= b : a >= b
                                             print ok ? "yes" : "no" }'
}

# targets_report: every target of issue 16 against what this run measured; reported, never asserted.
targets_report() {
  local steady reached ms
  steady=$(awk -F'\t' '$1 == "POST /orders" { print $2 }' "$TSV")
  reached=$(warmup_reached "$steady")
  echo "## Against the targets of issue 16"
  echo
  if [ "$MODE" = smoke ]; then
    echo "A smoke run: scenarios of a few seconds on small data, so these say only that the harness works."
    echo
  fi
  echo "Reported, not asserted. Medians of the run's measured runs (of the starts: of each kind's starts)."
  echo
  echo "| Target | Measured | Target | Met? |"
  echo "|---|---|---|---|"
  ms=$(start_median first)
  [ -n "$ms" ] && echo "| start to first request, fresh database (Flyway migrates) | $ms ms | < 2,000 ms | $(met "$ms" "<" 2000) |"
  ms=$(start_median migrated)
  [ -n "$ms" ] && echo "| start to first request, migrated database | $ms ms | < 1,000 ms | $(met "$ms" "<" 1000) |"
  ms=$(start_median uncached)
  [ -n "$ms" ] && echo "| for comparison: migrated database without the ahead-of-time cache | $ms ms | | |"
  if [ -n "$reached" ]; then
    printf '| POST /orders at 90 %% of its steady rate (%.0f req/s), from the first request | %s s | ≤ 20 s | %s |\n' \
      "$steady" "$reached" "$(met "$reached" "<=" 20)"
  else
    printf '| POST /orders at 90 %% of its steady rate (%.0f req/s), from the first request | not within the curve'"'"'s %s s | ≤ 20 s | no |\n' \
      "$steady" "$WARMUP_CURVE"
  fi
  awk -F'\t' -v slow="during 5 s session creates" '
    function yes(c) { return c ? "yes" : "no" }
    $1 ~ /^pgbench/ { base = $2 }
    $1 == "POST /orders" { post = $2; post_p99 = $6 }
    $1 == "GET /orders/{id}" { one_p99 = $6 }
    $1 ~ /^GET \/orders \(page of 50\)/ { n = $1; sub(/.*, /, "", n); sub(/ stored.*/, "", n); sizes[++k] = n; p99[k] = $6 }
    $1 ~ /\(long run\)$/ { long = $2; long_name = $1 }
    index($1, slow) == 0 && $9 + $10 > 0 { errors += $9 + $10; where = where (where ? "; " : "") $1 ": " $9 + $10 }
    END {
      printf "| POST /orders / pgbench baseline | %.2f (%.0f req/s / %.0f tps) | ≥ 0.75 | %s |\n", post / base, post, base,
        yes(post / base >= 0.75)
      printf "| POST /orders p99 | %.2f ms | < 30 ms | %s |\n", post_p99, yes(post_p99 < 30)
      for (i = 1; i <= k; i++) {
        printf "| GET /orders (page of 50) p99, %s orders stored | %.2f ms | < 15 ms | %s |\n", sizes[i], p99[i], yes(p99[i] < 15)
        if (i == 1 || p99[i] < low) low = p99[i]
        if (i == 1 || p99[i] > high) high = p99[i]
        list = list (i > 1 ? " / " : "") sprintf("%.2f", p99[i])
      }
      if (k > 1) printf "| GET /orders p99 across the sizes, highest / lowest | %.2f (p99 %s ms) | ≤ 1.20 | %s |\n",
        high / low, list, yes(high / low <= 1.2)
      printf "| GET /orders/{id} p99 | %.2f ms | < 10 ms | %s |\n", one_p99, yes(one_p99 < 10)
      if (long_name != "") printf "| long run: POST /orders with the orders stored / on fresh tables | %.2f (%.0f / %.0f req/s) | ≥ 0.85 | %s |\n",
        long / post, long, post, yes(long / post >= 0.85)
      printf "| errors in every scenario but the slow-provider one | %d%s | 0 | %s |\n", errors,
        (where ? " (" where ")" : ""), yes(errors == 0)
    }' "$TSV"
  echo "| peak RSS of the service (VmHWM) | $PEAK_RSS MiB | < 200 MiB | $(met "$PEAK_RSS" "<" 200) |"
  echo "| the pgbench baseline writes what one create writes (statements compared below) | $BASELINE_MATCHES | yes | $BASELINE_MATCHES |"
  [ -z "$LONG_RUN" ] && echo "| long run: POST /orders with 1M orders stored / on fresh tables | not run (BENCH_LONG_RUN=1) | ≥ 0.85 | |"
  return 0
}

# warmup_report: the warm-up curve, in words, with its plot.
warmup_report() {
  local steady reached
  steady=$(awk -F'\t' '$1 == "POST /orders" { print $2 }' "$TSV")
  reached=$(warmup_reached "$steady")
  echo "## Warm-up from a cold start"
  echo
  echo "Right after the first start, before any other request: \`POST /orders\` (the bare body, $CONNECTIONS connections)"
  echo "for $WARMUP_CURVE s. Creates per second from the orders' \`created_at\`, the first and last (partial) seconds"
  echo "left out; x is the time from the first request to the end of each second. Steady is the median req/s of the"
  printf '"POST /orders" scenario of this run (%.0f req/s). ' "$steady"
  if [ -n "$reached" ]; then
    echo "90 % of it was first reached $reached s after the first request."
  else
    echo "90 % of it was not reached within the curve."
  fi
  echo
  echo "![POST /orders per second from a cold start]($STEM-warmup.png)"
}

# baseline_statements_report: the statements of one create and of one pgbench transaction, side by side.
baseline_statements_report() {
  echo "## The baseline against one create"
  echo
  echo "pg_stat_statements after one bare \`POST /orders\` and after one transaction of \`bench/pgbench-create.sql\`,"
  echo "each from a reset: the statements that write, and BEGIN for each explicit transaction (the insert of the order"
  echo "commits on its own). The same: **$BASELINE_MATCHES**."
  echo
  echo "| Statement | one create through the API | one pgbench transaction |"
  echo "|---|---|---|"
  awk -F'\t' 'FNR == NR { create[$1] = $2; keys[$1]; next } { pgbench[$1] = $2; keys[$1] }
    END { for (k in keys) printf "| %s | %s | %s |\n", k, (k in create) ? create[k] : "none",
                                 (k in pgbench) ? pgbench[k] : "none" }' \
    "$WORK/statements-create" "$WORK/statements-pgbench" | sort
}

# long_report: the long run, if it ran.
long_report() {
  [ -n "$LONG_RUN" ] || return 0
  echo "## Long run"
  echo
  echo "\`POST /orders\` for $LONG_DURATION s, once, with $LONG_ORDERS orders stored (seeded with SQL, then the creates"
  echo "of the run on top), against the fresh-table \`POST /orders\` of this run:"
  awk -F'\t' '$1 == "POST /orders" { post = $2 } $1 ~ /\(long run\)$/ { long = $2; p99 = $6 }
    END { printf "%.0f req/s against %.0f (%.2f), p99 %.2f ms.\n", long, post, long / post, p99 }' "$TSV"
  echo "Creates per minute of the run (req/s): $(awk '{ printf "%s%s: %s", (NR > 1 ? ", " : ""), $1, $2 }' "$WORK/long-minutes")."
  echo
  echo "Sizes after it, per table a create writes (pg_table_size counts TOAST and the free-space and visibility maps):"
  echo
  echo "| Table | live rows | table | indexes | table bytes per live row | index bytes per live row | dead rows | autovacuum runs |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '
    function mib(b) { return sprintf("%.1f MiB", b / 1048576) }
    function per(b, n) { return n > 0 ? sprintf("%.0f", b / n) : "-" }
    { printf "| %s | %d | %s | %s | %s | %s | %d | %d |\n", $1, $2, mib($3), mib($4), per($3, $2), per($4, $2), $5, $6 }
  ' "$WORK/long-sizes"
}

# pg_settings_line: the settings of the run's cluster that matter for these numbers.
pg_settings_line() {
  "${PSQL[@]}" -d postgres -At <<'SQL'
SELECT string_agg(name || ' ' || current_setting(name), ', ' ORDER BY ord)
FROM unnest(ARRAY['server_version', 'autovacuum', 'shared_buffers', 'work_mem', 'effective_cache_size',
                  'max_connections', 'synchronous_commit', 'fsync', 'full_page_writes', 'wal_level', 'wal_buffers',
                  'max_wal_size', 'checkpoint_timeout', 'wal_compression', 'jit']) WITH ORDINALITY AS s(name, ord);
SQL
}

write_report() {
  local md="$OUT/$STEM.md" baseline
  baseline=$(awk -F'\t' '$1 ~ /^pgbench/ {print $2}' "$TSV")
  {
    echo "# Benchmark $STEM ($MODE)"
    echo
    echo "Commit \`$COMMIT\`$DIRTY, $(date -u '+%Y-%m-%d %H:%M UTC'). Produced by \`bench/run.sh${SMOKE_ARG}\`;"
    echo "PostgreSQL is a cluster of the run's own (settings at the end), pgbench runs against it too. After the first"
    echo "start, ${WARMUP_CURVE} s of creates from the cold JVM (the warm-up curve), then ${JIT_WARMUP} s of warm-up"
    echo "traffic across the endpoints; then each scenario: $CONNECTIONS connections (wrk -t$THREADS), warm-up ${WARMUP} s,"
    echo "then $REPEATS measured run(s) of ${DURATION} s."
    echo "req/s and latencies are the medians of the runs; the ranges are the lowest and highest run."
    echo "Ratio = req/s of the scenario / transactions per second of the pgbench baseline of this run (the statements"
    echo "and commits of one create, bench/pgbench-create.sql)."
    echo "Errors = non-2xx answers + socket errors (connect, read, write, timeout), summed over the runs."
    echo
    targets_report
    echo
    echo "## Scenarios"
    echo
    echo "| Scenario | req/s | req/s range | p50 ms | p99 ms | p99 range | errors | ratio to pgbench | RSS after (MiB) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' -v base="$baseline" '{
      printf "| %s | %.0f | %.0f–%.0f | %.2f | %.2f | %.1f–%.1f | %d | %.2f | %s |\n",
        $1, $2, $12, $13, $3, $6, $14, $15, $9 + $10, $2 / base, $11 }' "$TSV"
    echo
    echo "Start to first successful request (\`GET /orders?limit=1\`, from launching \`bin/orderpay\`; median, lowest–highest):"
    start_summary first "fresh database (Flyway migrates), bin/orderpay with the ahead-of-time cache"
    start_summary migrated "migrated database, $STORED orders stored, the same"
    start_summary uncached "the same without the cache (-XX:AOTMode=off)"
    echo "- peak RSS of the service (VmHWM): $PEAK_RSS MiB"
    echo
    echo "![Latency percentiles per scenario]($STEM-latency.png)"
    echo
    echo "![GET /orders latency against stored orders]($STEM-get-vs-size.png)"
    echo
    warmup_report
    echo
    webhook_report
    echo
    long_report
    [ -n "$LONG_RUN" ] && echo
    baseline_statements_report
    echo
    echo "## All percentiles (ms)"
    echo
    echo "| Scenario | p50 | p75 | p90 | p99 | p99.9 | max | non-2xx | socket errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '{ printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d |\n", $1, $3, $4, $5, $6, $7, $8, $9, $10 }' "$TSV"
    echo
    echo "## Every measured run"
    echo
    echo "| Scenario | run | req/s | p50 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    awk -F'\t' '{ run[$1]++; printf "| %s | %d | %.0f | %.2f | %.2f | %d |\n", $1, run[$1], $2, $3, $6, $9 + $10 }' "$RAW"
    echo
    echo "## Seeding (SQL, generate_series, then VACUUM ANALYZE)"
    echo
    cat "$WORK/seeding"
    echo
    echo "## Machine and settings"
    echo
    echo "- CPUs: $(nproc) ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1))"
    echo "- memory: $(free -m | awk '/^Mem:/ {print $2}') MiB; kernel $(uname -r)"
    echo "- load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine adds noise)"
    echo "- PostgreSQL: the run's own cluster (bench/lib.sh \`pg_cluster_start\`, Debian's $(pg_bindir | cut -d/ -f5) server"
    echo "  binaries, data directory on $(df --output=fstype "$PGDATA_DIR" | tail -n 1)): $(pg_settings_line)"
    echo "- autovacuum runs during the run (pg_stat_user_tables): $(sql -At -c "SELECT string_agg(relname || ' ' ||
        autovacuum_count, ', ' ORDER BY relname) FROM pg_stat_user_tables WHERE autovacuum_count > 0" | sed 's/^$/none/')"
    echo "- $("$(cut -d' ' -f1 "$WORK/command-line")" -version 2>&1 | head -n 1); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); nginx $(nginx -v 2>&1 | cut -d/ -f2)"
    echo "- the service's command line (bin/orderpay's): \`$(cat "$WORK/command-line")\`"
    echo "- BENCH_JAVA_OPTS: \`${BENCH_JAVA_OPTS-unset, so those of bin/orderpay}\`"
    echo "- MALLOC_ARENA_MAX for the service: \`${MALLOC_ARENA_MAX:-2}\`"
    echo "- service settings from the environment beyond the harness's own: \`$(env | grep -E '^(DATASOURCES|MICRONAUT|ORDERPAY|JAVA_TOOL)_' | grep -vE '^(DATASOURCES_DEFAULT_(URL|USERNAME)|MICRONAUT_SERVER_PORT|ORDERPAY_API_KEYS|ORDERPAY_RECONCILE_ENABLED|ORDERPAY_WEBHOOK_ALLOW_PRIVATE)=' | tr '\n' ' ')\`"
    [ -n "${BENCH_JFR:-}" ] && echo "- Flight Recording: \`$STEM.jfr\` (not committed)"
  } > "$md"
  plot
  log "report: $md"
}

plot() {
  awk -F'\t' '{ printf "%s\t%s\t%s\t%s\t%s\n", $1, $3, $5, $6, $7 }' "$TSV" > "$WORK/percentiles.dat"
  awk -F'\t' '$1 ~ /^GET \/orders \(page of 50\)/ { n = $1; sub(/.*, /, "", n); sub(/ stored.*/, "", n);
    printf "%s\t%s\t%s\t%s\n", n, $3, $5, $6 }' "$TSV" > "$WORK/sizes.dat"
  gnuplot <<GNUPLOT
set terminal pngcairo size 1200,700 font ",10" noenhanced
set output "$OUT/$STEM-latency.png"
set title "Latency percentiles per scenario ($STEM, $MODE)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set ylabel "ms (log scale)"
set xtics rotate by 30 right
set bmargin 15
set rmargin 4
set lmargin 20
set key top left
set datafile separator "\t"
plot "$WORK/percentiles.dat" using 2:xtic(1) title "p50", '' using 3 title "p90", '' using 4 title "p99", \
     '' using 5 title "p99.9"

set output "$OUT/$STEM-get-vs-size.png"
set terminal pngcairo size 900,550 font ",10" noenhanced
set title "GET /orders (page of 50) against stored orders ($STEM, $MODE)"
set style data linespoints
set logscale x
unset logscale y
set yrange [0:*]
set xlabel "stored orders"
set ylabel "ms"
set xtics norotate
set bmargin 4
set rmargin 4
plot "$WORK/sizes.dat" using 1:2 title "p50", '' using 1:3 title "p90", '' using 1:4 title "p99"
GNUPLOT
  plot_warmup
}

# plot_warmup: the warm-up curve against the steady rate of the POST /orders scenario, 90 % of it and the 20 s target.
plot_warmup() {
  local steady
  steady=$(awk -F'\t' '$1 == "POST /orders" { print $2 }' "$TSV")
  gnuplot <<GNUPLOT
set terminal pngcairo size 900,550 font ",10" noenhanced
set output "$OUT/$STEM-warmup.png"
set title "POST /orders from a cold start, creates per second ($STEM, $MODE)"
set xlabel "seconds since the first request"
set ylabel "creates per second"
set xrange [0:$(( WARMUP_CURVE > 20 ? WARMUP_CURVE + 1 : 22 ))]
set yrange [0:*]
set grid
set key below
set datafile separator "\t"
set arrow from 20, graph 0 to 20, graph 1 nohead dashtype 2 linecolor rgb "gray40"
set label "target: 20 s" at 20, graph 0.05 offset 1, 0 textcolor rgb "gray40"
plot "$WORK/warmup.dat" using 1:2 with linespoints pointtype 7 pointsize 0.6 title "creates per second", \
     $steady with lines dashtype 1 linecolor rgb "dark-green" title sprintf("steady: POST /orders scenario, %.0f req/s", $steady), \
     0.9 * $steady with lines dashtype 3 linecolor rgb "dark-red" title "90 % of steady"
GNUPLOT
}

# ---------------------------------------------------------------- the run
ensure_tools
ensure_jar
ensure_ports_free
mkdir -p "$OUT"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
DIRTY=$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' ':!docs' 2>/dev/null || echo " (with uncommitted changes)")
STEM="$(date +%Y-%m-%d)-$COMMIT"
for n in 2 3 4 5 6 7 8 9; do [ -e "$OUT/$STEM.md" ] || break; STEM="$(date +%Y-%m-%d)-$COMMIT-$n"; done
SMOKE_ARG=$([ "$MODE" = smoke ] && echo " --smoke" || true)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log "mode $MODE; work files in $WORK"
start_database
start_stub
start_service first
: > "$WORK/seeding"
warmup_curve
baseline_check
seed_redirect_order
warm_up_service

empty_order_tables
pgbench_baseline
empty_order_tables
run_wrk "POST /orders" "$BASE/orders" BENCH_METHOD=POST BENCH_AUTH="$API_KEY" BENCH_BODY="$CREATE_BODY"
empty_order_tables
run_wrk "POST /orders, 5 lines and a customer" "$BASE/orders" BENCH_METHOD=POST BENCH_AUTH="$API_KEY" \
  BENCH_BODY="$CONTENTS_BODY"
empty_order_tables
webhook_scenario
empty_order_tables
seed_redirect_order
run_wrk "GET /orders/{id}" "$BASE/orders/$ORDER_ID" BENCH_AUTH="$API_KEY"
run_wrk "GET /orders/{id}/redirect (verified transaction)" \
  "$BASE/orders/$ORDER_ID/redirect?transaction_id=T11223674.benchtx&merchant_reference=$ORDER_ID"
# The redirect must have been verified, not merely answered: the order now follows the stub's transaction.
[ "$(sql -Atc "SELECT status FROM orders WHERE id = '$ORDER_ID'")" = AUTHORIZED ] \
  || { echo "the redirect did not authorize the seeded order" >&2; exit 1; }

empty_order_tables
seeded=0
for size in $SIZES; do
  t0=$(date +%s)
  seed_orders $((seeded + 1)) "$size"
  echo "- $seeded → $size orders: $(( $(date +%s) - t0 )) s" >> "$WORK/seeding"
  seeded=$size
  run_wrk "GET /orders (page of 50), $size stored orders" "$BASE/orders?limit=50" BENCH_AUTH="$API_KEY"
done
slow_provider "$seeded"
[ -n "$LONG_RUN" ] && long_run

PEAK_RSS=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$SERVICE_PID/status") / 1024 ))
STORED=$(sql -Atc "SELECT count(*) FROM orders")
stop_pid "$SERVICE_PID" 60
for run in $(seq 1 "$REPEATS"); do
  start_service migrated
  stop_pid "$SERVICE_PID"
done
# For comparison, once: the same start without the ahead-of-time cache.
start_service uncached -XX:AOTMode=off
stop_pid "$SERVICE_PID"
SERVICE_PID=""
write_report
