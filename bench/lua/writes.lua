-- wrk script of the writes phase: feature writes (OGC API - Features Part 4) with credentials, one connection per
-- wrk thread (-t = -c), so that each thread's requests and answers alternate. Arguments after --:
--
--   post         ITEMS HEADERS THREADS           a new building per request: POST ITEMS, a square of about 7 x 11 m
--                                                in CRS84 somewhere over the benchmark city, and five properties
--   patch_spread ITEMS HEADERS THREADS FEATURES  JSON Merge Patch of height_m; the features of the file ("id etag"
--                                                per line) shared out among the threads, so no two write one row
--   patch_hot    ITEMS HEADERS THREADS FEATURES  the same, every thread over all features of the file (a few): their
--                                                writes queue on the row locks and each other's changes make 412s
--
-- ITEMS is the collection's items path, HEADERS a file of request headers ("Name: value" per line: the API key).
-- A PATCH sends If-Match with the feature's ETag: first the one of the file (bench.py reads it with a GET), then the
-- one the last write of the feature answered. After a 412 the thread GETs the feature (a new ETag) and patches again.
-- done() prints one line, prefixed "WRITESJSON ", with wrk's summary, the answers by status and kind, and the
-- latencies of the writes (every POST or PATCH, whatever its answer) and of the GETs, timed here with the monotonic
-- clock from just before each request to its answer.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

-- where new buildings go: inside the city of bench/sql/city.sql (E 435000..445000, N 5755000..5765000 in EPSG:25832)
local LON0, LAT0, STEP, COLUMNS, ROWS = 8.06, 51.95, 0.0002, 600, 350
local FUNCTIONS = { "residential", "commercial", "industrial", "public", "garage", "mixed" }

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  threads[#threads + 1] = thread
end

-- per thread (globals, so that done() can read them with thread:get)
statuses = {}      -- "kind status" -> count
write_us = {}      -- latency of every write, microseconds
get_us = {}
local mode, items
local headers = {}
local features = {}  -- { id, etag }
local next_feature = 0
local sent = 0       -- requests made
local pending        -- what the request in flight is: { kind = "post" | "patch" | "get", feature, started }

local function read_headers(path)
  for line in io.lines(path) do
    local name, value = line:match("^([^:]+):%s*(.-)%s*$")
    if name then
      headers[name] = value
    end
  end
end

local function read_features(path, threads_total)
  local i = 0
  for line in io.lines(path) do
    local id, etag = line:match("^(%S+)%s+(.+)$")
    if id then
      i = i + 1
      if mode == "patch_hot" or (i - 1) % threads_total == tid - 1 then
        features[#features + 1] = { id = id, etag = etag }
      end
    end
  end
  if #features == 0 then
    error("no features for thread " .. tid .. " in " .. path)
  end
  -- each thread starts at its own feature, so that hot features are not written in lockstep
  next_feature = (tid - 1) % #features
end

function init(args)
  mode, items = args[1], args[2]
  read_headers(args[3])
  local threads_total = tonumber(args[4])
  if mode == "patch_spread" or mode == "patch_hot" then
    read_features(args[5], threads_total)
  elseif mode ~= "post" then
    error("unknown mode " .. tostring(mode))
  end
end

-- wrk.format sends only the headers it is given (and Host): the credentials with each request's own
local function with_credentials(more)
  local all = {}
  for k, v in pairs(headers) do all[k] = v end
  for k, v in pairs(more) do all[k] = v end
  return all
end

local function new_building()
  local k = tid * 7919 + sent * 13
  local lon = LON0 + (k % COLUMNS) * STEP
  local lat = LAT0 + (math.floor(k / COLUMNS) % ROWS) * STEP
  local ring = string.format("[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]",
    lon, lat, lon + 0.0001, lat, lon + 0.0001, lat + 0.0001, lon, lat + 0.0001, lon, lat)
  return string.format('{"type":"Feature","geometry":{"type":"Polygon","coordinates":[%s]},"properties":'
    .. '{"height_m":%.1f,"storeys":%d,"year_built":%d,"function":"%s","name":"Neubau %d-%d"}}',
    ring, 3 + sent % 40 * 0.5, 1 + sent % 8, 1950 + sent % 76, FUNCTIONS[sent % #FUNCTIONS + 1], tid, sent)
end

function request()
  sent = sent + 1
  if mode == "post" then
    pending = { kind = "post", started = now_us() }
    return wrk.format("POST", items, with_credentials({ ["Content-Type"] = "application/geo+json" }), new_building())
  end
  local feature = features[next_feature + 1]
  if feature.etag == nil then
    pending = { kind = "get", feature = feature, started = now_us() }
    return wrk.format("GET", items .. "/" .. feature.id, with_credentials({ Accept = "application/geo+json" }))
  end
  pending = { kind = "patch", feature = feature, started = now_us() }
  local body = string.format('{"properties":{"height_m":%.1f}}', 3 + sent % 400 * 0.1)
  return wrk.format("PATCH", items .. "/" .. feature.id,
    with_credentials({ ["Content-Type"] = "application/merge-patch+json", ["If-Match"] = feature.etag }), body)
end

function response(status, response_headers, body)
  local elapsed = now_us() - pending.started
  local key = pending.kind .. " " .. status
  statuses[key] = (statuses[key] or 0) + 1
  local etag = response_headers["ETag"] or response_headers["Etag"] or response_headers["etag"]
  if pending.kind == "get" then
    get_us[#get_us + 1] = elapsed
    if status == 200 then
      pending.feature.etag = etag
    end
    return
  end
  write_us[#write_us + 1] = elapsed
  if pending.kind == "patch" then
    if status == 412 then
      pending.feature.etag = nil  -- read it again, then patch the same feature
      return
    end
    pending.feature.etag = status == 204 and etag or pending.feature.etag
    next_feature = (next_feature + 1) % #features
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

local function latency_json(values)
  table.sort(values)
  local sum = 0
  for _, v in ipairs(values) do sum = sum + v end
  return string.format('{"n":%d,"mean_us":%.1f,"p50_us":%.1f,"p90_us":%.1f,"p99_us":%.1f,"max_us":%.1f}', #values,
    #values > 0 and sum / #values or 0, percentile(values, 50), percentile(values, 90), percentile(values, 99),
    percentile(values, 100))
end

function done(summary, latency, requests)
  local all_statuses, writes, gets = {}, {}, {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("statuses")) do
      all_statuses[key] = (all_statuses[key] or 0) + n
    end
    for _, v in ipairs(thread:get("write_us")) do writes[#writes + 1] = v end
    for _, v in ipairs(thread:get("get_us")) do gets[#gets + 1] = v end
  end
  local parts = {}
  for key, n in pairs(all_statuses) do
    parts[#parts + 1] = string.format('"%s":%d', key, n)
  end
  local e = summary.errors
  io.write(string.format('WRITESJSON {"requests":%d,"duration_us":%d,"err_connect":%d,"err_read":%d,"err_write":%d,'
    .. '"err_timeout":%d,"statuses":{%s},"writes":%s,"gets":%s}\n', summary.requests, summary.duration, e.connect,
    e.read, e.write, e.timeout, table.concat(parts, ","), latency_json(writes), latency_json(gets)))
end
