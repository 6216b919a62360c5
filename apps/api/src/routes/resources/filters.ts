/**
 * @module filters
 * Building a list filter from query parameters: a check per given parameter, all of which
 * must pass.
 */

/** All given checks (undefined = no check); undefined when none is given. */
export const allOf = <T>(
  ...checks: ReadonlyArray<((value: T) => boolean) | undefined>
): ((value: T) => boolean) | undefined => {
  const active = checks.filter((check): check is (value: T) => boolean => check !== undefined);
  if (active.length === 0) return undefined;
  return (value) => active.every((check) => check(value));
};

/** A check that uses a parameter's value, or undefined when the parameter is not given. */
export const whenGiven = <T, V>(
  value: V | undefined,
  check: (item: T, value: V) => boolean,
): ((item: T) => boolean) | undefined =>
  value === undefined ? undefined : (item) => check(item, value);
