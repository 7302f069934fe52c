import { AtriumApiError } from '@atrium/client';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createFakeClient } from '../../testing/fake-client';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { individualSubmitted, newAccount } from '../account-forms/mock/account-scenarios';
import { mockAccountApi } from '../account-forms/mock/mock-account-api';
import type { MockAccountState } from '../account-forms/mock/mock-account';
import { AccountOnboarding } from './account-onboarding';
import type { AccountOnboardingProps } from './account-onboarding';

function renderOnboarding(state: MockAccountState, props: AccountOnboardingProps = {}) {
  const api = mockAccountApi(state);
  const client = createFakeClient({ routes: api.routes });
  const view = render(
    <AtriumTestProvider client={client}>
      <AccountOnboarding {...props} />
    </AtriumTestProvider>,
  );
  return { api, client, view };
}

const SLOW = { timeout: 5_000 };

/** The onboarding in English, and a way to switch the provider's locale afterwards. */
async function renderSwitchable(routes: ReturnType<typeof mockAccountApi>['routes']) {
  const client = createFakeClient({ routes });
  const tree = (locale: string) => (
    <AtriumTestProvider client={client} locale={locale}>
      <AccountOnboarding />
    </AtriumTestProvider>
  );
  const view = await render(tree('en'));
  return { switchTo: (locale: string) => view.rerender(tree(locale)) };
}

describe('AccountOnboarding in a real browser', () => {
  it('goes through a step with the keyboard alone and moves focus to the next step’s heading', async () => {
    const onStepChange = vi.fn();
    const { api } = renderOnboarding(newAccount('US'), { onStepChange });
    await expect.element(page.getByRole('radio', { name: /Individual or sole proprietor/ }), SLOW).toBeVisible();

    await userEvent.tab();
    await expect.element(page.getByRole('radio', { name: /Individual or sole proprietor/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: /Company/ })).toBeChecked();
    await userEvent.tab();
    await expect.element(page.getByRole('button', { name: 'Save and continue' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    await expect.element(page.getByRole('heading', { name: 'Business details' })).toHaveFocus();
    expect(api.state.businessType).toBe('company');
    expect(onStepChange).toHaveBeenLastCalledWith({ step: 'business_details' });
    await expect.element(page.getByRole('combobox', { name: 'Industry' }), SLOW).toBeVisible();
    await userEvent.tab();
    await expect.element(page.getByRole('combobox', { name: 'Industry' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect.element(page.getByRole('button', { name: /^Business type.*completed$/ })).toHaveFocus();
  });

  it('takes a document dropped on the drop zone, checks it and puts it on the individual', async () => {
    const { api, client } = renderOnboarding(individualSubmitted('verified', 'DE'), {
      collectionOptions: { fields: 'eventually_due' },
    });
    await expect.element(page.getByText('Choose a file'), SLOW).toBeVisible();
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37])], 'ausweis.pdf', {
      type: 'application/pdf',
    });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const zone = page.getByText('or drop it here').element().parentElement;
    zone?.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));

    await expect.element(page.getByText('ausweis.pdf was uploaded. We’ll check it shortly.')).toBeVisible();
    expect(client.requests.map((request) => `${request.method} ${request.path}`)).toContain('POST /files');
    expect(api.state.individual?.verification?.document?.front).toMatch(/^file_/);
  });

  it('refuses a file over 10 MB before sending anything', async () => {
    const { client } = renderOnboarding(individualSubmitted('verified', 'DE'), {
      collectionOptions: { fields: 'eventually_due' },
    });
    const picker = page.getByLabelText('Choose a file');
    await expect.element(picker, SLOW).toBeInTheDocument();
    const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.png', { type: 'image/png' });

    await userEvent.upload(picker, huge);

    await expect.element(page.getByRole('alert')).toHaveTextContent('The file is larger than 10 MB.');
    expect(client.requests.some((request) => request.path === '/files')).toBe(false);
  });

  it('says a field’s error again in the new language when the locale changes', async () => {
    const { switchTo } = await renderSwitchable(mockAccountApi(newAccount('US')).routes);
    await expect.element(page.getByRole('radio', { name: /Company/ }), SLOW).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Save and continue' }));
    await expect
      .element(page.getByRole('radio', { name: /Company/ }))
      .toHaveAccessibleDescription(/Choose what kind of business this is\.$/);

    await switchTo('fr');

    await expect.element(page.getByText('Choisissez le type d’entreprise.'), SLOW).toBeVisible();
    expect(page.getByText('Choose what kind of business this is.').query()).toBeNull();
  });

  it('says a server refusal shown on its field again in the new language when the locale changes', async () => {
    const { routes } = mockAccountApi(newAccount('US'));
    let refused = false;
    const { switchTo } = await renderSwitchable({
      ...routes,
      'POST /account': (request) => {
        if (refused) return routes['POST /account']?.(request);
        refused = true;
        throw new AtriumApiError({
          status: 400,
          type: 'invalid_request_error',
          code: 'parameter_invalid',
          message: 'Invalid business_type.',
          param: 'business_type',
        });
      },
    });
    await expect.element(page.getByRole('radio', { name: /Company/ }), SLOW).toBeVisible();
    await userEvent.click(page.getByRole('radio', { name: /Company/ }));
    await userEvent.click(page.getByRole('button', { name: 'Save and continue' }));
    await expect
      .element(page.getByRole('radio', { name: /Company/ }))
      .toHaveAccessibleDescription(/Choose what kind of business this is\.$/);

    await switchTo('fr');

    await expect.element(page.getByText('Choisissez le type d’entreprise.'), SLOW).toBeVisible();
  });
});
