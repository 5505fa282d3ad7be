#!/usr/bin/env bash
# Measures what judging every request's session costs: starts a built server (role all, SQLite,
# demo data) in a fresh folder, signs agent1 in, and runs wrk against GET /api/me (nothing but the
# sign-in check and the user) and GET /api/colleagues (a real query besides), then times
# POST /api/auth/sessions/check for 1,000 sessions (what the hub's session watch costs per 1,000
# open connections). Needs wrk (apt-get install wrk) and a Release build.
#   bench/scripts/auth-overhead.sh [path/to/Switchboard.Server.dll] [port] [extra server arguments...]
# Run it twice, with this tree's server and with another's, on a quiet machine, and compare.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dll="${1:-$root/src/Switchboard.Server/bin/Release/net10.0/Switchboard.Server.dll}"
port="${2:-5310}"
shift $(( $# > 2 ? 2 : $# ))
base="http://127.0.0.1:$port"
folder="$(mktemp -d)"
cd "$folder"
ASPNETCORE_ENVIRONMENT=Development dotnet "$dll" --contentRoot "$(dirname "$dll")" --urls "$base" \
  --Logging:LogLevel:Default=Warning "$@" > server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$folder"' EXIT
for _ in $(seq 1 60); do curl -sf "$base/healthz" > /dev/null && break; sleep 1; done

token() { curl -s -X POST "$base/api/auth/login" -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"$2\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
agent=$(token agent1 demo-agent1)
wrk -t1 -c8 -d5s -H "Authorization: Bearer $agent" "$base/api/me" > /dev/null
for path in /api/me /api/colleagues; do
  echo "GET $path (load $(cut -d' ' -f1 /proc/loadavg))"
  wrk -t1 -c8 -d15s --latency -H "Authorization: Bearer $agent" "$base$path" | grep -E "Requests/sec|50%|99%"
done

admin=$(token admin demo-admin)
python3 - "$base" "$admin" <<'PY'
import base64, concurrent.futures, json, sys, time, urllib.request
base, admin = sys.argv[1], sys.argv[2]
def post(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    with urllib.request.urlopen(urllib.request.Request(base + path, json.dumps(body).encode(), headers, method="POST")) as answer:
        return json.load(answer)
def claims(token):
    payload = token.split(".")[1]
    c = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return {"userId": c["sub"], "sessionId": c["sid"], "stamp": c["stamp"]}
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    tokens = list(pool.map(lambda _: post("/api/auth/login", {"login": "agent1", "password": "demo-agent1"})["token"], range(1000)))
body = {"sessions": [claims(t) for t in tokens]}
times = []
for _ in range(12):
    start = time.perf_counter()
    good = post("/api/auth/sessions/check", body, admin)["sessions"]
    times.append((time.perf_counter() - start) * 1000)
times = sorted(times[2:])
print(f"POST /api/auth/sessions/check, 1,000 sessions ({len(good)} good): median {times[len(times) // 2]:.1f} ms, max {times[-1]:.1f} ms")
PY
