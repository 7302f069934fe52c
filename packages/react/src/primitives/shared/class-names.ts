/** Joins class names, skipping empty ones: the component's own class always comes first. */
export function classNames(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
