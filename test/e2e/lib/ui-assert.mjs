// The assertion UI tests make. The runner counts them per test: a test that
// asserts nothing (it returned early, or its loop ran over nothing) fails,
// so no test can pass on a theme or build without checking what it names.
let made = 0;

/** Throws `message` unless `condition` holds; counts as one assertion either way. */
export function assert(condition, message) {
  made += 1;
  if (!condition) throw new Error(message);
}

/** Starts counting for a new test. */
export function resetAssertions() {
  made = 0;
}

export function assertionsMade() {
  return made;
}
