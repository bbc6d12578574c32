-- Spreads requests over the benchmark's pharmacies: PHARMACIES (space separated) and PATH_SUFFIX from the env.
-- With SIZES=n, also appends &per_page= 100, 99, ... 101-n in turn: page 1 of about the same size, but n x the
-- pharmacies different pages, so that most are not in the service's page cache (what an uncached page costs).
local ids = {}
for id in string.gmatch(os.getenv("PHARMACIES"), "%d+") do ids[#ids + 1] = id end
local suffix = os.getenv("PATH_SUFFIX") or ""
local sizes = tonumber(os.getenv("SIZES") or "")
local token = os.getenv("TOKEN")
local n = 0
request = function()
  n = n + 1
  local path = "/pharmacies/" .. ids[(n % #ids) + 1] .. "/debtors" .. suffix
  if sizes then
    path = path .. "&per_page=" .. (100 - math.floor(n / #ids) % sizes)
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
