/**
 * Which fields of a group a form shows and which it marks optional, by name relative to the
 * group (`first_name`, `dob`, `address.line1`). Forms show what the country asks of the holder and
 * what was already given, so a field does not vanish once it is saved.
 */
export interface FieldRules {
  visible: (field: string) => boolean;
  optional: (field: string) => boolean;
}

/**
 * Rules that show the fields asked for (`asked`) and those already given (`given`), and mark
 * optional what the country never asks for (`countryAsks`, the asked fields by default).
 */
export function fieldRules(
  asked: ReadonlySet<string>,
  given: ReadonlySet<string> = new Set(),
  countryAsks: ReadonlySet<string> = asked,
): FieldRules {
  const matches = (set: ReadonlySet<string>, field: string) =>
    set.has(field) || [...set].some((name) => name.startsWith(`${field}.`));
  return {
    visible: (field) => matches(asked, field) || matches(given, field),
    optional: (field) => !matches(countryAsks, field),
  };
}

/** Rules that show every field of the group, none optional but those named. */
export function allFields(optional: readonly string[] = []): FieldRules {
  return { visible: () => true, optional: (field) => optional.includes(field) };
}

/** The rules of a nested group (`address` inside a person). */
export function nestedRules(rules: FieldRules, name: string): FieldRules {
  return {
    visible: (field) => rules.visible(`${name}.${field}`),
    optional: (field) => rules.optional(`${name}.${field}`),
  };
}
