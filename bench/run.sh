#!/usr/bin/env bash
# The benchmark in one command: PostgreSQL (the machine's server, a fresh database), an nginx Dintero stub, the
# service's jar, wrk as the load generator and pgbench as the baseline. Writes bench/results/<date>-<commit>.md
# with PNG plots. `--smoke` runs every scenario for a few seconds on small data (CI), asserting no targets.
# POST /orders is measured three times: bare, with five lines and a customer, and bare with one webhook endpoint
# (served by the stub), followed by how long the webhook backlog takes to drain and the delivery lag.
#
# Tunables from the environment: BENCH_JAVA_OPTS (JVM flags for the service), BENCH_JFR=1 (a Flight Recording of
# the whole run next to the results), BENCH_OUT (results folder), BENCH_DURATION / BENCH_WARMUP (seconds),
# BENCH_REPEATS (measured runs per scenario; the report gives their median), BENCH_JIT_WARMUP (seconds of traffic
# before the first measurement), BENCH_SIZES (stored orders for GET /orders),
# BENCH_SERVICE_PORT / BENCH_STUB_PORT / BENCH_WIREMOCK_PORT.
# Everything else in the environment reaches the service, so Micronaut settings can be tried as variables,
# e.g. DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=20.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
# The JVM flags docs/benchmarks.md recommends for the service (a small fixed heap and the serial collector: peak RSS
# fell from 686 MiB with the JVM's defaults at the same throughput); set BENCH_JAVA_OPTS, even to nothing, to
# measure others.
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS--XX:+UseSerialGC -Xmx96m -XX:ReservedCodeCacheSize=64m -Xss512k}"
MODE=full
case "${1:-}" in
  --smoke) MODE=smoke ;;
  "") ;;
  *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac

if [ "$MODE" = smoke ]; then
  DURATION=${BENCH_DURATION:-3}; WARMUP=${BENCH_WARMUP:-1}; SIZES=${BENCH_SIZES:-"1000 10000 50000"}
  REPEATS=${BENCH_REPEATS:-1}; JIT_WARMUP=${BENCH_JIT_WARMUP:-4}
  SLOW_DURATION=${BENCH_DURATION:-6}
  DRAIN_LIMIT=5
  OUT=${BENCH_OUT:-"$BENCH/results/smoke"}
else
  DURATION=${BENCH_DURATION:-30}; WARMUP=${BENCH_WARMUP:-10}; SIZES=${BENCH_SIZES:-"1000 100000 1000000"}
  # On 2 cores the JIT needs about 80 s of traffic before a create reaches its steady rate (docs/benchmarks.md).
  REPEATS=${BENCH_REPEATS:-3}; JIT_WARMUP=${BENCH_JIT_WARMUP:-80}
  SLOW_DURATION=$DURATION
  DRAIN_LIMIT=120
  OUT=${BENCH_OUT:-"$BENCH/results"}
fi
CONNECTIONS=16
THREADS=2
SERVICE_PORT=${BENCH_SERVICE_PORT:-18080}
STUB_PORT=${BENCH_STUB_PORT:-18081}
WIREMOCK_PORT=${BENCH_WIREMOCK_PORT:-18082}
DB=orderpay_bench
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
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
RAW="$WORK/runs.tsv"    # one row per measured run
TSV="$WORK/results.tsv" # one row per scenario: the medians of its runs
SERVICE_PID="" NGINX_PID="" WIREMOCK_PID="" SLOW_WRK_PID=""


cleanup() {
  local status=$?
  stop_pid "$SLOW_WRK_PID"
  stop_pid "$SERVICE_PID"
  stop_pid "$WIREMOCK_PID"
  stop_pid "$NGINX_PID"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null || true
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
  if [ ! -f "$JAR" ]; then
    log "building $JAR"
    (cd "$ROOT" && mvn -B -q -DskipTests package)
  fi
  if [ ! -f "$WIREMOCK_JAR" ]; then
    log "fetching WireMock standalone for the slow-provider stub"
    (cd "$ROOT" && mvn -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2)
  fi
}

ensure_ports_free() {
  local port
  for port in "$SERVICE_PORT" "$STUB_PORT" "$WIREMOCK_PORT"; do
    if ss -ltnH "sport = :$port" | grep -q .; then
      echo "port $port on 127.0.0.1 is taken; set BENCH_SERVICE_PORT/BENCH_STUB_PORT/BENCH_WIREMOCK_PORT" >&2
      exit 1
    fi
  done
}

# With PostgreSQL's JIT off for the database, as docs/operations.md tells operators to run the service: on the
# machine's server it is on, and it made each delivery claim over a large webhook backlog take about a second.
fresh_database() {
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "no PostgreSQL server on 127.0.0.1:5432" >&2; exit 1; }
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" \
    -c "ALTER DATABASE $DB SET jit = off"
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

# Empties every table a create writes to. The machine's server may run without autovacuum, and then each create
# leaves a dead row version behind that slows the next ones; the baseline and both create scenarios therefore each
# start from empty tables, so that their rates can be compared. CASCADE also empties any table added later that
# refers to these.
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
SERVICE_ENV=(DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$DB" DATASOURCES_DEFAULT_USERNAME=postgres
  PAYMENTS_PROVIDER=dintero DINTERO_ACCOUNT_ID=T11223674 DINTERO_CLIENT_ID=bench DINTERO_CLIENT_SECRET=bench
  DINTERO_API_URL="http://127.0.0.1:$STUB_PORT" DINTERO_CHECKOUT_URL="http://127.0.0.1:$STUB_PORT"
  ORDERPAY_API_KEYS="$API_KEY" ORDERPAY_RECONCILE_ENABLED=false MICRONAUT_SERVER_PORT="$SERVICE_PORT"
  # The webhook scenario's receiver is the stub, on loopback over http.
  ORDERPAY_WEBHOOK_ALLOW_PRIVATE=true
  # glibc gives each thread that allocates its own malloc arena; two are plenty for a JVM and keep RSS down.
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}")

