-- One wrk scenario, set up from the environment by bench/run.sh, and a summary line the harness parses.
-- BENCH_METHOD, BENCH_BODY (optional), BENCH_AUTH (optional bearer key), BENCH_ACCEPT (optional).
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
   wrk.body = body
   wrk.headers["Content-Type"] = "application/json"
end
local key = os.getenv("BENCH_AUTH")
if key and key ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. key
end
wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "application/json"

-- Latencies are in microseconds; printed in milliseconds. status errors are wrk's count of answers >= 400:
-- none of the benchmarked endpoints answers 1xx or 3xx, so these are the non-2xx answers.
function done(summary, latency, requests)
   local e = summary.errors
   local seconds = summary.duration / 1e6
   local function ms(p) return latency:percentile(p) / 1000 end
   io.write(string.format(
      "BENCH_RESULT rps=%.1f requests=%d p50=%.3f p75=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f"
         .. " non2xx=%d socket=%d\n",
      summary.requests / seconds, summary.requests, ms(50), ms(75), ms(90), ms(99), ms(99.9),
      latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
