/**
 * Imported (for its effect) by every test file that runs dist/cli.js: points the CLI's
 * downloaded-rates store (`digest-lens rates update`, read by every scan) at an empty
 * folder of this test process, so that a store in the developer's home never changes what a
 * scan reports. Child processes inherit process.env.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.DIGEST_LENS_RATES_STORE = mkdtempSync(join(tmpdir(), 'digest-lens-no-rates-'));
