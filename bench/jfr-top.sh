#!/usr/bin/env bash
# Where the CPU went in a Flight Recording (bench/run.sh with BENCH_JFR=1): the hottest top frames, and how many
# samples passed through each of our packages and a few suspects (inclusive counts).
set -euo pipefail
recording=${1:?usage: bench/jfr-top.sh RECORDING.jfr [TOP]}
top=${2:-25}
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
jfr print --events jdk.ExecutionSample "$recording" > "$samples"
total=$(grep -c 'jdk.ExecutionSample' "$samples" || true)
echo "samples: $total"
echo "== hottest top frames"
awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' "$samples" \
  | sort | uniq -c | sort -rn | head -n "$top"
echo "== samples through (inclusive)"
awk -v total="$total" '
  /jdk.ExecutionSample/ { if (n) flush(); n = 1; delete seen; next }
  { for (k in pat) if (index($0, pat[k]) && !(k in seen)) seen[k] = 1 }
  function flush() { for (k in seen) count[k]++ }
  BEGIN { split("dev.orderpay. io.micronaut.http.client io.micronaut.http.server io.micronaut.serde io.micronaut.data " \
                "io.micronaut.security com.zaxxer.hikari org.postgresql io.netty java.util.logging ch.qos.logback " \
                "org.flywaydb java.util.regex", p, " "); for (i in p) pat[p[i]] = p[i] }
  END { if (n) flush(); for (k in count) printf "%7d  %5.1f%%  %s\n", count[k], 100 * count[k] / total, k }' "$samples" \
  | sort -rn
