-- wrk script: GET /v1/me (each request appends an account.read event to the center's audit trail).
-- With $TOKENS (comma-separated), requests take turns among those centers' tokens; else $TOKEN.
function init(args)
  n = 0
  wrk.method = "GET"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")
  tokens = {}
  for token in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do
    table.insert(tokens, token)
  end
end

function request()
  n = n + 1
  if #tokens > 0 then
    wrk.headers["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]
  end
  return wrk.format(nil, nil, nil, nil)
end
