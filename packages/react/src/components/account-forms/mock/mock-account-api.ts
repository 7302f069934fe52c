import { AtriumApiError } from '@atrium/client';
import {
  accountFieldsShape,
  bankAccountParamsSchema,
  boolParam,
  countrySpec,
  emailParam,
  paramName,
  personParamsSchema,
} from '@atrium/core';
import type { BankAccountParams, CompanyData, FieldContext, PersonData, VerificationState } from '@atrium/core';
import { z } from 'zod/mini';
import { enableEnglishSchemaMessages } from './english-messages';
import { buildList } from '../../../testing/fixtures';
import type { FakeRequest, FakeRoutes } from '../../../testing/routes';
import { accountObject, mockBankAccount, personObject } from './mock-account';
import type { MockAccountState, MockPerson } from './mock-account';
import { checkedFields, FAILING_DOCUMENT, verificationOutcome } from './mock-verification';

export interface MockAccountApiOptions {
  /**
   * How long submitted values stay `pending` before their checks settle (on the next request
   * after that); they stay pending when undefined.
   */
  verifyAfterMs?: number;
  /**
   * How the checks already pending in the starting state end (by requirement name, persons' as
   * `person_x.field`); they verify when not named.
   */
  outcomes?: Record<string, VerificationState>;
}

/** The account and the routes that read and change it. */
export interface MockAccountApi {
  state: MockAccountState;
  routes: FakeRoutes;
}

function invalid(message: string, param?: string, code = 'parameter_invalid'): AtriumApiError {
  return new AtriumApiError({
    status: 400,
    type: 'invalid_request_error',
    code,
    message,
    param,
    requestId: 'req_mock',
  });
}

