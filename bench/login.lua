-- wrk script: POST /v1/auth/login with the credentials bench/run.sh signed up.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("LOGIN_BODY")
