#!/usr/bin/env bash
# Live smoke of the Asterisk connector: starts Switchboard (demo people, a fresh SQLite file, the Asterisk
# connector) against a running Asterisk, then plays incoming + hold, blind and attended transfer (completed
# and cancelled), click-to-call and supervisor listening with SIPp phones and callers, checking the client
# events and the call log (tests/Switchboard.Connectors.Asterisk.Live). CI does not run it: it needs a PBX.
#
# The defaults fit the reference Asterisk (shared/tools/refpbx: AMI 127.0.0.1:5039 cti/ctisecret, SIP
# 127.0.0.1:5160, phones 101-103 with passwords pw101-pw103 on SIP ports 5161-5163, a trunk that accepts
# calls from 127.0.0.1:5170, a carrier at 127.0.0.1:5180 reached with the prefix 9). For another Asterisk
# set the same through the environment: AMI_HOST AMI_PORT AMI_USER AMI_SECRET, and SMOKE_ASTERISK_SIP,
# SMOKE_PASSWORD_101..103, SMOKE_PORT_101..103, SMOKE_TRUNK_PORT, SMOKE_CARRIER_PORT (see LiveOptions.cs), and
# ASTERISK_THREEWAY_CODE (features.conf atxferthreeway; the refpbx's *5), ASTERISK_MONITOR_DIR, Asterisk's monitor spool as this machine sees it (recordings are played from there).
# SMOKE_ONLY=<words> runs only the scenarios named so; SMOKE_WEB_PHONE=0 leaves out the web phone (Chromium).
# Needs sipp (Debian: sip-tester). Exit status 0 when every scenario passed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/switchboard-smoke.XXXXXX)
port=${SMOKE_SERVER_PORT:-5077}
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

command -v sipp >/dev/null || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 2; }
dotnet build "$root/src/Switchboard.Server" -c Release -p:SkipWebPanel=true -nologo -v q >/dev/null
dotnet build "$root/tests/Switchboard.Connectors.Asterisk.Live" -c Release -p:SkipWebPanel=true -nologo -v q >/dev/null

bin="$root/src/Switchboard.Server/bin/Release/net10.0"
(
  cd "$work"
  ASPNETCORE_ENVIRONMENT=Development \
  Pbx__Connector=Asterisk Asterisk__Host="${AMI_HOST:-127.0.0.1}" Asterisk__Port="${AMI_PORT:-5039}" \
  Asterisk__Username="${AMI_USER:-cti}" Asterisk__Secret="${AMI_SECRET:-ctisecret}" Asterisk__Technology=PJSIP \
  ConnectionStrings__Crm="Data Source=$work/switchboard.db" Messaging__OutboxPath="$work/outbox" \
  Asterisk__ThreeWayCode="${ASTERISK_THREEWAY_CODE:-*5}" Telephony__RecordFromPanel=true Recordings__Folder="${ASTERISK_MONITOR_DIR:-/var/tmp/refpbx22-run/spool/monitor}" \
  exec dotnet "$bin/Switchboard.Server.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port"
) > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the server did not start; see $work/server.log" >&2; exit 1; }

status=0
SMOKE_WORK="$work/sipp" SMOKE_AMI_HOST="${AMI_HOST:-127.0.0.1}" SMOKE_AMI_PORT="${AMI_PORT:-5039}" \
SMOKE_AMI_USER="${AMI_USER:-cti}" SMOKE_AMI_SECRET="${AMI_SECRET:-ctisecret}" dotnet "$root/tests/Switchboard.Connectors.Asterisk.Live/bin/Release/net10.0/Switchboard.Connectors.Asterisk.Live.dll" \
  --server "http://127.0.0.1:$port" || status=$?
echo "server log: $work/server.log (warnings: $(grep -c 'warn:' "$work/server.log" || true))"
exit $status
