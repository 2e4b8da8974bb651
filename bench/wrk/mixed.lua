-- Mixed load for bench/cluster.sh: buyers' orders created, returned from the checkout and read, from the
-- environment: BENCH_AUTH (the API key), BENCH_IDS (a path prefix: each thread writes what it was answered to
-- BENCH_IDS.<thread>). Of every three requests one creates an order (299.00 NOK, the amount the stub's payments
-- carry); one returns from the checkout of an order this thread created (two of every three created orders are
-- returned, oldest first; the rest are left to reconciliation) or, when none waits, reads one; one reads an order
-- this thread created. With nothing created yet, a request creates.
--
-- A thread writes one line per 2xx it was answered that matters to the checks: "created <id>" for a 201 to a
-- create, "returned <id> <status>" for a 200 to a return (the status the buyer was shown).
local threads = {}

function setup(thread)
   thread:set("number", #threads + 1)
   table.insert(threads, thread)
end

local key = os.getenv("BENCH_AUTH")
local body = '{"amount":29900,"currency":"NOK","receipt":"cluster"}'
local create_headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json",
                        ["Accept"] = "application/json"}
local read_headers = {["Authorization"] = "Bearer " .. key, ["Accept"] = "application/json"}
local return_headers = {["Accept"] = "application/json"}

local out
local to_return, first, last = {}, 1, 0 -- a queue of created orders to return
local recent, recent_size, recent_next = {}, 0, 1 -- the last 1000 created orders, to read
local sent = 0

function init(args)
   out = assert(io.open(os.getenv("BENCH_IDS") .. "." .. number, "w"))
   out:setvbuf("line")
   math.randomseed(number * 7919 + os.time())
end

local function create()
   return wrk.format("POST", "/orders", create_headers, body)
end

function request()
   sent = sent + 1
   local kind = sent % 3
   if kind == 1 and first <= last then
      local id = to_return[first]
      to_return[first] = nil
      first = first + 1
      return wrk.format("GET", "/orders/" .. id .. "/redirect?transaction_id=T11223674.t-" .. id
         .. "&merchant_reference=" .. id, return_headers)
   end
   if kind ~= 0 and recent_size > 0 then
      return wrk.format("GET", "/orders/" .. recent[math.random(recent_size)], read_headers)
   end
   return create()
end

function response(status, headers, answer)
   if status == 201 then
      local id = answer:match('^{"id":"([0-9a-f-]+)"')
      if id then
         out:write("created ", id, "\n")
         recent[recent_next] = id
         recent_next = recent_next % 1000 + 1
         if recent_size < 1000 then recent_size = recent_size + 1 end
         if math.random(3) ~= 3 then
            last = last + 1
            to_return[last] = id
         end
      end
   elseif status == 200 then
      local id, shown = answer:match('"order":{"id":"([0-9a-f-]+)","status":"([A-Z_]+)"')
      if id then
         out:write("returned ", id, " ", shown, "\n")
      end
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("BENCH_RESULT requests=%d seconds=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d"
      .. " p50=%.3f p99=%.3f max=%.3f\n",
      summary.requests, summary.duration / 1e6, e.status, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
