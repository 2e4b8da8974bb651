#!/usr/bin/env bash
# The end-to-end tests through PgBouncer: Debian's pgbouncer (installed when missing) in transaction pooling mode in
# front of the PostgreSQL server on 127.0.0.1:5432, and the service's test classes that run it whole (in process and
# as the packaged jar, two instances and kills included) with their databases reached through it, prepared
# statements off (prepareThreshold=0). Run by .ci/run; runs alone too (as root, after `mvn package` or not: the
# reactor builds what it needs). Fails if the tests did not in fact go through PgBouncer.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

# In process: creation, returns, callbacks, reconciliation, operations, the events' outbox (32 racing writers),
# webhook delivery and the endpoint limit (LOCK TABLE). As the packaged jar: two SIGKILLs while clients are in the
# middle of transactions, which PgBouncer must not hand on half done. TwoInstancesDeliveryIT passes too, but adds
# over a minute on a busy machine; bench/cluster.sh --smoke runs two instances in CI.
TESTS=${ORDERPAY_PGBOUNCER_TESTS:-OrderPaymentFlowTest,PaymentTruthTest,MerchantOperationsTest,OrderEventsTest,ReconciliationWhileCreatingTest,WebhookDeliveryTest,WebhookEndpointsTest}
ITS=${ORDERPAY_PGBOUNCER_ITS:-KillDuringChangesIT}

pg_isready -q -h 127.0.0.1 -p 5432 || { echo "no PostgreSQL server on 127.0.0.1:5432" >&2; exit 1; }
ensure_pgbouncer

WORK=$(mktemp -d /tmp/orderpay-pgbouncer.XXXXXX)
chmod 755 "$WORK"
PGBOUNCER_PID=""
cleanup() {
  local status=$?
  stop_pid "$PGBOUNCER_PID"
  if [ "$status" -ne 0 ] && [ -f "$WORK/pgbouncer/pgbouncer.log" ]; then
    echo "---- last lines of PgBouncer's log ($WORK kept)" >&2
    tail -n 20 "$WORK/pgbouncer/pgbouncer.log" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(free_port "${ORDERPAY_PGBOUNCER_PORT:-6432}")
pgbouncer_start "$WORK/pgbouncer" "$PORT" 5432
log "PgBouncer $(pgbouncer --version | head -n 1 | cut -d' ' -f2) on 127.0.0.1:$PORT (transaction pooling) in front of 127.0.0.1:5432"

ORDERPAY_TEST_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?prepareThreshold=0" \
  mvn -B -o verify -pl bootstrap -am -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="$ITS" -Dfailsafe.failIfNoSpecifiedTests=false

# Every test database is created on first use and dropped when its JVM exits; PgBouncer's statistics keep a row
# for each database it pooled, so an empty count means the tests bypassed it.
transactions=$(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -Atq -d pgbouncer -c 'SHOW STATS' \
  | awk -F'|' '$1 ~ /^orderpay_test_/ { n += $2 } END { print n + 0 }')
[ "$transactions" -gt 0 ] || { echo "no test transaction went through PgBouncer" >&2; exit 1; }
log "$transactions transactions of the test databases went through PgBouncer"
