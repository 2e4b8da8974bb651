#!/usr/bin/env bash
# What PgBouncer costs, and what turning prepared statements off costs (PgBouncer 1.18 in transaction pooling mode
# cannot carry them, so the JDBC URL through it needs prepareThreshold=0). Three instances of the jar, each on its
# own database of one PostgreSQL cluster of this script's own:
#   direct       jdbc:postgresql://…:<cluster>/…                       (the driver prepares a statement on its 5th use)
#   direct, 0    jdbc:postgresql://…:<cluster>/…?prepareThreshold=0    (every statement parsed and planned each time)
#   PgBouncer, 0 jdbc:postgresql://…:<pgbouncer>/…?prepareThreshold=0  (the same, through PgBouncer)
# Each is warmed up, then the scenarios run on one instance at a time, in turns, so that a busy moment of the
# machine falls on all three alike. pgbench does the same for a create's statements (bench/pgbench-create.sql):
# -M prepared direct, -M extended (unnamed statements, as prepareThreshold=0) direct and through PgBouncer.
# Writes bench/results/<date>-<commit>-pgbouncer.md.
#
# Tunables from the environment: BENCH_JAVA_OPTS, BENCH_JIT_WARMUP (seconds per instance), BENCH_DURATION (seconds
# per measured run), BENCH_REPEATS (turns), BENCH_PGBOUNCER_PORT (where to look for six free ports; 18500 unless
# set), BENCH_OUT.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"

BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS--XX:+UseSerialGC -Xmx96m -XX:ReservedCodeCacheSize=64m -Xss512k}"
JIT_WARMUP=${BENCH_JIT_WARMUP:-80}
DURATION=${BENCH_DURATION:-10}
REPEATS=${BENCH_REPEATS:-3}
OUT=${BENCH_OUT:-"$BENCH/results"}
CONNECTIONS=16
THREADS=2
API_KEY=bench-key
ORDER_ID=b0000000-0000-4000-8000-000000000001
CREATE_BODY='{"amount":29900,"currency":"NOK","receipt":"bench"}'
JAR="$ROOT/bootstrap/target/orderpay.jar"
CONFIGS=(direct direct0 pgbouncer0)
declare -A LABEL=([direct]="direct" [direct0]="direct, prepareThreshold=0" [pgbouncer0]="PgBouncer, prepareThreshold=0")
declare -A PORT PID

PORT0=${BENCH_PGBOUNCER_PORT:-18500}
while :; do
  for offset in 0 1 2 3 4 5; do
    [ "$(free_port $((PORT0 + offset)))" -eq $((PORT0 + offset)) ] || { PORT0=$((PORT0 + offset + 1)); continue 2; }
  done
  break
done
STUB_PORT=$PORT0 PG_PORT=$((PORT0 + 1)) PGB_PORT=$((PORT0 + 2))
PORT[direct]=$((PORT0 + 3)) PORT[direct0]=$((PORT0 + 4)) PORT[pgbouncer0]=$((PORT0 + 5))

WORK=$(mktemp -d /tmp/orderpay-pgbouncer-bench.XXXXXX)
chmod 711 "$WORK"
NGINX_PID="" PGBOUNCER_PID=""
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)

cleanup() {
  local status=$? config
  for config in "${CONFIGS[@]}"; do stop_pid "${PID[$config]:-}"; done
  stop_pid "$PGBOUNCER_PID"
  stop_pid "$NGINX_PID"
  pg_cluster_stop "$WORK/pg"
  end_work "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jdbc_url() {
  case $1 in
    direct) echo "jdbc:postgresql://127.0.0.1:$PG_PORT/bench_direct" ;;
    direct0) echo "jdbc:postgresql://127.0.0.1:$PG_PORT/bench_direct0?prepareThreshold=0" ;;
    pgbouncer0) echo "jdbc:postgresql://127.0.0.1:$PGB_PORT/bench_pgbouncer0?prepareThreshold=0" ;;
  esac
}

start_instance() {
  local config=$1
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of flags
  env DATASOURCES_DEFAULT_URL="$(jdbc_url "$config")" DATASOURCES_DEFAULT_USERNAME=postgres \
    PAYMENTS_PROVIDER=dintero DINTERO_ACCOUNT_ID=T11223674 DINTERO_CLIENT_ID=bench DINTERO_CLIENT_SECRET=bench \
    DINTERO_API_URL="http://127.0.0.1:$STUB_PORT" DINTERO_CHECKOUT_URL="http://127.0.0.1:$STUB_PORT" \
    ORDERPAY_API_KEYS="$API_KEY" ORDERPAY_RECONCILE_ENABLED=false MICRONAUT_SERVER_PORT="${PORT[$config]}" \
    MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
    java ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/instance-$config.log" 2>&1 &
  PID[$config]=$!
}

