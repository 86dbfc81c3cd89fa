-- wrk script: POST /v1/clients, every request a new client with its own phone, email and notes.
-- Thread t creates phones 6<t>xxxxxxx in order from $OFFSET (valid Spanish mobiles), so that
-- client_search.lua can look up numbers that exist; done() writes how many each thread created to
-- $COUNTS_FILE. With $TOKENS (comma-separated), requests take turns among those centers' tokens.
local threads = {}
local names = {"Lucía Fernández", "José García", "María López", "Ahmed Benali", "Zuriñe Etxeberria",
               "Björn Kowalczyk", "Ana Martín", "Youssef El Idrissi"}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  offset = tonumber(os.getenv("OFFSET") or "0")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  tokens = {}
  for token in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do
    table.insert(tokens, token)
  end
end

function request()
  n = n + 1
  local phone = string.format("6%d%07d", tid + 1, offset + n)
  local body = string.format('{"fullName":"%s %d","phone":"%s","email":"c%d.%d@example.com",' ..
      '"birthDate":"1985-06-%02d","notes":"Bench client %d: sensitive skin, no retinoids."}',
      names[(n % #names) + 1], n, phone, tid, offset + n, (n % 28) + 1, n)
  if #tokens > 0 then
    wrk.headers["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]
  end
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local file = io.open(os.getenv("COUNTS_FILE"), "w")
  for _, thread in ipairs(threads) do
    file:write(thread:get("n"), "\n")
  end
  file:close()
end
