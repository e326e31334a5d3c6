// Sums the results of every suite into the one line CI reads: `N passed, N failed`.
// Exits 1 when anything failed or a suite left no report (a suite that did not run is a failure).
import { existsSync, readFileSync, readdirSync } from 'node:fs';

let passed = 0;
let failed = 0;
const problems = [];

for (const file of readdirSync('test-results').filter((f) => f.startsWith('check-'))) {
  const { name, ok } = JSON.parse(readFileSync(`test-results/${file}`, 'utf8'));
  if (ok) passed += 1;
  else {
    failed += 1;
    problems.push(`check failed: ${name}`);
  }
}

if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  // A file that failed to load has no tests in the counts; count it as a failure.
  const brokenFiles = v.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  failed += brokenFiles;
  if (v.numFailedTests || brokenFiles) problems.push(`vitest: ${v.numFailedTests} failed tests, ${brokenFiles} files failed to run`);
} else {
  failed += 1;
  problems.push('vitest left no report');
}

if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  if (p.errors?.length) {
    failed += p.errors.length;
    problems.push(`playwright: ${p.errors.length} errors outside tests`);
  }
  if (p.stats.unexpected) problems.push(`playwright: ${p.stats.unexpected} failed`);
} else {
  failed += 1;
  problems.push('playwright left no report');
}

for (const p of problems) console.log(p);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
