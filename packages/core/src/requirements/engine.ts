import { countrySpec } from './countries';
import type { CountryCode } from './countries';
import { BUSINESS_TYPES, CAPABILITIES } from './country-spec';
import type { BusinessRules, BusinessType, Capability, CountrySpec } from './country-spec';
import { facts, standing } from './facts';
import type { Facts, PersonInput } from './facts';
import type {
  CapabilityStatus,
  CapabilityStatuses,
  DisabledReason,
  RejectReason,
  RequirementAlternative,
  RequirementError,
  Requirements,
  RequirementsOutcome,
  VerificationState,
} from './schema';

export type { PersonInput } from './facts';

/** What the engine needs to know about an account. Times are Unix seconds. */
export interface RequirementsInput {
  country: CountryCode;
  /** Null until the account says what it is; then only what every business type needs is due. */
  businessType: BusinessType | null;
  /** The requested capabilities. */
  capabilities: readonly Capability[];
  /** Account-level requirement names already provided (see `providedRequirements`). */
  provided: Iterable<string>;
  /** Verification states of account-level requirements, by name. */
  verification?: Readonly<Record<string, VerificationState>>;
  /** The company's persons (ignored for individual accounts). */
  persons?: readonly PersonInput[];
  /** Set when the platform or Atrium rejected the account. */
  rejectedReason?: RejectReason | null;
  /** Set when a person matched a sanctions list: the account is disabled for review. */
  listed?: boolean;
  createdSeconds: number;
  nowSeconds: number;
}

const SECONDS_PER_DAY = 86_400;

/** One requirement the account must meet, for some capabilities, by some time. */
interface Obligation {
  name: string;
  capabilities: Set<Capability>;
  /** When it becomes currently due, unless `forced`. */
  dueSeconds: number;
  /** When, still due, it becomes past due. */
  deadlineSeconds: number;
  /** Part of what onboarding asks for at once (for `details_submitted`). */
  initial: boolean;
  /** Currently due now whatever `dueSeconds` says: a failed check asks for it again. */
  forced: boolean;
}

/**
 * The requirements engine: from an account's country, business type, capabilities, provided
 * fields, persons and verification states to Stripe's `requirements`, `future_requirements`,
 * capability statuses and `charges_enabled` / `payouts_enabled` / `details_submitted`. Pure: the
 * same input gives the same answer. `spec` defaults to the country's data file.
 */
export function computeRequirements(
  input: RequirementsInput,
  spec: CountrySpec = countrySpec(input.country),
): RequirementsOutcome {
  assertInput(input);
  const known = facts(input);
  const effective = spec.futureRequirements.filter((future) => dateSeconds(future.effectiveAt) <= input.nowSeconds);
  const current = evaluate(input, spec, known, effective);
  const upcoming = spec.futureRequirements.length > effective.length;
  const future = upcoming ? evaluate(input, spec, known, spec.futureRequirements) : null;
  const capabilities = capabilityStatuses(input, current);
  return {
    requirements: { ...current.requirements, disabled_reason: disabledReason(input, current, capabilities) },
    future_requirements: future ? { ...future.requirements, past_due: [], disabled_reason: null } : emptyRequirements(),
    capabilities,
    charges_enabled: capabilities.card_payments === 'active',
    payouts_enabled: payoutsEnabled(input, current, capabilities, known),
    details_submitted: input.capabilities.length > 0 && current.initialMissing === 0,
  };
}

/** Why a capability cannot be used, in the words of Stripe's Capability object. */
export type CapabilityDisabledReason = 'rejected.other' | 'pending.review' | 'requirements.fields_needed';

/** One capability as Stripe's Capability object shows it: its status and its share of the requirements. */
export interface CapabilityView {
  status: CapabilityStatus;
  requirements: Omit<Requirements, 'disabled_reason'> & { disabled_reason: CapabilityDisabledReason | null };
  future_requirements: Omit<Requirements, 'disabled_reason'> & { disabled_reason: null };
}

/**
 * One requested capability's status and the requirements that concern it (an account's lists
 * hold every capability's; `business_profile.mcc`, say, concerns only `card_payments`).
 */
