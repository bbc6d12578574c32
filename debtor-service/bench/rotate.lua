-- Spreads requests over the benchmark's pharmacies: PHARMACIES (space separated) and PATH_SUFFIX from the env.
local ids = {}
for id in string.gmatch(os.getenv("PHARMACIES"), "%d+") do ids[#ids + 1] = id end
local suffix = os.getenv("PATH_SUFFIX") or ""
local token = os.getenv("TOKEN")
local n = 0
request = function()
  n = n + 1
  local path = "/pharmacies/" .. ids[(n % #ids) + 1] .. "/debtors" .. suffix
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
