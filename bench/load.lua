-- wrk script: count every response status exactly, and optionally cycle through several paths.
-- BENCH_PATHS (newline separated) lists the paths; empty means the URL given to wrk.
-- Prints "STATUS <code> <count>" lines at the end (summed over wrk's threads).

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "", "[^\n]+") do
  table.insert(paths, p)
end

local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = offset or 0
  statuses = {}
end

function request()
  if #paths == 0 then
    return wrk.format(nil)
  end
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do
      total[code] = (total[code] or 0) + n
    end
  end
  for code, n in pairs(total) do
    io.write(string.format("STATUS %d %d\n", code, n))
  end
end