export function capabilityView(
  input: RequirementsInput,
  capability: Capability,
  spec: CountrySpec = countrySpec(input.country),
): CapabilityView {
  assertInput(input);
  const known = facts(input);
  const effective = spec.futureRequirements.filter((future) => dateSeconds(future.effectiveAt) <= input.nowSeconds);
  const current = evaluate(input, spec, known, effective);
  const status = capabilityStatuses(input, current)[capability] ?? 'inactive';
  const share = (evaluation: Evaluation) => {
    const concerns = (name: string) => evaluation.obligations.get(name)?.capabilities.has(capability) === true;
    const { requirements } = evaluation;
    const currentlyDue = requirements.currently_due.filter(concerns);
    return {
      alternatives: requirements.alternatives
        .map((alternative) => ({
          ...alternative,
          original_fields_due: alternative.original_fields_due.filter(concerns),
        }))
        .filter((alternative) => alternative.original_fields_due.length > 0),
      current_deadline: currentDeadline(evaluation.obligations, new Set(currentlyDue), input.nowSeconds),
      currently_due: currentlyDue,
      errors: requirements.errors.filter((error) => concerns(error.requirement)),
      eventually_due: requirements.eventually_due.filter(concerns),
      past_due: requirements.past_due.filter(concerns),
      pending_verification: requirements.pending_verification.filter(concerns),
    };
  };
  let disabledReason: CapabilityDisabledReason | null = null;
  if (input.rejectedReason) disabledReason = 'rejected.other';
  else if (input.listed || status === 'pending') disabledReason = 'pending.review';
  else if (status === 'inactive') disabledReason = 'requirements.fields_needed';
  const upcoming = spec.futureRequirements.length > effective.length;
  const future = upcoming
    ? { ...share(evaluate(input, spec, known, spec.futureRequirements)), past_due: [] }
    : { ...emptyRequirements() };
  return {
    status,
    requirements: { ...share(current), disabled_reason: disabledReason },
    future_requirements: { ...future, disabled_reason: null },
  };
}

function assertInput(input: RequirementsInput): void {
  if (!Number.isSafeInteger(input.createdSeconds) || !Number.isSafeInteger(input.nowSeconds)) {
    throw new RangeError('createdSeconds and nowSeconds must be safe integers');
  }
  for (const capability of input.capabilities) {
    if (!CAPABILITIES.includes(capability)) throw new RangeError(`unknown capability ${capability}`);
  }
  const ids = new Set<string>();
  for (const person of input.persons ?? []) {
    if (!/^person_[A-Za-z0-9]+$/.test(person.id) || ids.has(person.id)) {
      throw new RangeError(`person ids must be unique person_... ids, got ${person.id}`);
    }
    ids.add(person.id);
  }
}

/** The empty requirements hash: nothing due, nothing pending. */
export function emptyRequirements(): Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
}

function dateSeconds(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 1000;
}

interface Evaluation {
  requirements: Requirements;
  obligations: Map<string, Obligation>;
  pastDue: Set<string>;
  pendingNow: Set<string>;
  initialMissing: number;
}

function evaluate(
  input: RequirementsInput,
  spec: CountrySpec,
  known: Facts,
  futures: CountrySpec['futureRequirements'],
) {
  const obligations = collectObligations(input, spec, known, futures);
  addFollowUps(obligations, known);
  return classify(obligations, known, spec, input.nowSeconds);
}

/** The rules of one business type, or, before one is chosen, what all of them share plus `business_type`. */
function businessRules(spec: CountrySpec['requirements'], businessType: BusinessType | null): BusinessRules {
  if (businessType) return spec[businessType];
  const shared = (capability: Capability, list: 'currently_due' | 'eventually_due') =>
    spec.individual[capability][list].filter((name) =>
      BUSINESS_TYPES.every((type) => spec[type][capability][list].includes(name)),
    );
  const rules = (capability: Capability) => ({
    currently_due: ['business_type', ...shared(capability, 'currently_due')],
    eventually_due: shared(capability, 'eventually_due'),
  });
  return { card_payments: rules('card_payments'), transfers: rules('transfers') };
}

