#!/usr/bin/env bash
# Installs what Switchboard needs on a Debian machine, only what is missing; safe to run again.
#   install-prerequisites.sh run    to build and run the system:
#       dotnet-sdk-10.0    builds and runs the server
#       nodejs, npm        build the web panel (web/) with Vite; Node.js 20 or newer
#   install-prerequisites.sh test   the above, and what the tests start by themselves:
#       postgresql         initdb and pg_ctl: the CRM tests start a private server of their own in a
#                          temporary folder, on 127.0.0.1 at a free port. The package may start its own
#                          cluster too; the tests never use it.
#       chromium           Debian's Chromium at /usr/bin/chromium, driven by Playwright in the web tests
#       kamailio, kamailio-websocket-modules, rtpengine-daemon, sip-tester
#                          the web phone's test rig (tests/Switchboard.WebPhone.Tests, scripts/webphone-rig.sh):
#                          SIP registrar and proxy with SIP over WebSocket, the media relay, and SIPp as the
#                          outside world. The tests start their own on free loopback ports; the packages'
#                          own services, where the machine starts them, are never used.
set -euo pipefail
purpose="${1:-run}"
case "$purpose" in run | test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac

need=()
command -v dotnet >/dev/null 2>&1 || need+=(dotnet-sdk-10.0)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ "$purpose" = test ]; then
  # Debian keeps the server programs off PATH, under /usr/lib/postgresql/<version>/bin.
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null 2>&1; then
    need+=(postgresql)
  fi
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v kamailio >/dev/null 2>&1 || [ -x /usr/sbin/kamailio ] || need+=(kamailio)
  compgen -G "/usr/lib/*/kamailio/modules/websocket.so" >/dev/null || need+=(kamailio-websocket-modules)
  command -v rtpengine >/dev/null 2>&1 || need+=(rtpengine-daemon)
  command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
fi

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${need[*]}. Run this script as root, or install them yourself (apt-get install ${need[*]})." >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

dotnet --version >/dev/null
node_major="$(node --version | sed -E 's/^v([0-9]+).*/\1/')"
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $(node --version) is too old for the web panel's build (Vite needs 20.19 or newer);" \
    "install Node.js 20 or 22 (for example from NodeSource) and run this again." >&2
  exit 1
fi

if [ "$purpose" = test ] && [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  # As root the tests run initdb and postgres as this user (they refuse root); Debian's package creates it.
  echo "The 'postgres' user is missing; reinstall the postgresql package (apt-get install --reinstall postgresql-common)." >&2
  exit 1
fi