function missing(what: string, id: string | undefined): AtriumApiError {
  return new AtriumApiError({
    status: 404,
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${what}: '${id ?? ''}'`,
    requestId: 'req_mock',
  });
}

/** Parses with a BFF schema; a refusal names its parameter in Stripe's bracket notation, as the BFF does. */
function parse<S extends z.ZodMiniType>(schema: S, body: FakeRequest['body'], prefix: readonly string[] = []) {
  const parsed = schema.safeParse(body instanceof FormData ? {} : (body ?? {}));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = paramName([...prefix, ...(issue?.path ?? [])]);
  throw invalid(`Invalid ${param}: ${issue?.message ?? 'invalid'}`, param);
}

function accountUpdateSchema(context: FieldContext) {
  const { tos_acceptance: _platformOnly, ...fields } = accountFieldsShape(context);
  return z.strictObject({
    ...fields,
    email: z.optional(emailParam()),
    tos_acceptance: z.optional(z.strictObject({ accepted: z.literal(true) })),
  });
}

type Submitted = Record<string, unknown>;

/** Merges submitted person fields; identity numbers are kept only as `*_provided` flags. */
function mergePerson<P extends PersonData>(person: P, submitted: Submitted): P {
  const { id_number, ssn_last_4, dob, address, verification, relationship: _relationship, ...plain } = submitted;
  const merged: P = { ...person, ...plain };
  if (id_number !== undefined) merged.id_number_provided = true;
  if (ssn_last_4 !== undefined) merged.ssn_last_4_provided = true;
  if (dob !== undefined) merged.dob = dob;
  if (address !== undefined) merged.address = { ...person.address, ...(address as object) };
  if (verification !== undefined) {
    const given = verification as NonNullable<PersonData['verification']>;
    merged.verification = {
      document: { ...person.verification?.document, ...given.document },
      additional_document: { ...person.verification?.additional_document, ...given.additional_document },
    };
  }
  return merged;
}

function mergeCompany(company: CompanyData, submitted: Submitted): CompanyData {
  const { tax_id, address, verification, ...plain } = submitted;
  const merged: CompanyData = { ...company, ...plain };
  if (tax_id !== undefined) merged.tax_id_provided = true;
  if (address !== undefined) merged.address = { ...company.address, ...(address as object) };
  if (verification !== undefined) merged.verification = verification;
  return merged;
}

/** What the route groups share: the account, ids, the field context and the checks. */
interface MockWorld {
  state: MockAccountState;
  nextId: (prefix: string) => string;
  context: () => FieldContext;
  checks: MockChecks;
}

/** Checks of submitted values, settled on a later request by the documented test values. */
interface MockChecks {
  /** Marks each checked field of `submitted` pending and schedules its outcome. */
  start: (states: Record<string, VerificationState>, prefix: string, submitted: Submitted) => void;
  /** Applies the outcomes whose time has come. */
  settle: () => void;
}

function mockChecks(state: MockAccountState, options: MockAccountApiOptions): MockChecks {
  const scheduled: { settleAtMs: number; apply: () => void }[] = [];
  const schedule = (states: Record<string, VerificationState>, name: string, outcome: VerificationState) => {
    if (options.verifyAfterMs === undefined) return;
    scheduled.push({
      settleAtMs: Date.now() + options.verifyAfterMs,
      apply: () => {
        if (states[name]?.status === 'pending') states[name] = outcome;
      },
    });
  };
  // Checks pending in the starting state settle like submitted ones.
  const holders = [
    { states: state.verification, prefix: '' },
    ...state.persons.map((person) => ({ states: person.verification, prefix: `${person.id}.` })),
  ];
  for (const { states, prefix } of holders) {
    for (const [name, current] of Object.entries(states)) {
      if (current.status === 'pending') {
        schedule(states, name, options.outcomes?.[`${prefix}${name}`] ?? { status: 'verified' });
      }
    }
  }
  return {
    start: (states, prefix, submitted) => {
      for (const [field, value] of checkedFields(submitted)) {
        states[`${prefix}${field}`] = { status: 'pending' };
        schedule(states, `${prefix}${field}`, verificationOutcome(field, field.startsWith('dob.') ? undefined : value));
      }
    },
    settle: () => {
      const now = Date.now();
      for (const item of scheduled.filter((entry) => entry.settleAtMs <= now)) {
        item.apply();
        scheduled.splice(scheduled.indexOf(item), 1);
      }
    },
  };
}

function addBank(world: MockWorld, bank: BankAccountParams, makeDefault: boolean) {
  const { state } = world;
  const sameCurrency = state.bankAccounts.filter((existing) => existing.currency === bank.currency);
  const isDefault = makeDefault || sameCurrency.length === 0;
  if (isDefault) for (const existing of sameCurrency) existing.default_for_currency = false;
  const added = mockBankAccount({
    id: world.nextId('ba'),
    account: state.id,
    country: bank.country,
    currency: bank.currency,
    account_holder_name: bank.account_holder_name ?? null,
    account_holder_type: bank.account_holder_type ?? null,
    routing_number: bank.routing_number,
    bank_name: bank.routing_number === '110000000' ? 'STRIPE TEST BANK' : null,
    last4: bank.account_number.slice(-4),
    default_for_currency: isDefault,
  });
  state.bankAccounts.push(added);
  return added;
}

/** `POST /account`: each hash merges into what is stored, and submitted values start checks. */
function updateAccount(world: MockWorld, body: FakeRequest['body']) {
  const { state, checks } = world;
  const params = parse(accountUpdateSchema(world.context()), body) as Submitted;
  if (params['business_type'] !== undefined)
    state.businessType = params['business_type'] as MockAccountState['businessType'];
  if (params['email'] !== undefined) state.email = params['email'] as string;
  const profile = params['business_profile'] as Submitted | undefined;
  if (profile) {
    state.businessProfile = { ...state.businessProfile, ...profile };
    checks.start(state.verification, 'business_profile.', profile);
  }
  const individual = params['individual'] as Submitted | undefined;
  if (individual) {
    state.individual = mergePerson(state.individual ?? { id: world.nextId('person') }, individual);
    checks.start(state.verification, 'individual.', individual);
  }
  const company = params['company'] as Submitted | undefined;
  if (company) {
    state.company = mergeCompany(state.company ?? {}, company);
    checks.start(state.verification, 'company.', company);
  }
  if (params['external_account']) addBank(world, params['external_account'] as BankAccountParams, true);
  if (params['tos_acceptance']) {
    state.tosAcceptance = { date: state.nowSeconds, ip: '203.0.113.7', user_agent: 'Storybook' };
  }
  return accountObject(state);
}

function accountRoutes(world: MockWorld): FakeRoutes {
  return {
    'GET /account': () => {
      world.checks.settle();
      return accountObject(world.state);
    },
    'POST /account': ({ body }) => updateAccount(world, body),
  };
}

function personRoutes(world: MockWorld): FakeRoutes {
  const { state } = world;
  const find = (id: string | undefined): MockPerson => {
    const person = state.persons.find((candidate) => candidate.id === id);
    if (!person) throw missing('person', id);
    return person;
  };
  const write = (person: MockPerson, body: FakeRequest['body']) => {
    const params = parse(personParamsSchema(world.context()), body) as Submitted;
    const relationship = params['relationship'] as Partial<MockPerson['relationship']> | undefined;
    // One representative per account, as the BFF keeps it: naming another hands the role over.
    if (relationship?.representative === true) {
      for (const other of state.persons) if (other !== person) other.relationship.representative = false;
    }
    person.relationship = { ...person.relationship, ...relationship };
    person.data = mergePerson(person.data, params);
    world.checks.start(person.verification, '', params);
    return personObject(state, person);
  };
  const newPerson = (): MockPerson => ({
    id: world.nextId('person'),
    created: state.nowSeconds,
    relationship: {
      representative: false,
      owner: false,
      director: false,
      executive: false,
      title: null,
      percent_ownership: null,
    },
    data: {},
    verification: {},
  });
  return {
    'GET /persons': () => {
      world.checks.settle();
      return buildList(
        state.persons.map((person) => personObject(state, person)),
        '/v1/persons',
      );
    },
    'POST /persons': ({ body }) => {
      const person = newPerson();
      const created = write(person, body);
      state.persons.push(person);
      return created;
    },
    'GET /persons/:id': ({ params }) => personObject(state, find(params['id'])),
    'POST /persons/:id': ({ params, body }) => write(find(params['id']), body),
    'DELETE /persons/:id': ({ params }) => {
      const person = find(params['id']);
      state.persons.splice(state.persons.indexOf(person), 1);
      return { id: person.id, object: 'person', deleted: true };
    },
  };
}

function bankRoutes(world: MockWorld): FakeRoutes {
  const { state } = world;
  const find = (id: string | undefined) => {
    const bank = state.bankAccounts.find((candidate) => candidate.id === id);
    if (!bank) throw missing('external account', id);
    return bank;
  };
  return {
    'POST /external_accounts': ({ body }) => {
      const schema = z.strictObject({
        external_account: bankAccountParamsSchema(world.context()),
        default_for_currency: z.optional(boolParam()),
      });
      const params = parse(schema, body);
      return addBank(world, params.external_account, params.default_for_currency ?? false);
    },
    'POST /external_accounts/:id': ({ params, body }) => {
      const bank = find(params['id']);
      const update = parse(z.strictObject({ default_for_currency: z.optional(boolParam()) }), body);
      if (update.default_for_currency === true) {
        for (const other of state.bankAccounts)
          if (other.currency === bank.currency) other.default_for_currency = false;
        bank.default_for_currency = true;
      }
      return bank;
    },
    'DELETE /external_accounts/:id': ({ params }) => {
      const bank = find(params['id']);
      const others = state.bankAccounts.filter((other) => other !== bank && other.currency === bank.currency);
      // As the BFF: the default one goes only when it is the last of a currency that is not the account's own.
      if (
        bank.default_for_currency &&
        (others.length > 0 || bank.currency === countrySpec(state.country).defaultCurrency)
      ) {
        throw invalid(
          'You cannot delete the default bank account for this currency. Make another one the default first.',
          undefined,
          'external_account_default',
        );
      }
      state.bankAccounts.splice(state.bankAccounts.indexOf(bank), 1);
      return { id: bank.id, object: 'bank_account', deleted: true };
    },
  };
}

function fileRoutes(world: MockWorld): FakeRoutes {
  return {
    'POST /files': ({ body, query }) => {
      const file = body instanceof FormData ? body.get('file') : null;
      if (!(file instanceof Blob)) throw invalid('The file is empty.', 'file', 'file_empty');
      const purpose = typeof query['purpose'] === 'string' ? query['purpose'] : 'identity_document';
      const filename = typeof query['filename'] === 'string' ? query['filename'] : '';
      return mockFileObject(purpose, filename, file.size, world.nextId);
    },
  };
}

/**
 * The component API's account routes over one account in memory: reads, partial updates with the
 * BFF's own field schemas (so refusals carry the same `param`), persons, bank accounts, uploads
 * (through a client without its own upload, as `FormData`), and checks of submitted values that
 * settle after `verifyAfterMs` by the documented test values.
 */
export function mockAccountApi(state: MockAccountState, options: MockAccountApiOptions = {}): MockAccountApi {
  enableEnglishSchemaMessages();
  let sequence = 0;
  const world: MockWorld = {
    state,
    nextId: (prefix) => `${prefix}_1Mock${String((sequence += 1)).padStart(12, '0')}`,
    context: () => ({ country: state.country, nowSeconds: Math.floor(Date.now() / 1000) }),
    checks: mockChecks(state, options),
  };
  return {
    state,
    routes: { ...accountRoutes(world), ...personRoutes(world), ...bankRoutes(world), ...fileRoutes(world) },
  };
}

/**
 * The File object for an upload. A file whose name contains "failure" gets the failing test id,
 * so a story can upload a document that fails its check.
 */
export function mockFileObject(purpose: string, filename: string, size: number, nextId: (prefix: string) => string) {
  return {
    id: filename.includes('failure') ? FAILING_DOCUMENT : nextId('file'),
    object: 'file',
    created: 1_749_988_800,
    expires_at: null,
    filename: filename || null,
    purpose,
    size,
    title: null,
    type: filename.toLowerCase().endsWith('.pdf') ? 'pdf' : 'png',
    url: null,
  };
}
