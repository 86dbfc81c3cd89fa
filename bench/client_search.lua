-- wrk script: POST /v1/clients/search {"phone"} for numbers client_create.lua created, in the local
-- form a receptionist types (6t x xx xx xx), chosen at random among the first $PER_THREAD of each thread.
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  threads = tonumber(os.getenv("THREADS"))
  per = tonumber(os.getenv("PER_THREAD"))
end

function request()
  local digits = string.format("6%d%07d", math.random(1, threads), math.random(1, per))
  local typed = digits:sub(1, 3) .. " " .. digits:sub(4, 5) .. " " .. digits:sub(6, 7) .. " " .. digits:sub(8, 9)
  return wrk.format(nil, nil, nil, '{"phone":"' .. typed .. '"}')
end
