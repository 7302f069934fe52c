import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { buildSession } from '../../testing/fixtures';
import { accountScenario } from '../account-forms/mock/account-handlers';
import {
  companyStarted,
  companyWithRepresentative,
  individualDetailsGiven,
  individualStarted,
  individualSubmitted,
  newAccount,
} from '../account-forms/mock/account-scenarios';
import { mockBankAccount } from '../account-forms/mock/mock-account';
import type { MockAccountState } from '../account-forms/mock/mock-account';
import { AccountOnboarding } from './account-onboarding';

const meta = {
  title: 'Components/AccountOnboarding',
  component: AccountOnboarding,
  args: {
    onLoaderStart: fn(),
    onLoadError: fn(),
    onStepChange: fn(),
    onExit: fn(),
    fullTermsOfServiceUrl: 'https://platform.example/terms',
    privacyPolicyUrl: 'https://platform.example/privacy',
  },
} satisfies Meta<typeof AccountOnboarding>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The forms load on demand; the first field may take a moment in a cold browser. */
const SLOW = { timeout: 5_000 };

const PROFILE = { url: 'https://ticktock.example', mcc: '5944' };
const withProfile = (state: MockAccountState) => ({ ...state, businessProfile: PROFILE });
const withoutBank = (state: MockAccountState) => ({ ...state, bankAccounts: [] });

/** A story over one account scenario: its handlers, and a fresh account before every run. */
function over(scenario: ReturnType<typeof accountScenario>): Pick<Story, 'beforeEach' | 'parameters'> {
  return { beforeEach: scenario.reset, parameters: { msw: { handlers: scenario.handlers } } };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

export const Loading: Story = {
  ...over(accountScenario(() => newAccount('US'), { delayMs: 'infinite' })),
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading…');
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'account_onboarding' });
  },
};

export const BusinessTypeUS: Story = {
  ...over(accountScenario(() => newAccount('US'))),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Business type' })).toBeVisible();
    await expect(args.onStepChange).toHaveBeenCalledWith({ step: 'business_type' });
    await userEvent.click(await canvas.findByRole('radio', { name: /Company/ }, SLOW));
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    const heading = await canvas.findByRole('heading', { name: 'Business details' });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(await canvas.findByLabelText('Legal business name', {}, SLOW)).toBeVisible();
    await waitFor(() => expect(args.onStepChange).toHaveBeenLastCalledWith({ step: 'business_details' }));
  },
};

export const BusinessDetailsIndividualUS: Story = {
  ...over(accountScenario(() => individualStarted('US'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByLabelText('Industry', {}, SLOW), '5944');
    await userEvent.type(canvas.getByLabelText('Business website'), 'ticktock.example');
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    const heading = await canvas.findByRole('heading', { name: 'Personal details' });
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(canvas.getByRole('button', { name: /^Business details.*completed$/ })).toBeVisible();
  },
};

export const BusinessDetailsCompanyDE: Story = {
  ...over(accountScenario(() => companyStarted('DE'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('Tax ID', {}, SLOW)).toHaveAccessibleDescription(
      'For example 0000000000.',
    );
    await expect(canvas.getByLabelText('Postal code')).toBeVisible();
    await expect(canvas.queryByLabelText('State or province')).toBeNull();
  },
};

export const PersonalDetailsUS: Story = {
  ...over(accountScenario(() => withProfile(individualStarted('US')))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('Last 4 digits of the Social Security number', {}, SLOW)).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'State or province' })).toBeVisible();
  },
};

export const PersonalDetailsDE: Story = {
  ...over(accountScenario(() => withProfile(individualStarted('DE')))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('First name', {}, SLOW)).toBeVisible();
    await expect(canvas.queryByLabelText('Last 4 digits of the Social Security number')).toBeNull();
  },
};

