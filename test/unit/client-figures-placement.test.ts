/**
 * Where the figures panel opens (client/src/figures/placement.ts): never a new group beside
 * the note, which would squeeze both into strips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresPlacement } from '../../client/src/figures/placement';

const g = (viewColumn: number, tabs: number, isActive = false) => ({ viewColumn, tabs, isActive });

test('an empty window or an empty active group: the panel fills the active group', () => {
  assert.deepEqual(figuresPlacement([]), { kind: 'active' });
  assert.deepEqual(figuresPlacement([g(1, 0, true)]), { kind: 'active' });
  assert.deepEqual(figuresPlacement([g(1, 3), g(2, 0, true)]), { kind: 'active' });
});

test('one group holding the note: a new group below it', () => {
  assert.deepEqual(figuresPlacement([g(1, 1, true)]), { kind: 'below' });
  assert.deepEqual(figuresPlacement([g(1, 5, true)]), { kind: 'below' });
});

test('other groups exist: a tab in the nearest one, after the active group if any, else before', () => {
  assert.deepEqual(figuresPlacement([g(1, 1, true), g(2, 1)]), { kind: 'column', viewColumn: 2 });
  assert.deepEqual(figuresPlacement([g(1, 1), g(2, 1, true)]), { kind: 'column', viewColumn: 1 });
  assert.deepEqual(figuresPlacement([g(1, 1), g(2, 2, true), g(3, 1), g(4, 1)]), { kind: 'column', viewColumn: 3 });
  assert.deepEqual(figuresPlacement([g(1, 1), g(2, 1), g(3, 2, true)]), { kind: 'column', viewColumn: 2 });
});
