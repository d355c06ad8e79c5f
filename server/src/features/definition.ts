/** Placeholder until the feature is written. */
import type { Feature } from './context';

export const feature: Feature = { name: 'definition', register() {} };
