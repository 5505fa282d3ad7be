#!/usr/bin/env bash
# Installs what the tests need on a Debian machine. Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
command -v dotnet >/dev/null 2>&1 || need+=(dotnet-sdk-10.0)

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${need[*]}. Run this script as root, or install them yourself." >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

dotnet --version >/dev/null
