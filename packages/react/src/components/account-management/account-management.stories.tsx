import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { buildSession } from '../../testing/fixtures';
import { accountScenario } from '../account-forms/mock/account-handlers';
import type { AccountScenarioOptions } from '../account-forms/mock/account-handlers';
import {
  companyWithRepresentative,
  companyWithRepresentativeAndOwner,
  individualSubmitted,
} from '../account-forms/mock/account-scenarios';
import { mockBankAccount } from '../account-forms/mock/mock-account';
import type { MockAccountState } from '../account-forms/mock/mock-account';
import { AccountManagement } from './account-management';

const meta = {
  title: 'Components/AccountManagement',
  component: AccountManagement,
  args: { onLoaderStart: fn(), onLoadError: fn(), onSectionOpen: fn() },
} satisfies Meta<typeof AccountManagement>;

export default meta;
type Story = StoryObj<typeof meta>;

const SLOW = { timeout: 5_000 };

function over(
  make: () => MockAccountState,
  options: AccountScenarioOptions = {},
): Pick<Story, 'beforeEach' | 'parameters'> {
  const scenario = accountScenario(make, options);
  return { beforeEach: scenario.reset, parameters: { msw: { handlers: scenario.handlers } } };
}

const twoBanks = (): MockAccountState => ({
  ...individualSubmitted('verified'),
  bankAccounts: [
    mockBankAccount(),
    mockBankAccount({ id: 'ba_1MockSecondBank00000000', last4: '4321', default_for_currency: false, bank_name: null }),
  ],
});

export const Loading: Story = {
  ...over(() => individualSubmitted('verified'), { delayMs: 'infinite' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading…');
  },
};

export const Individual: Story = {
  ...over(() => individualSubmitted('verified')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Business details' })).toBeVisible();
    await expect(canvas.getByText('Jewelry and watches')).toBeVisible();
    await expect(canvas.getByText('January 1, 1901')).toBeVisible();
    await expect(canvas.getByText('510 Townsend St, San Francisco, CA, 94103, United States')).toBeVisible();
  },
};

export const EditBusinessDetails: Story = {
  ...over(() => individualSubmitted('verified')),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit Business details' }));
    await expect(args.onSectionOpen).toHaveBeenCalledWith({ section: 'business_details' });
    const website = await canvas.findByLabelText('Business website', {}, SLOW);
    await waitFor(() => expect(canvas.getByLabelText('Business name as customers know it (optional)')).toHaveFocus());
    await userEvent.clear(website);
    await userEvent.type(website, 'not a website');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(website).toHaveAccessibleDescription(
      'If you have no website, describe what you sell instead. Enter a website address, like example.com.',
    );
    await userEvent.clear(website);
    await userEvent.type(website, 'https://watches.example');
    await userEvent.type(canvas.getByLabelText('Business name as customers know it (optional)'), 'Jenny’s Watches');
    await userEvent.type(canvas.getByLabelText('Support website (optional)'), 'help.watches.example');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Your changes were saved.')).toBeVisible();
    await expect(canvas.getByText('https://watches.example')).toBeVisible();
    // Every field the form edits shows in the summary once saved.
    await expect(canvas.getByText('Jenny’s Watches')).toBeVisible();
    await expect(canvas.getByText(/help\.watches\.example/)).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Edit Business details' })).toHaveFocus());
  },
};

export const EditPersonalDetails: Story = {
  ...over(() => individualSubmitted('verified')),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit Personal details' }));
    await expect(args.onSectionOpen).toHaveBeenCalledWith({ section: 'people' });
    const phone = await canvas.findByLabelText('Phone', {}, SLOW);
    await userEvent.clear(phone);
    await userEvent.type(phone, '+1 415 555 2671');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('+14155552671')).toBeVisible();
  },
};

export const CompanyPeople: Story = {
  ...over(() => companyWithRepresentative('DE')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'People' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Edit Max Mustermann' }));
    const title = await canvas.findByLabelText('Job title', {}, SLOW);
    await userEvent.clear(title);
    await userEvent.type(title, 'Managing director');
    await userEvent.click(canvas.getByRole('checkbox', { name: /Owner/ }));
    await userEvent.type(canvas.getByLabelText(/Share of ownership/), '60');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Your changes were saved.')).toBeVisible();
    await expect(canvas.getByText('Owner')).toBeVisible();
  },
};

