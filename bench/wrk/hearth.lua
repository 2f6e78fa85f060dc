-- One wrk script for every Hearth endpoint in bench/load.sh.
-- Environment:
--   HB_COOKIES  file of "spaceId cookie" lines (from a sign-in through the API, or the seeder's "cookies")
--   HB_PATH     path with {space} standing for the space id, e.g. /api/v1/spaces/{space}
--   HB_METHOD   GET (default) or POST;  HB_BODY  JSON body for POST
--   HB_ANON=1   send no cookie (anonymous baseline)
--   HB_ONCE=1   use each line at most once (writes allowed once per member and week); threads take
--               interleaved lines, so no two requests ever use the same member
--   HB_THREADS  the -t value (for HB_ONCE)
-- Prints "JSON {...}" with requests/s, p50/p99 (ms), non-2xx, socket errors and a count per status.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  pool = {}
  for line in io.lines(os.getenv("HB_COOKIES")) do
    local space, cookie = line:match("^(%S+)%s+(.+)$")
    if space then table.insert(pool, { space, cookie }) end
  end
  method = os.getenv("HB_METHOD") or "GET"
  path = os.getenv("HB_PATH") or "/health"
  body = os.getenv("HB_BODY")
  anon = os.getenv("HB_ANON") == "1"
  once = os.getenv("HB_ONCE") == "1"
  step = once and tonumber(os.getenv("HB_THREADS") or "1") or 1
  next_index = id
  used = 0
  statuses = {}
  pool_size = #pool
end

function request()
  local entry = pool[(next_index % #pool) + 1]
  next_index = next_index + step
  used = used + 1
  local headers = {}
  if not anon then headers["Cookie"] = entry[2] end
  if body then headers["Content-Type"] = "application/json" end
  return wrk.format(method, path:gsub("{space}", entry[1]), headers, body)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local all, issued, pool_size = {}, 0, 0
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do all[k] = (all[k] or 0) + v end
    issued = issued + t:get("used")
    pool_size = t:get("pool_size")
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, string.format("\"%s\":%d", k, v)) end
  local e = summary.errors
  io.write(string.format(
    "JSON {\"rps\":%.2f,\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"max\":%.3f,\"requests\":%d,\"non2xx\":%d,\"socketErrors\":%d,\"issued\":%d,\"pool\":%d,\"statuses\":{%s}}\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, issued, pool_size, table.concat(parts, ",")))
end