function collectObligations(
  input: RequirementsInput,
  spec: CountrySpec,
  known: Facts,
  futures: CountrySpec['futureRequirements'],
): Map<string, Obligation> {
  const obligations = new Map<string, Obligation>();
  const created = input.createdSeconds;
  // What is due later counts from when its holder arrived: the account, or a person added since.
  const personCreated = new Map((input.persons ?? []).map((person) => [person.id, person.createdSeconds]));
  const laterFor = (name: string) => {
    const since = Math.max(created, personCreated.get(name.split('.')[0] ?? '') ?? created);
    return {
      due: since + spec.eventuallyDue.currentlyDueAfterDays * SECONDS_PER_DAY,
      deadline: since + spec.eventuallyDue.pastDueAfterDays * SECONDS_PER_DAY,
    };
  };
  const base = businessRules(spec.requirements, input.businessType);
  for (const capability of input.capabilities) {
    const add = (
      names: readonly string[],
      timing: (name: string) => Omit<Obligation, 'name' | 'capabilities' | 'forced'>,
    ) => {
      for (const name of names.flatMap((entry) => known.expand(entry))) {
        merge(obligations, { name, capabilities: new Set([capability]), forced: false, ...timing(name) });
      }
    };
    add(base[capability].currently_due, () => ({ dueSeconds: created, deadlineSeconds: created, initial: true }));
    add(base[capability].eventually_due, (name) => {
      const later = laterFor(name);
      return { dueSeconds: later.due, deadlineSeconds: later.deadline, initial: false };
    });
    for (const future of futures) {
      const rules = input.businessType ? future.requirements[input.businessType][capability] : undefined;
      const effective = dateSeconds(future.effectiveAt);
      add(rules?.currently_due ?? [], () => ({ dueSeconds: created, deadlineSeconds: effective, initial: false }));
      add(rules?.eventually_due ?? [], (name) => {
        const later = laterFor(name);
        return {
          dueSeconds: Math.max(later.due, effective),
          deadlineSeconds: Math.max(later.deadline, effective),
          initial: false,
        };
      });
    }
  }
  return obligations;
}

// When one requirement comes from several rules, the earliest timing wins.
function merge(obligations: Map<string, Obligation>, next: Obligation): void {
  const existing = obligations.get(next.name);
  if (!existing) {
    obligations.set(next.name, next);
    return;
  }
  for (const capability of next.capabilities) existing.capabilities.add(capability);
  existing.dueSeconds = Math.min(existing.dueSeconds, next.dueSeconds);
  existing.deadlineSeconds = Math.min(existing.deadlineSeconds, next.deadlineSeconds);
  existing.initial ||= next.initial;
  existing.forced ||= next.forced;
}

/**
 * What a failed check asks for next, by Stripe's codes: a failed identity check asks for an
 * identity document, a failed address check for a proof of address, a failed tax id check for a
 * company document. The follow-up belongs to the same holder (`individual`, `company`, `person_...`).
 */
const FOLLOW_UPS: Partial<Record<string, string>> = {
  verification_failed_keyed_identity: 'verification.document',
  verification_failed_keyed_match: 'verification.document',
  verification_failed_id_number_match: 'verification.document',
  verification_failed_name_match: 'verification.document',
  verification_failed_address_match: 'verification.additional_document',
  verification_failed_residential_address: 'verification.additional_document',
  verification_failed_tax_id_match: 'verification.document',
  verification_failed_tax_id_not_issued: 'verification.document',
};

/** The follow-up requirement for a failed requirement, if its failure has one. */
export function followUpRequirement(name: string, code: string): string | null {
  const field = FOLLOW_UPS[code];
  const holder = name.split('.')[0];
  if (!field || !holder || name === `${holder}.${field}`) return null;
  return `${holder}.${field}`;
}

function addFollowUps(obligations: Map<string, Obligation>, known: Facts): void {
  for (const obligation of [...obligations.values()]) {
    const state = standing(known, obligation.name);
    if (state.kind !== 'failed') continue;
    const followUp = followUpRequirement(obligation.name, state.code);
    // A follow-up is asked for after onboarding was submitted, so it does not undo `details_submitted`.
    if (followUp) {
      merge(obligations, {
        ...obligation,
        name: followUp,
        capabilities: new Set(obligation.capabilities),
        initial: false,
        forced: true,
      });
    }
  }
}

function resolvedByFollowUp(known: Facts, name: string, code: string): boolean {
  const followUp = followUpRequirement(name, code);
  if (!followUp) return false;
  const kind = standing(known, followUp).kind;
  return kind === 'pending' || kind === 'satisfied';
}

