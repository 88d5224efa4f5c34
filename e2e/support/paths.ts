import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory the tests are started from. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