# wrk_run URL OUTPUT [VAR=VALUE...]: one run of bench/wrk/scenario.lua.
wrk_run() {
  local url=$1 output=$2 seconds=$3; shift 3
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$BENCH/wrk/scenario.lua" "$url" \
    > "$output"
}

# scenario CONFIG NAME SECONDS OUTPUT: the scenario NAME against CONFIG's instance.
scenario() {
  local base="http://127.0.0.1:${PORT[$1]}"
  case $2 in
    create) wrk_run "$base/orders" "$4" "$3" BENCH_METHOD=POST BENCH_AUTH="$API_KEY" BENCH_BODY="$CREATE_BODY" ;;
    read) wrk_run "$base/orders/$ORDER_ID" "$4" "$3" BENCH_AUTH="$API_KEY" ;;
    list) wrk_run "$base/orders?limit=50" "$4" "$3" BENCH_AUTH="$API_KEY" ;;
  esac
}
declare -A SCENARIO=([create]="POST /orders" [read]="GET /orders/{id}" [list]="GET /orders (page of 50)")

# pgbench_run PORT DATABASE MODE OUTPUT: a create's statements for DURATION seconds.
pgbench_run() {
  (cd "$WORK" && pgbench -h 127.0.0.1 -p "$1" -U postgres -n -M "$3" -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" \
    -f "$BENCH/pgbench-create.sql" "$2" > "$4" 2>&1) || { cat "$4" >&2; exit 1; }
}

# ---------------------------------------------------------------- the run
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v jq >/dev/null || missing+=(jq)
install_debian_packages "${missing[@]}"
ensure_pgbouncer
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
mkdir -p "$OUT"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
DIRTY=$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' ':!docs' 2>/dev/null || echo " (with uncommitted changes)")
STEM="$(date +%Y-%m-%d)-$COMMIT-pgbouncer"
for n in 2 3 4 5 6 7 8 9; do [ -e "$OUT/$STEM.md" ] || break; STEM="$(date +%Y-%m-%d)-$COMMIT-pgbouncer-$n"; done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "work files in $WORK"

pg_cluster_start "$WORK/pg" "$PG_PORT"
for config in "${CONFIGS[@]}"; do "${PSQL[@]}" -d postgres -c "CREATE DATABASE bench_$config"; done
pgbouncer_start "$WORK/pgbouncer" "$PGB_PORT" "$PG_PORT"
# The Dintero stub of bench/run.sh, answering every session create at once.
mkdir -p "$WORK/nginx-tmp"
sed -e "s|@WORK@|$WORK|g" -e "s|@STUB_PORT@|$STUB_PORT|g" -e "s|@ORDER_ID@|$ORDER_ID|g" \
  "$BENCH/stub/nginx.conf.template" > "$WORK/nginx.conf"
echo "return 200 '{\"id\":\"T11223674.bench\",\"url\":\"https://checkout.example/v1/view/bench\"}';" > "$WORK/sessions.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" > "$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
wait_for "stub" "curl -fs -o /dev/null -X POST http://127.0.0.1:$STUB_PORT/v1/sessions-profile" 200 "$NGINX_PID"

for config in "${CONFIGS[@]}"; do
  start_instance "$config"
  wait_for "instance $config" "curl -fs -o /dev/null -H 'Authorization: Bearer $API_KEY' 'http://127.0.0.1:${PORT[$config]}/orders?limit=1'" \
    2400 "${PID[$config]}"
  # The order the reads read, and a page of 50 for the listing to read.
  "${PSQL[@]}" -d "bench_$config" -c "INSERT INTO orders (id, amount_minor, currency, receipt, status, session_id,
      session_url, created_at, updated_at, version)
    SELECT CASE WHEN i = 1 THEN '$ORDER_ID'::uuid ELSE md5('bench-' || i)::uuid END, 29900, 'NOK', 'bench', 'PENDING',
           'T11223674.bench', 'https://checkout.example/v1/view/bench', now(), now(), 1
    FROM generate_series(1, 1000) AS i"
  log "instance $config up; warming it up for ${JIT_WARMUP}s"
  for name in create read list; do
    scenario "$config" "$name" $(( (JIT_WARMUP + 2) / 3 )) /dev/null
  done
done

