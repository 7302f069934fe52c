import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E_SECRET_KEY, SERVER_LOG_FILE } from './support/platform';
import { US_PERSON } from './support/demo';

// After every journey (playwright.config.ts runs this project last): the server logged each
// request of the run, and no line carries a key, a secret, a token or personal data that the
// journeys sent. Values are the journeys' own, so a leak of any of them shows here.

/** Exact values the journeys typed or the demo's seed sent. */
const PERSONAL_VALUES = [
  E2E_SECRET_KEY,
  US_PERSON.email,
  US_PERSON.lastName,
  'kontakt@zeitwerk.example',
  'keys@example.com',
  'Schmidt',
  '000123456789',
  'DE89370400440532013000',
  'DE89 3704 0044 0532 0130 00',
];

/** Shapes of secrets made during the run, whatever their values. */
const SECRET_SHAPES = [
  /sk_(test|live)_[A-Za-z0-9]{8,}/,
  /_secret_[A-Za-z0-9]{16,}/,
  /\bats_[A-Za-z0-9]{40}\b/,
  /\bwhsec_[A-Za-z0-9]{16,}/,
  // An account link's one-time token, in the URL of the hosted page.
  /\/connect\/link\/(?!\[redacted\])[A-Za-z0-9]{20,}/,
];

test('the server’s log of the whole run has no keys, secrets, tokens or personal data', () => {
  const lines = readFileSync(SERVER_LOG_FILE, 'utf8').split('\n').filter(Boolean);
  // The journeys made hundreds of requests: a log this short would mean it was not captured.
  expect(lines.length).toBeGreaterThan(200);
  const requests = lines.filter((line) => line.includes('"/v1/'));
  expect(requests.length).toBeGreaterThan(100);

  const leaks = lines.flatMap((line, index) => [
    ...PERSONAL_VALUES.filter((value) => line.includes(value)).map((value) => `line ${index + 1}: ${value}`),
    ...SECRET_SHAPES.filter((shape) => shape.test(line)).map((shape) => `line ${index + 1}: ${shape.source}`),
  ]);
  expect(leaks).toEqual([]);
});
