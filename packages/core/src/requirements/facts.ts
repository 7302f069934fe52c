import type { RequirementErrorCode, VerificationState } from './schema';

/** A company's person as the engine sees it. */
export interface PersonInput {
  /** The person's id (`person_...`); its requirements are named `<id>.<field>`. */
  id: string;
  relationship: { representative?: boolean; owner?: boolean; director?: boolean; executive?: boolean };
  /** The person's provided fields, relative to the person (see `providedPersonFields`). */
  provided: Iterable<string>;
  /** Verification states of the person's fields, by relative name (`id_number`, `verification.document`). */
  verification?: Readonly<Record<string, VerificationState>>;
  /**
   * When the person was added (Unix seconds). What is due of them later counts from then, not
   * from the account's creation, so a person added to an old account is not past due at once.
   */
  createdSeconds?: number;
}

/** Where one requirement stands for the account. */
export type Standing =
  | { kind: 'missing' }
  | { kind: 'satisfied' }
  | { kind: 'pending'; recheck: boolean }
  | { kind: 'failed'; code: RequirementErrorCode; reason: string };

/** What the engine knows, with persons' fields under their full names (`person_123.first_name`). */
export interface Facts {
  provided: Set<string>;
  verification: Map<string, VerificationState>;
  /** The names a rule's name stands for: persons' names for role names, itself otherwise. */
  expand: (name: string) => string[];
}

const ROLE_PREFIXES = {
  representative: 'representative',
  owners: 'owner',
  directors: 'director',
  executives: 'executive',
} as const;

// A company states that it has added all its owners (directors, executives); with none added,
// the role's fields are then not due.
const ATTESTATIONS: Partial<Record<keyof typeof ROLE_PREFIXES, string>> = {
  owners: 'company.owners_provided',
  directors: 'company.directors_provided',
  executives: 'company.executives_provided',
};

function isRolePrefix(root: string): root is keyof typeof ROLE_PREFIXES {
  return Object.hasOwn(ROLE_PREFIXES, root);
}

/** Gathers the input's provided names and verification states under full requirement names. */
export function facts(input: {
  provided: Iterable<string>;
  verification?: Readonly<Record<string, VerificationState>>;
  persons?: readonly PersonInput[];
  businessType: string | null;
}): Facts {
  const persons = input.businessType === 'individual' ? [] : (input.persons ?? []);
  const provided = new Set(input.provided);
  const verification = new Map(Object.entries(input.verification ?? {}));
  for (const person of persons) {
    for (const field of person.provided) provided.add(`${person.id}.${field}`);
    for (const [field, state] of Object.entries(person.verification ?? {})) {
      verification.set(`${person.id}.${field}`, state);
    }
    for (const [role, holds] of Object.entries(person.relationship)) if (holds) provided.add(`relationship.${role}`);
  }
  const expand = (name: string): string[] => {
    const [root = '', ...rest] = name.split('.');
    if (!isRolePrefix(root)) return [name];
    const holders = persons.filter((person) => person.relationship[ROLE_PREFIXES[root]] === true);
    if (holders.length > 0) return holders.map((person) => `${person.id}.${rest.join('.')}`);
    const attestation = ATTESTATIONS[root];
    return attestation && provided.has(attestation) ? [] : [name];
  };
  return { provided, verification, expand };
}

/** Where the requirement `name` stands: missing, or provided and pending, failed or accepted. */
export function standing(known: Facts, name: string): Standing {
  if (!known.provided.has(name)) return { kind: 'missing' };
  const state = known.verification.get(name);
  if (state?.status === 'pending') return { kind: 'pending', recheck: state.recheck === true };
  if (state?.status === 'failed') return { kind: 'failed', code: state.code, reason: state.reason };
  return { kind: 'satisfied' };
}