export const HandOverTheRepresentativeRole: Story = {
  ...over(companyWithRepresentativeAndOwner),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const badgesOf = (name: string) => {
      const item = canvas.getByText(name).closest('li');
      if (!item) throw new Error(`no list item for ${name}`);
      return within(item);
    };
    // The representative's own form does not offer giving the role up.
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit Max Mustermann' }));
    await canvas.findByLabelText('Job title', {}, SLOW);
    await expect(canvas.queryByRole('checkbox', { name: /Representative/ })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));

    await userEvent.click(await canvas.findByRole('button', { name: 'Edit Erika Musterfrau' }));
    const representative = await canvas.findByRole('checkbox', { name: /Representative/ }, SLOW);
    await expect(representative).toHaveAccessibleDescription(/this person takes the role over from the current one/);
    await userEvent.click(representative);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Your changes were saved.')).toBeVisible();
    await waitFor(() => expect(badgesOf('Erika Musterfrau').getByText('Representative')).toBeVisible());
    await expect(badgesOf('Erika Musterfrau').getByText('Owner')).toBeVisible();
    await expect(badgesOf('Max Mustermann').queryByText('Representative')).toBeNull();
  },
};

export const RemovingTheRepresentativeWarns: Story = {
  ...over(() => companyWithRepresentative('DE')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove Max Mustermann' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Remove Max Mustermann?' });
    await expect(dialog).toHaveAccessibleDescription(
      'They are the representative: payments and payouts pause until you add a new one. Their details will be deleted from this account.',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(canvas.getByText('Max Mustermann')).toBeVisible();
  },
};

export const AddAndRemoveBankAccounts: Story = {
  ...over(twoBanks),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Make default' }));
    await waitFor(() => expect(canvas.getAllByRole('button', { name: 'Replace' })).toHaveLength(1));
    await userEvent.click(canvas.getAllByRole('button', { name: 'Remove' })[0] ?? canvasElement);
    const dialog = await canvas.findByRole('dialog', { name: 'Remove the bank account ending in 6789?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(canvas.queryByText('6789')).toBeNull());
    await userEvent.click(canvas.getByRole('button', { name: 'Add a bank account' }));
    await expect(args.onSectionOpen).toHaveBeenCalledWith({ section: 'bank_accounts' });
    await userEvent.type(await canvas.findByLabelText('Routing number', {}, SLOW), '110000000');
    await userEvent.type(canvas.getByLabelText('Account number'), '000999999991');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('9991')).toBeVisible();
  },
};

export const BankAccountFormWithTheKeyboard: Story = {
  ...over(twoBanks),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Opening the form puts focus on its first field; closing it puts focus back on its opener.
    (await canvas.findByRole('button', { name: 'Replace' })).focus();
    await userEvent.keyboard('{Enter}');
    const replacement = await canvas.findByRole('form', { name: 'Replacement bank account' }, SLOW);
    await waitFor(() => expect(replacement.contains(document.activeElement)).toBe(true));
    await expect(document.activeElement).toHaveAttribute('id');
    within(replacement).getByRole('button', { name: 'Cancel' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Replace' })).toHaveFocus());

    canvas.getByRole('button', { name: 'Add a bank account' }).focus();
    await userEvent.keyboard('{Enter}');
    const added = await canvas.findByRole('form', { name: 'New bank account' }, SLOW);
    await waitFor(() => expect(added.contains(document.activeElement)).toBe(true));
    await userEvent.click(within(added).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Add a bank account' })).toHaveFocus());
  },
};

export const CannotRemoveTheDefault: Story = {
  ...over(twoBanks),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click((await canvas.findAllByRole('button', { name: 'Remove' }))[0] ?? canvasElement);
    const dialog = await canvas.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Make another bank account the default before you remove this one.',
    );
  },
};

export const BankAccountsReadOnly: Story = {
  ...over(() => individualSubmitted('verified'), {
    session: {
      components: buildSession({ components: { account_management: { enabled: true, features: {} } } }).components,
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Bank accounts for payouts are managed by the platform.')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Add a bank account' })).toBeNull();
  },
};

export const GermanCompanyInGerman: Story = {
  ...over(() => companyWithRepresentative('DE')),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Angaben zum Unternehmen' })).toBeVisible();
    await expect(canvas.getByText('Uhrwerk GmbH')).toBeVisible();
    // The address names its country in German once the German names have loaded.
    await expect(await canvas.findByText('Unter den Linden 1, Berlin, 10117, Deutschland')).toBeVisible();
  },
};

export const GermanOnAPhone: Story = {
  ...over(() => individualSubmitted('verified')),
  globals: { locale: 'de' },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Privatperson oder Einzelunternehmen')).toBeVisible();
    // Long German labels take at most 40% of a summary; the values keep the rest, whole words intact.
    for (const summary of canvasElement.querySelectorAll('dl')) {
      const width = summary.getBoundingClientRect().width;
      for (const value of summary.querySelectorAll('dd')) {
        await expect(value.getBoundingClientRect().width).toBeGreaterThanOrEqual(width * 0.5);
      }
    }
  },
};

export const Dark: Story = { ...Individual, globals: { theme: 'dark' } };
