/** Completion source: entities (issue 17). Not written yet: offers nothing. */
import type { CompletionSource } from './source';

export const complete: CompletionSource = () => [];