export const ValidationErrors: Story = {
  ...over(accountScenario(() => withProfile(individualStarted('US')))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const firstName = await canvas.findByLabelText('First name', {}, SLOW);
    await userEvent.type(canvas.getByLabelText('Email'), 'jenny@');
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(firstName).toHaveFocus());
    await expect(firstName).toBeInvalid();
    await expect(firstName).toHaveAccessibleDescription('This field is required.');
    await expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription(
      'Enter a valid email address, like name@example.com.',
    );
    await expect(canvas.getByRole('group', { name: 'Date of birth' })).toHaveTextContent('This field is required.');
    await expectErrorsAnnouncedOnce(canvasElement, '10 fields need attention.');
  },
};

/**
 * A failed submit speaks once: no error is an alert of its own (ten at once drown each other),
 * one polite status says how many fields need attention, and each message is the description
 * of a control marked invalid, read when the user reaches it.
 */
async function expectErrorsAnnouncedOnce(canvasElement: HTMLElement, summary: string) {
  const canvas = within(canvasElement);
  await expect(canvas.queryAllByRole('alert')).toHaveLength(0);
  const form = canvasElement.querySelector('form') ?? canvasElement;
  await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent(summary));
  const messages = [...form.querySelectorAll('.atr-field-error')];
  const invalid = [...form.querySelectorAll('[aria-invalid="true"]')];
  const described = new Set(invalid.flatMap((control) => control.getAttribute('aria-describedby')?.split(' ') ?? []));
  await expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) await expect(described.has(message.id)).toBe(true);
}

/** Fills Jenny Rosen's details; the US test values verify. */
async function fillPersonalDetails(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('First name', {}, SLOW), 'Jenny');
  await userEvent.type(canvas.getByLabelText('Last name'), 'Rosen');
  await userEvent.type(canvas.getByLabelText('Email'), 'jenny.rosen@example.com');
  await userEvent.type(canvas.getByLabelText('Phone'), '(415) 555-2671');
  await userEvent.type(canvas.getByLabelText('Day'), '1');
  await userEvent.selectOptions(canvas.getByLabelText('Month'), '1');
  await userEvent.type(canvas.getByLabelText('Year'), '1901');
  await userEvent.type(canvas.getByLabelText('Street address'), '510 Townsend St');
  await userEvent.type(canvas.getByLabelText('City'), 'San Francisco');
  await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'State or province' }), 'CA');
  await userEvent.type(canvas.getByLabelText('Postal code'), '94103');
  await userEvent.type(canvas.getByLabelText('Last 4 digits of the Social Security number'), '0000');
}

export const ServerErrorOnAField: Story = {
  ...over(
    accountScenario(() => withProfile(individualStarted('US')), {
      refuseFirstWrite: {
        path: '/account',
        param: 'individual[address][postal_code]',
        message: 'Invalid individual[address][postal_code]: must be a valid postcode for US',
      },
    }),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillPersonalDetails(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    const postalCode = canvas.getByLabelText('Postal code');
    await waitFor(() => expect(postalCode).toHaveFocus());
    await expect(postalCode).toHaveAccessibleDescription('Enter a valid postal code.');
    await expectErrorsAnnouncedOnce(canvasElement, '1 field needs attention.');
    await expect(canvas.getByRole('heading', { name: 'Personal details' })).toBeVisible();
  },
};

export const ServerErrorOnAFieldNotShown: Story = {
  ...over(
    accountScenario(() => withProfile(individualStarted('US')), {
      refuseFirstWrite: {
        path: '/account',
        param: 'individual[id_number]',
        message: 'Invalid individual[id_number]: must be a valid SSN',
      },
    }),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fillPersonalDetails(canvasElement);
    await expect(canvas.queryByLabelText('Social Security number')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    const banner = await canvas.findByRole('alert', {}, SLOW);
    await expect(banner).toHaveTextContent('Your changes weren’t saved');
    await expect(canvas.getByRole('heading', { name: 'Personal details' })).toBeVisible();
  },
};

export const SessionExpiredKeepsTypedValues: Story = {
  ...over(accountScenario(() => withProfile(individualStarted('US')), { expireFirstWriteTo: '/account' })),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await fillPersonalDetails(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    await expect(await canvas.findByRole('heading', { name: 'Bank account' })).toBeVisible();
    await expect(args.onLoadError).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: /^Personal details.*completed$/ }));
    await expect(await canvas.findByLabelText('First name', {}, SLOW)).toHaveValue('Jenny');
    await expect(canvas.getByLabelText(/^Last 4 digits/)).toHaveAccessibleDescription(
      'Already provided. Enter it again only to change it.',
    );
  },
};