# start_service LABEL [JVM FLAG...]: starts the jar and records the time from launch to the first successful request.
start_service() {
  local label=$1 jfr=() t0 t1
  shift
  if [ -n "${BENCH_JFR:-}" ] && [ "$label" = first ]; then
    jfr=("-XX:StartFlightRecording=filename=$OUT/$STEM.jfr,settings=profile,dumponexit=true")
  fi
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of flags
  t0=$(date +%s%N)
  env "${SERVICE_ENV[@]}" java -XX:+PrintCommandLineFlags ${BENCH_JAVA_OPTS:-} "$@" "${jfr[@]}" -jar "$JAR" \
    >> "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  wait_for "service" "curl -fs -o /dev/null -H 'Authorization: Bearer $API_KEY' '$BASE/orders?limit=1'" 1200 \
    "$SERVICE_PID"
  t1=$(date +%s%N)
  echo "$label $(( (t1 - t0) / 1000000 ))" >> "$WORK/starts"
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
  (cd "$WORK/pgbench" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" \
    -T "$WARMUP" -f "$BENCH/pgbench-create.sql" "$DB" > warmup.out 2>&1)
  for run in $(seq 1 "$REPEATS"); do
    dir="$WORK/pgbench/$run"
    mkdir -p "$dir"
    (cd "$dir" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" -j "$THREADS" \
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
  local size=$1 name="GET /orders during 5 s session creates ($size orders)"
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

write_report() {
  local md="$OUT/$STEM.md" baseline
  baseline=$(awk -F'\t' '$1 ~ /^pgbench/ {print $2}' "$TSV")
  {
    echo "# Benchmark $STEM ($MODE)"
    echo
    echo "Commit \`$COMMIT\`$DIRTY, $(date -u '+%Y-%m-%d %H:%M UTC'). Produced by \`bench/run.sh${SMOKE_ARG}\`;"
    echo "After ${JIT_WARMUP} s of warm-up traffic across the endpoints, each scenario: $CONNECTIONS connections"
    echo "(wrk -t$THREADS), warm-up ${WARMUP} s, then $REPEATS measured run(s) of ${DURATION} s."
    echo "req/s and latencies are the medians of the runs; the ranges are the lowest and highest run."
    echo "Ratio = req/s of the scenario / transactions per second of the pgbench baseline of this run (the statements"
    echo "and commits of one create, bench/pgbench-create.sql)."
    echo "Errors = non-2xx answers + socket errors (connect, read, write, timeout), summed over the runs."
    echo
    echo "| Scenario | req/s | req/s range | p50 ms | p99 ms | p99 range | errors | ratio to pgbench | RSS after (MiB) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' -v base="$baseline" '{
      printf "| %s | %.0f | %.0f–%.0f | %.2f | %.2f | %.1f–%.1f | %d | %.2f | %s |\n",
        $1, $2, $12, $13, $3, $6, $14, $15, $9 + $10, $2 / base, $11 }' "$TSV"
    echo
    webhook_report
    echo
    echo "Start to first successful request (\`GET /orders?limit=1\`, from launching \`java\`; median, lowest–highest):"
    start_summary first "fresh database (Flyway migrates), recording the class-data archive"
    start_summary migrated "migrated database, $seeded orders stored"
    start_summary archived "the same, with the class-data archive (-XX:SharedArchiveFile)"
    echo "- peak RSS of the service (VmHWM): $PEAK_RSS MiB"
    echo
    echo "![Latency percentiles per scenario]($STEM-latency.png)"
    echo
    echo "![GET /orders latency against stored orders]($STEM-get-vs-size.png)"
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
    echo "- $("${PSQL[@]}" -d postgres -Atc 'select version()' | cut -d, -f1); shared_buffers $("${PSQL[@]}" -d postgres -Atc 'show shared_buffers')"
    echo "- $(java -version 2>&1 | head -n 1); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); nginx $(nginx -v 2>&1 | cut -d/ -f2)"
    echo "- JVM flags: \`$(grep -m 1 -- '-XX:' "$WORK/service.log" || true)\`"
    echo "- BENCH_JAVA_OPTS: \`${BENCH_JAVA_OPTS:-}\`"
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
set bmargin 12
set rmargin 4
set lmargin 14
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
fresh_database
start_stub
# The first start also records the classes it loads into a class-data archive, used by the later starts.
CDS_ARCHIVE="$WORK/orderpay.jsa"
start_service first "-XX:ArchiveClassesAtExit=$CDS_ARCHIVE"
: > "$WORK/seeding"
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

PEAK_RSS=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$SERVICE_PID/status") / 1024 ))
# Writing the class-data archive at exit takes a few seconds.
stop_pid "$SERVICE_PID" 60
for run in $(seq 1 "$REPEATS"); do
  start_service migrated
  stop_pid "$SERVICE_PID"
done
if [ -s "$CDS_ARCHIVE" ]; then
  for run in $(seq 1 "$REPEATS"); do
    start_service archived "-XX:SharedArchiveFile=$CDS_ARCHIVE"
    stop_pid "$SERVICE_PID"
  done
else
  log "no class-data archive was written; starts with it are not measured"
fi
SERVICE_PID=""
write_report
