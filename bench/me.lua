-- wrk script: GET /v1/me (each request appends an account.read event to the center's audit trail).
-- Requests take turns among the sessions of $TOKENS (comma-separated).
function init(args)
  n = 0
  wrk.method = "GET"
  tokens = {}
  for token in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do
    table.insert(tokens, token)
  end
end

function request()
  n = n + 1
  wrk.headers["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]
  return wrk.format(nil, nil, nil, nil)
end