function classify(obligations: Map<string, Obligation>, known: Facts, spec: CountrySpec, now: number): Evaluation {
  const due = new Set<string>();
  const eventually = new Set<string>();
  const pastDue = new Set<string>();
  const pending = new Set<string>();
  const pendingNow = new Set<string>();
  const errors: RequirementError[] = [];
  let initialMissing = 0;
  const satisfiedByAlternative = alternativeSatisfied(spec, known);
  for (const obligation of obligations.values()) {
    const state = standing(known, obligation.name);
    const active = obligation.forced || obligation.dueSeconds <= now;
    if (state.kind === 'missing' && obligation.initial && !satisfiedByAlternative.has(obligation.name))
      initialMissing += 1;
    if (state.kind === 'satisfied' || satisfiedByAlternative.has(obligation.name)) continue;
    if (state.kind === 'pending') {
      pending.add(obligation.name);
      if (active && !state.recheck) pendingNow.add(obligation.name);
      continue;
    }
    if (state.kind === 'failed') {
      if (resolvedByFollowUp(known, obligation.name, state.code)) continue;
      errors.push({ requirement: obligation.name, code: state.code, reason: state.reason });
    }
    eventually.add(obligation.name);
    if (state.kind === 'failed' || active) due.add(obligation.name);
    if (due.has(obligation.name) && obligation.deadlineSeconds <= now) pastDue.add(obligation.name);
  }
  const requirements: Requirements = {
    alternatives: alternatives(spec, due),
    current_deadline: currentDeadline(obligations, due, now),
    currently_due: sorted(due),
    disabled_reason: null,
    errors: errors.sort((a, b) => a.requirement.localeCompare(b.requirement) || a.code.localeCompare(b.code)),
    eventually_due: sorted(eventually),
    past_due: sorted(pastDue),
    pending_verification: sorted(pending),
  };
  return { requirements, obligations, pastDue, pendingNow, initialMissing };
}

function sorted(names: Set<string>): string[] {
  return [...names].sort();
}

function alternativeSatisfied(spec: CountrySpec, known: Facts): Set<string> {
  const satisfied = new Set<string>();
  for (const alternative of spec.alternatives) {
    const met = alternative.alternative_fields_due.every((name) => {
      const kind = standing(known, name).kind;
      return kind === 'satisfied' || kind === 'pending';
    });
    if (met) for (const name of alternative.original_fields_due) satisfied.add(name);
  }
  return satisfied;
}

function alternatives(spec: CountrySpec, due: Set<string>): RequirementAlternative[] {
  return spec.alternatives
    .map((alternative) => ({
      alternative_fields_due: [...alternative.alternative_fields_due],
      original_fields_due: alternative.original_fields_due.filter((name) => due.has(name)),
    }))
    .filter((alternative) => alternative.original_fields_due.length > 0);
}

function currentDeadline(obligations: Map<string, Obligation>, due: Set<string>, now: number): number | null {
  let deadline: number | null = null;
  for (const name of due) {
    const candidate = obligations.get(name)?.deadlineSeconds;
    if (candidate !== undefined && candidate > now && (deadline === null || candidate < deadline)) deadline = candidate;
  }
  return deadline;
}

function accountDisabled(input: RequirementsInput): boolean {
  return Boolean(input.rejectedReason) || input.listed === true;
}

function capabilityStatuses(input: RequirementsInput, evaluation: Evaluation): CapabilityStatuses {
  const statuses: CapabilityStatuses = {};
  for (const capability of input.capabilities) {
    const concerns = (names: Set<string>) =>
      [...names].some((name) => evaluation.obligations.get(name)?.capabilities.has(capability));
    let status: CapabilityStatus = 'active';
    if (accountDisabled(input) || concerns(evaluation.pastDue)) status = 'inactive';
    else if (concerns(evaluation.pendingNow)) status = 'pending';
    statuses[capability] = status;
  }
  return statuses;
}

function disabledReason(
  input: RequirementsInput,
  evaluation: Evaluation,
  capabilities: CapabilityStatuses,
): DisabledReason | null {
  if (input.rejectedReason) return `rejected.${input.rejectedReason}`;
  if (input.listed) return 'listed';
  if (input.capabilities.length === 0) return 'action_required.requested_capabilities';
  if (evaluation.pastDue.size > 0) return 'requirements.past_due';
  if (Object.values(capabilities).includes('pending')) return 'requirements.pending_verification';
  return null;
}

function payoutsEnabled(
  input: RequirementsInput,
  evaluation: Evaluation,
  capabilities: CapabilityStatuses,
  known: Facts,
): boolean {
  if (accountDisabled(input) || evaluation.pastDue.size > 0) return false;
  const bank = standing(known, 'external_account').kind;
  return (bank === 'satisfied' || bank === 'pending') && Object.values(capabilities).includes('active');
}
