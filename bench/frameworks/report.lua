-- wrk script for bench/frameworks: stop after a request budget, then print the run as one
-- JSON line the harness reads (wrk's own text summary is for people).
--
-- wrk always sleeps for its full --duration and reports that as the run's length, even when
-- a thread stops early; so the thread times itself (LuaJIT's FFI reads the monotonic clock)
-- and `done` uses that time when the budget, not the clock, ended the run.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1

local function now_us()
  local t = ffi.new("bench_timespec")
  ffi.C.clock_gettime(CLOCK_MONOTONIC, t)
  return tonumber(t.tv_sec) * 1000000 + tonumber(t.tv_nsec) / 1000
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Per thread (the harness runs one).
local budget = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "0")
local seen = 0
started_us = nil
stopped_us = nil

function init(args)
  started_us = now_us()
end

function response(status, headers, body)
  seen = seen + 1
  if budget > 0 and seen >= budget and not stopped_us then
    stopped_us = now_us()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local duration = summary.duration
  local thread = threads[1]
  local stopped, started = thread:get("stopped_us"), thread:get("started_us")
  if stopped and started then
    duration = stopped - started
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"budget_reached":%s,"non_2xx_3xx":%d,' ..
    '"socket_errors":%d,"latency_p50_us":%d,"latency_p99_us":%d}\n',
    summary.requests, duration, tostring(stopped ~= nil), e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
