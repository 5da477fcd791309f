-- wrk script: cycles through the request paths listed in a file (one per line, first argument after --).
-- An optional second argument names a file of request headers ("Name: value" per line), sent with every request:
-- the credentials of the auth phase, kept out of wrk's command line.
-- Each thread starts at its own offset so threads do not ask for the same path in lockstep.
-- done() prints one machine-readable line, prefixed "WRKJSON ", that bench.py reads.

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

local paths = {}
local idx = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. tostring(args[1]))
  end
  if args[2] then
    for line in io.lines(args[2]) do
      local name, value = line:match("^([^:]+):%s*(.-)%s*$")
      if name then
        wrk.headers[name] = value
      end
    end
  end
  idx = (((tid or 1) - 1) * 7919) % #paths
end

function request()
  idx = idx % #paths + 1
  return wrk.format("GET", paths[idx])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"err_connect":%d,"err_read":%d,"err_write":%d,' ..
    '"err_status":%d,"err_timeout":%d,"lat_mean_us":%.1f,"lat_p50_us":%d,"lat_p90_us":%d,"lat_p99_us":%d,' ..
    '"lat_max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
