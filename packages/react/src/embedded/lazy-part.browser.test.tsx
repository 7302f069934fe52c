import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createFakeClient } from '../testing/fake-client';
import { AtriumTestProvider } from '../testing/atrium-test-provider';
import { lazyPart } from './lazy-part';

describe('a part loaded on demand', () => {
  it('shows a failed download in place with "Try again", and downloads it again when asked', async () => {
    // A deployment whose part fails to download once, then arrives.
    let attempts = 0;
    const Part = lazyPart<{ name: string }>(() => {
      attempts += 1;
      if (attempts === 1) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      return Promise.resolve({ default: ({ name }: { name: string }) => <p>Form for {name}</p> });
    });
    await render(
      <AtriumTestProvider client={createFakeClient()}>
        <p>The platform's page</p>
        <Suspense fallback={<p>Loading</p>}>
          <Part name="Jenny" />
        </Suspense>
      </AtriumTestProvider>,
    );

    await expect.element(page.getByRole('alert')).toHaveTextContent('An unexpected error occurred.');
    await expect.element(page.getByText("The platform's page")).toBeVisible();
    expect(attempts).toBe(1);

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.element(page.getByText('Form for Jenny')).toBeVisible();
    expect(attempts).toBe(2);
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });
});
