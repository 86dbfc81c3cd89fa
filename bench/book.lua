-- wrk script: POST /v1/appointments, every request a start no other request of the run takes.
-- Environment: TOKEN, CLIENT, SERVICE, PROS (professional ids, comma-separated), DAY0 (a UTC
-- midnight, epoch seconds), DAYS (how many days the run spreads over), THREADS (wrk's -t).
-- Request k of the run (k = n * THREADS + thread id, n counting this thread's requests) books
-- professional (k div DAYS) mod #PROS on day DAY0 + k mod DAYS at quarter (k div (DAYS * #PROS)):
-- consecutive requests take different days and professionals, so a day fills slowly (about
-- requests / DAYS bookings per day at the end) and no two requests of the run collide.
-- The professionals work 00:00-24:00 every day; the service lasts 15 minutes.
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  pros = {}
  for p in string.gmatch(os.getenv("PROS") or "", "[^,]+") do
    table.insert(pros, p)
  end
  day0 = tonumber(os.getenv("DAY0"))
  days = tonumber(os.getenv("DAYS") or "300")
  threads = tonumber(os.getenv("THREADS") or "2")
  client = os.getenv("CLIENT")
  service = os.getenv("SERVICE")
end

function request()
  local k = n * threads + id
  n = n + 1
  local day = k % days
  local r = math.floor(k / days)
  local pro = pros[(r % #pros) + 1]
  local quarter = math.floor(r / #pros)
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", day0 + day * 86400 + quarter * 900)
  return wrk.format(nil, nil, nil, '{"clientId":"' .. client .. '","serviceId":"' .. service ..
    '","start":"' .. start .. '","professionalId":"' .. pro .. '"}')
end