export const RepresentativeCompanyUS: Story = {
  ...over(
    accountScenario(() => ({
      ...companyStarted('US'),
      businessProfile: PROFILE,
      company: {
        name: 'Tick Tock Watches LLC',
        tax_id_provided: true,
        phone: '0000000000',
        address: { line1: '510 Townsend St', city: 'San Francisco', state: 'CA', postal_code: '94103' },
      },
    })),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Representative' })).toBeVisible();
    await expect(await canvas.findByLabelText('Job title', {}, SLOW)).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: /Owner/ })).not.toBeChecked();
  },
};

export const OwnersAndDirectorsDE: Story = {
  ...over(accountScenario(() => companyWithRepresentative('DE'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Owners and directors' })).toBeVisible();
    await userEvent.click(await canvas.findByRole('button', { name: 'Add a director' }, SLOW));
    await userEvent.type(await canvas.findByLabelText('First name', {}, SLOW), 'Erika');
    await userEvent.type(canvas.getByLabelText('Last name'), 'Musterfrau');
    await userEvent.type(canvas.getByLabelText('Day'), '2');
    await userEvent.selectOptions(canvas.getByLabelText('Month'), '3');
    await userEvent.type(canvas.getByLabelText('Year'), '1970');
    await userEvent.click(canvas.getByRole('button', { name: 'Save person' }));
    await expect(await canvas.findByText('Erika Musterfrau')).toBeVisible();
    await userEvent.click(canvas.getByRole('checkbox', { name: /every director/ }));
    await userEvent.click(canvas.getByRole('checkbox', { name: /every executive/ }));
    await userEvent.click(canvas.getByRole('checkbox', { name: /25% or more/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    await expect(await canvas.findByRole('heading', { name: 'Bank account' })).toBeVisible();
  },
};

export const ServerErrorOnARole: Story = {
  ...over(
    accountScenario(() => companyWithRepresentative('DE'), {
      refuseFirstWrite: {
        path: '/persons',
        param: 'relationship[director]',
        message: 'Invalid relationship[director]',
      },
    }),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Add a director' }, SLOW));
    await userEvent.type(await canvas.findByLabelText('First name', {}, SLOW), 'Erika');
    await userEvent.type(canvas.getByLabelText('Last name'), 'Musterfrau');
    await userEvent.type(canvas.getByLabelText('Day'), '2');
    await userEvent.selectOptions(canvas.getByLabelText('Month'), '3');
    await userEvent.type(canvas.getByLabelText('Year'), '1970');
    await userEvent.click(canvas.getByRole('button', { name: 'Save person' }));
    const director = canvas.getByRole('checkbox', { name: /^Director/ });
    await waitFor(() => expect(director).toHaveFocus());
    await expect(director).toBeInvalid();
    await expect(director).toHaveAccessibleDescription(/Check this value\.$/);
  },
};

export const OwnersUS: Story = {
  ...over(accountScenario(() => companyWithRepresentative('US'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Add an owner' }, SLOW)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Add a director' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    await expect(await canvas.findByRole('checkbox', { name: /25% or more/ })).toHaveAccessibleDescription(
      'Confirm this once everyone has been added.',
    );
  },
};

export const BankAccountUS: Story = {
  ...over(accountScenario(() => withoutBank(individualDetailsGiven('US')))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const routing = await canvas.findByLabelText('Routing number', {}, SLOW);
    await userEvent.type(routing, '110000001');
    await userEvent.type(canvas.getByLabelText('Account number'), '000123456789');
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    await expect(routing).toHaveAccessibleDescription(
      '9 digits, printed at the bottom left of a check. Enter a valid 9-digit routing number.',
    );
    await userEvent.clear(routing);
    await userEvent.type(routing, '110000000');
    await userEvent.click(canvas.getByRole('button', { name: 'Save and continue' }));
    await expect(await canvas.findByRole('heading', { name: 'Review and submit' })).toBeVisible();
  },
};

export const BankAccountDE: Story = {
  ...over(accountScenario(() => withoutBank(individualDetailsGiven('DE')))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('IBAN', {}, SLOW)).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Bank country' })).toHaveValue('DE');
    await expect(canvas.queryByLabelText('Routing number')).toBeNull();
  },
};

export const DocumentUploadWithProgress: Story = {
  ...over(accountScenario(() => individualSubmitted('verified', 'DE'), { uploadDelayMs: 1_500 })),
  args: { collectionOptions: { fields: 'eventually_due' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Documents' })).toBeVisible();
    const picker = await canvas.findByLabelText('Choose a file', {}, SLOW);
    await userEvent.upload(picker, new File(['GIF89a, not really a PNG'], 'fake.png', { type: 'image/png' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Upload a PDF, PNG or JPEG file.');
    await userEvent.upload(picker, new File([PNG], 'passport.png', { type: 'image/png' }));
    const progress = await canvas.findByRole('progressbar', { name: 'Upload of passport.png' });
    await expect(progress).toHaveAttribute('aria-valuemax', '100');
    await expect(await canvas.findByText('passport.png was uploaded. We’ll check it shortly.', {}, SLOW)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(await canvas.findByRole('heading', { name: 'Review and submit' })).toBeVisible();
  },
};

export const ReviewAndSubmit: Story = {
  ...over(accountScenario(() => individualDetailsGiven('US'))),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Review and submit' })).toBeVisible();
    const terms = await canvas.findByRole(
      'checkbox',
      { name: 'I agree to the services agreement and the privacy policy.' },
      SLOW,
    );
    await expect(canvas.getByRole('link', { name: 'services agreement' })).toHaveAttribute(
      'href',
      'https://platform.example/terms',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(terms).toHaveAccessibleDescription('Accept the agreement to submit.');
    await expect(terms).toHaveFocus();
    await userEvent.click(terms);
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(await canvas.findByText('We’re verifying your information')).toBeVisible();
    await waitFor(() => expect(args.onStepChange).toHaveBeenLastCalledWith({ step: 'submitted' }));
  },
};

export const TermsCollectedByThePlatform: Story = {
  ...over(accountScenario(() => individualDetailsGiven('US'))),
  args: { skipTermsOfServiceCollection: true, hideSkip: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'What happens next' })).toBeVisible();
  },
};

export const ChecksPending: Story = {
  ...over(accountScenario(() => individualSubmitted('pending'))),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('We’re verifying your information')).toBeVisible();
  },
};

export const Verified: Story = {
  ...over(accountScenario(() => individualSubmitted('verified'))),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('You’re all set')).toBeVisible();
    await expect(canvas.getByText('Payouts enabled')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Done' }));
    await expect(args.onExit).toHaveBeenCalledTimes(1);
  },
};

export const ChecksFailAfterSubmitting: Story = {
  ...over(
    accountScenario(() => individualSubmitted('pending'), {
      verifyAfterMs: 500,
      outcomes: {
        'individual.ssn_last_4': {
          status: 'failed',
          code: 'verification_failed_keyed_identity',
          reason: 'The identity information entered could not be verified.',
        },
      },
    }),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('We’re verifying your information')).toBeVisible();
    await expect(await canvas.findByText('We couldn’t verify some information', {}, { timeout: 8_000 })).toBeVisible();
    await expect(canvas.getByText(/The identity details couldn’t be verified/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Fix' }));
    await expect(await canvas.findByRole('heading', { name: 'Personal details' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Save and continue' })).toBeVisible();
  },
};

export const VerificationFailedReturningUser: Story = {
  ...over(accountScenario(() => individualSubmitted('ssn_failed'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Personal details' })).toBeVisible();
    await expect(canvas.getByText(/The identity details couldn’t be verified/)).toBeVisible();
    await expect(within(canvas.getByRole('navigation', { name: 'Progress' })).getByText('Documents')).toBeVisible();
  },
};

export const WithoutBankAccountCollection: Story = {
  ...over(
    accountScenario(() => individualStarted('US'), {
      session: {
        components: buildSession({ components: { account_onboarding: { enabled: true, features: {} } } }).components,
      },
    }),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Business details' })).toBeVisible();
    await expect(canvas.queryByText('Bank account')).toBeNull();
  },
};

export const CompanyGermanInGerman: Story = {
  ...over(accountScenario(() => companyStarted('DE'))),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Angaben zum Unternehmen' })).toBeVisible();
    const country = await canvas.findByRole('combobox', { name: 'Land' }, SLOW);
    // German country names load on demand; the options follow once they have.
    await waitFor(() => expect(country).toHaveDisplayValue('Deutschland'));
  },
};

export const IndividualInJapanese: Story = {
  ...over(accountScenario(() => withProfile(individualStarted('US')))),
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: '個人情報' })).toBeVisible();
    await expect(await canvas.findByRole('option', { name: '1月' }, SLOW)).toBeInTheDocument();
  },
};

export const FrenchReview: Story = {
  ...ReviewAndSubmit,
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Vérifier et envoyer' })).toBeVisible();
  },
};

export const SpanishBusinessType: Story = {
  ...BusinessTypeUS,
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('radio', { name: /Particular o autónomo/ }, SLOW),
    ).toBeVisible();
  },
};

export const PersonalDetailsDark: Story = { ...PersonalDetailsUS, globals: { theme: 'dark' } };

export const BusinessTypeDE: Story = {
  ...over(accountScenario(() => newAccount('DE'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('radio', { name: /Non-profit/ }, SLOW)).toBeVisible();
    await expect(within(canvas.getByRole('navigation', { name: 'Progress' })).getByText('Bank account')).toBeVisible();
  },
};

export const BusinessDetailsIndividualDE: Story = {
  ...over(accountScenario(() => individualStarted('DE'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('Business website', {}, SLOW)).toBeVisible();
    await expect(canvas.queryByLabelText('Legal business name')).toBeNull();
  },
};

export const BusinessDetailsCompanyUS: Story = {
  ...over(accountScenario(() => companyStarted('US'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('Tax ID', {}, SLOW)).toHaveAccessibleDescription(
      'For example 000000000.',
    );
    await expect(canvas.getByRole('combobox', { name: 'State or province' })).toBeVisible();
  },
};

const germanCompany = (): MockAccountState => ({
  ...companyStarted('DE'),
  businessProfile: PROFILE,
  company: {
    name: 'Uhrwerk GmbH',
    tax_id_provided: true,
    phone: '0000000000',
    address: { line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' },
  },
});

export const RepresentativeCompanyDE: Story = {
  ...over(accountScenario(germanCompany)),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Representative' })).toBeVisible();
    await expect(await canvas.findByRole('checkbox', { name: /Director/ }, SLOW)).toBeVisible();
    await expect(canvas.queryByLabelText(/Social Security/)).toBeNull();
  },
};

export const DocumentsCompanyDE: Story = {
  ...over(
    accountScenario(() => ({
      ...companyWithRepresentative('DE'),
      company: {
        ...companyWithRepresentative('DE').company,
        owners_provided: true,
        directors_provided: true,
        executives_provided: true,
      },
      bankAccounts: [mockBankAccount({ country: 'DE', currency: 'eur', routing_number: null, last4: '3000' })],
      tosAcceptance: { date: 1_749_900_000, ip: '203.0.113.7', user_agent: 'Mozilla/5.0' },
    })),
  ),
  args: { collectionOptions: { fields: 'eventually_due' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Documents' })).toBeVisible();
    await expect(
      await canvas.findByRole('heading', { name: 'Identity document for Max Mustermann' }, SLOW),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Skip for now' })).toBeVisible();
  },
};

export const ReviewDE: Story = {
  ...over(accountScenario(() => individualDetailsGiven('DE'))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Review and submit' })).toBeVisible();
    // A returning user with only the terms left still sees (and may edit) what was done before.
    await expect(await canvas.findByRole('button', { name: 'Edit Personal details' }, SLOW)).toBeVisible();
    await expect(canvas.getAllByText('Complete')).toHaveLength(4);
  },
};
