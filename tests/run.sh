#!/usr/bin/env bash
# Runs every test of Switchboard: installs what the tests need, checks formatting, builds (the web
# panel too), runs all .NET test projects and the web tests, and ends with one line
# "tests: N passed, N failed" counted from the test results. Exits non-zero when anything failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

"$root/scripts/install-prerequisites.sh" test || { echo "tests: 0 passed, 1 failed"; exit 1; }

status=0
echo "== dotnet format (style check)"
if ! dotnet format Switchboard.slnx --verify-no-changes --verbosity quiet; then
  echo "dotnet format found code that is not formatted; run 'dotnet format Switchboard.slnx'." >&2
  status=1
fi

echo "== build (the server's build also installs web/'s packages and builds the panel)"
if ! dotnet build Switchboard.slnx --configuration Release --nologo --verbosity quiet; then
  echo "The build failed." >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

echo "== test"
dotnet test Switchboard.slnx --configuration Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=3000000 || status=1

echo "== web tests (Vitest)"
rm -rf "$root/web/test-results"
(cd "$root/web" && npm test) || status=1

passed=0
failed=0
# Vitest's JUnit report: the totals are on its first <testsuites> element.
for junit in "$root"/web/test-results/*.xml; do
  [ -e "$junit" ] || continue
  totals=$(grep -o '<testsuites [^>]*>' "$junit" | head -n 1)
  t=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$totals")
  f=$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$totals")
  e=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$totals")
  failed=$((failed + ${f:-0} + ${e:-0}))
  passed=$((passed + ${t:-0} - ${f:-0} - ${e:-0}))
done
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
