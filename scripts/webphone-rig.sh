#!/usr/bin/env bash
# Starts the web phone's test rig by hand, on loopback only: rtpengine, then Kamailio as SIP registrar
# and proxy with digest authentication and SIP over WebSocket, from the same templates the tests use
# (tests/Switchboard.WebPhone.Tests/Rig). Runs in the foreground until Ctrl+C, then stops both.
#
#   scripts/webphone-rig.sh                 users 101-104 (browsers: the demo agents' lines) and 301-303 (SIP phones)
#   WEBPHONE_RIG_PASSWORD=secret scripts/webphone-rig.sh    one password for all users (default: made up, printed)
#
# Ports (environment, defaults in brackets): WEBPHONE_RIG_SIP_PORT [5062] plain SIP over UDP,
# WEBPHONE_RIG_WS_PORT [8090] SIP over WebSocket, WEBPHONE_RIG_NG_PORT [2224] rtpengine control,
# WEBPHONE_RIG_TRUNK_PORT [5092] where calls to outside numbers (5 digits or more) go, e.g. a SIPp,
# WEBPHONE_RIG_RTP_PORTS [31000-31099] media. Needs: scripts/install-prerequisites.sh test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
templates="$root/tests/Switchboard.WebPhone.Tests/Rig"
sip_port="${WEBPHONE_RIG_SIP_PORT:-5062}"
ws_port="${WEBPHONE_RIG_WS_PORT:-8090}"
ng_port="${WEBPHONE_RIG_NG_PORT:-2224}"
trunk_port="${WEBPHONE_RIG_TRUNK_PORT:-5092}"
rtp_ports="${WEBPHONE_RIG_RTP_PORTS:-31000-31099}"
password="${WEBPHONE_RIG_PASSWORD:-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)}"
domain="webphone.test"

for program in kamailio rtpengine; do
  if ! command -v "$program" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$program" ]; then
    echo "$program is missing: run scripts/install-prerequisites.sh test as root." >&2
    exit 1
  fi
done
case "$password" in *'"'* | *'\'*) echo "The password may not hold quotes or backslashes." >&2; exit 2 ;; esac

folder="${TMPDIR:-/tmp}/switchboard-webphone-rig-by-hand"
rm -rf "$folder"
mkdir -p "$folder"
fill() {
  sed -e "s/@DOMAIN@/$domain/g" -e "s/@SIP_PORT@/$sip_port/g" -e "s/@WS_PORT@/$ws_port/g" \
    -e "s/@NG_PORT@/$ng_port/g" -e "s/@TRUNK_PORT@/$trunk_port/g" \
    -e "s/@RTP_PORT_MIN@/${rtp_ports%-*}/g" -e "s/@RTP_PORT_MAX@/${rtp_ports#*-}/g" \
    -e '/@DTMF_LOG_PORT@/d' "$1"
}
fill "$templates/kamailio.cfg" >"$folder/kamailio.cfg"
fill "$templates/rtpengine.conf" >"$folder/rtpengine.conf"
{
  echo 'route[PASSWORD] {'
  echo '	$var(password) = "";'
  for user in 101 102 103 104 301 302 303; do
    echo "	if (\$au == \"$user\") { \$var(password) = \"$password\"; }"
  done
  echo '}'
} >"$folder/users.cfg"

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 0' INT TERM

rtpengine --config-file "$folder/rtpengine.conf" >"$folder/rtpengine.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "Startup complete" "$folder/rtpengine.log" && break; sleep 0.1; done
grep -q "Startup complete" "$folder/rtpengine.log" || { echo "rtpengine did not start; see $folder/rtpengine.log" >&2; exit 1; }

# Kamailio pings rtpengine when it starts, so it comes second.
kamailio -f "$folder/kamailio.cfg" -DD -E -Y "$folder" >"$folder/kamailio.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$ws_port") 2>/dev/null && break; sleep 0.1; done
(exec 3<>"/dev/tcp/127.0.0.1/$ws_port") 2>/dev/null || { echo "Kamailio did not start; see $folder/kamailio.log" >&2; exit 1; }

cat <<EOF
The web-phone rig runs on loopback (logs in $folder).
  WebSocket URL   ws://127.0.0.1:$ws_port
  SIP over UDP    127.0.0.1:$sip_port (outside numbers go to 127.0.0.1:$trunk_port)
  users           sip:101@$domain ... sip:104@$domain, sip:301@$domain ... sip:303@$domain
  password        $password (auth user = the user's number)
A user's SIP account in Switchboard: address sip:101@$domain, auth user 101 (agent1), this password, this WebSocket URL.
Ctrl+C stops the rig.
EOF
wait -n "${pids[@]}"
echo "A rig process ended; see $folder." >&2
exit 1
