#!/usr/bin/env bash
# npm test: every suite, the way .ci/run runs it. Builds first (the host-process and e2e tests run the
# built host), then typecheck, lint, vitest (unit + integration) and Playwright (e2e in Chromium),
# and ends with one line `N passed, N failed` summed over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json

step() { # name, command...: a gate that counts as one check
  local name=$1; shift
  echo "== $name"
  if "$@"; then echo "{\"name\":\"$name\",\"ok\":true}" > "test-results/check-$name.json"
  else echo "{\"name\":\"$name\",\"ok\":false}" > "test-results/check-$name.json"; fi
}

step build npm run build --silent
step typecheck npm run typecheck --silent
step lint npm run lint --silent

echo "== vitest (unit, integration)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "== playwright (e2e, Chromium)"
npx playwright test -c tests/e2e/playwright.config.ts

node tests/summarize.mjs