: > "$WORK/runs.tsv"
for run in $(seq 1 "$REPEATS"); do
  for name in create read list; do
    for config in "${CONFIGS[@]}"; do
      scenario "$config" "$name" "$DURATION" "$WORK/out"
      grep '^BENCH_RESULT' "$WORK/out" | awk -v c="$config" -v n="$name" '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%s\t%s\t%s\t%s\t%s\t%d\n", n, c, v["rps"], v["p50"], v["p99"], v["non2xx"] + v["socket"] }' \
        >> "$WORK/runs.tsv"
      log "  run $run, ${SCENARIO[$name]}, ${LABEL[$config]}: $(tail -n 1 "$WORK/runs.tsv" | cut -f3) req/s"
    done
  done
  for mode in prepared extended pgbouncer; do
    case $mode in
      prepared) pgbench_run "$PG_PORT" bench_direct prepared "$WORK/out" ;;
      extended) pgbench_run "$PG_PORT" bench_direct0 extended "$WORK/out" ;;
      pgbouncer) pgbench_run "$PGB_PORT" bench_pgbouncer0 extended "$WORK/out" ;;
    esac
    printf 'pgbench\t%s\t%s\t-\t-\t%s\n' "$mode" \
      "$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/out")" \
      "$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/out")" >> "$WORK/runs.tsv"
    log "  run $run, pgbench -M $mode: $(tail -n 1 "$WORK/runs.tsv" | cut -f3) tps"
  done
done

# One row per scenario and configuration: the medians of the runs, errors summed.
awk -F'\t' '
  function median(list,   n, a, i, j, x) {
    if (index(list, "-")) return "-"
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { x = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return a[int((n + 1) / 2)]
  }
  { k = $1 SUBSEP $2; rps[k] = rps[k] " " $3; p50[k] = p50[k] " " $4; p99[k] = p99[k] " " $5; err[k] += $6
    if (!(k in seen)) { seen[k] = 1; order[++n] = k } }
  END { for (i = 1; i <= n; i++) { k = order[i]; split(k, parts, SUBSEP)
          printf "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", parts[1], parts[2], median(rps[k]), median(p50[k]), median(p99[k]), err[k], rps[k] } }' \
  "$WORK/runs.tsv" > "$WORK/medians.tsv"

{
  echo "# PgBouncer and prepareThreshold=0: $STEM"
  echo
  echo "Commit \`$COMMIT\`$DIRTY, $(date -u '+%Y-%m-%d %H:%M UTC'). Produced by \`bench/pgbouncer.sh\`."
  echo
  echo "Three instances of the jar, each on its own database of one PostgreSQL cluster of the script's own"
  echo "(\`bench/lib.sh\`): **direct** (the driver's default: a statement is prepared on the server on its fifth use),"
  echo "**direct, prepareThreshold=0** (every statement parsed and planned each time) and **PgBouncer,"
  echo "prepareThreshold=0** (the same through Debian's PgBouncer $(pgbouncer --version | head -n 1 | cut -d' ' -f2), transaction pooling, 20 server"
  echo "connections per database). The Dintero stub of \`bench/run.sh\` answers at once. Each instance got"
  echo "${JIT_WARMUP} s of warm-up traffic; then $REPEATS turns in which every scenario ran ${DURATION} s on each instance"
  echo "in turn (\`wrk -t$THREADS -c$CONNECTIONS\`). Medians of the turns; every turn's req/s in the last column."
  echo "pgbench ran a create's statements (\`bench/pgbench-create.sql\`, $CONNECTIONS clients) in the same turns."
  echo
  echo "| Scenario | connection | req/s | vs direct | p50 ms | p99 ms | errors | req/s of each turn |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  awk -F'\t' '
    $1 != "pgbench" { if ($2 == "direct") base[$1] = $3 }
    $1 == "pgbench" && $2 == "prepared" { base["pgbench"] = $3 }
    { rows[NR] = $0 }
    END {
      label["direct"] = "direct"; label["direct0"] = "direct, prepareThreshold=0"
      label["pgbouncer0"] = "PgBouncer, prepareThreshold=0"
      label["prepared"] = "direct, -M prepared"; label["extended"] = "direct, -M extended (unnamed)"
      label["pgbouncer"] = "PgBouncer, -M extended"
      name["create"] = "POST /orders"; name["read"] = "GET /orders/{id}"; name["list"] = "GET /orders (page of 50)"
      name["pgbench"] = "pgbench create statements"
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, "\t")
        n = split(f[7], turns, " "); each = ""
        for (j = 1; j <= n; j++) each = each (j > 1 ? ", " : "") sprintf("%.0f", turns[j])
        printf "| %s | %s | %.0f | %+.1f %% | %s | %s | %d | %s |\n", name[f[1]], label[f[2]], f[3],
          100 * (f[3] / base[f[1]] - 1), f[4], f[5], f[6], each
      }
    }' "$WORK/medians.tsv"
  echo
  echo "## Machine"
  echo
  echo "- CPUs: $(nproc) ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)); memory $(free -m | awk '/^Mem:/ {print $2}') MiB"
  echo "- load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine adds noise)"
  echo "- $("${PSQL[@]}" -d postgres -Atc 'select version()' | cut -d, -f1); $(java -version 2>&1 | head -n 1)"
  echo "- JVM flags of each instance: \`${BENCH_JAVA_OPTS:-}\`"
} > "$OUT/$STEM.md"
log "report: $OUT/$STEM.md"
