import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createFakeClient } from '../../testing/fake-client';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { createStepContent } from './step-content';
import type { StepLoaders } from './step-content';
import type { StepContentProps } from './step-content-props';

/** The loaders of a deployment whose business type step fails to download the first `failures` times. */
function flakyLoaders(failures: number): { loaders: StepLoaders; attempts: () => number } {
  let attempts = 0;
  const businessType = () => {
    attempts += 1;
    if (attempts <= failures) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    return Promise.resolve({ default: () => <p>Business type form</p> });
  };
  const never = () => new Promise<never>(() => undefined);
  return {
    loaders: {
      business_type: businessType,
      business_details: never,
      representative: never,
      owners: never,
      bank_account: never,
      documents: never,
      review: never,
    },
    attempts: () => attempts,
  };
}

// Only the step's name matters to the loaders above.
const props = { step: { step: 'business_type' } } as unknown as StepContentProps;

describe('a step whose code fails to download', () => {
  it('shows the failure with "Try again" inside the flow, and loads the step again when asked', async () => {
    const { loaders, attempts } = flakyLoaders(1);
    const { StepContent } = createStepContent(loaders);
    await render(
      <AtriumTestProvider client={createFakeClient()}>
        <p>The platform's page</p>
        <Suspense fallback={<p>Loading the step</p>}>
          <StepContent {...props} />
        </Suspense>
      </AtriumTestProvider>,
    );

    await expect.element(page.getByRole('alert')).toHaveTextContent('An unexpected error occurred.');
    await expect.element(page.getByText("The platform's page")).toBeVisible();
    expect(attempts()).toBe(1);

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.element(page.getByText('Business type form')).toBeVisible();
    expect(attempts()).toBe(2);
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });
});
