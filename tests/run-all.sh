#!/usr/bin/env bash
# npm test: every suite, the way .ci/run runs it. Builds first (the host-process and e2e tests run the
# built host), then typecheck, lint, vitest (unit + integration) and Playwright (e2e in Chromium),
# and ends with one line `N passed, N failed` summed over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json

gate() { # name, command...: a gate that counts as one check; its output goes to test-results/gate-NAME.log
  local name=$1; shift
  if "$@" > "test-results/gate-$name.log" 2>&1; then echo "{\"name\":\"$name\",\"ok\":true}" > "test-results/check-$name.json"
  else echo "{\"name\":\"$name\",\"ok\":false}" > "test-results/check-$name.json"; fi
}

# Build, typecheck and lint at once: tsc and eslint run on one thread each, so one after another they
# left the second core mostly idle (85 s → 65 s on a two-core machine at load 3–6). The build's own tsc
# checks the node project (electron/, db/), so the typecheck gate here checks the other two
# (`npm run typecheck` still checks all three). Each gate's output is printed after all three end.
gate build npm run build --silent &
gate typecheck bash -c 'npx tsc -p tsconfig.renderer.json --noEmit & r=$!; npx tsc -p tsconfig.tests.json --noEmit; t=$?; wait $r && [ $t = 0 ]' &
gate lint npm run lint --silent &
wait
for name in build typecheck lint; do
  echo "== $name"
  cat "test-results/gate-$name.log"
done

echo "== vitest (unit, integration)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "== playwright (e2e, Chromium)"
npx playwright test -c tests/e2e/playwright.config.ts

node tests/summarize.mjs
