/**
 * The entities of a gazetteer, behind one small interface: what the gazetteer's methods ask of
 * them (an entity by index, by id, by ticker; its kind and tier). A gazetteer built from a
 * list keeps that list (ListEntityTable); one read from an image decodes an entity only when
 * it is asked for (data/gazetteerImage.ts), so a start-up reads no entity it does not use.
 */
import type { Entity, EntityKind } from './types';

export interface EntityTable {
  /** How many entities there are. */
  readonly size: number;
  /** The entity at an index. */
  at(index: number): Entity;
  /** Its kind, without building the entity. */
  kindAt(index: number): EntityKind;
  /** The index of an id, or -1. */
  indexOf(id: string): number;
  /** The index of the entity listed under a canonical ticker key, or -1. */
  ticker(key: string): number;
  /** 0 for a curated entity, 1 for a listed.csv-only one. */
  tier(index: number): number;
  /** Every entity, in index order (a new array). */
  all(): Entity[];
  /** The ticker keys and their indexes, in the order they were set (what an image stores). */
  tickerEntries(): [string, number][];
}

/** The entities as a list, with maps made while the gazetteer was built. */
export class ListEntityTable implements EntityTable {
  constructor(
    private readonly entities: Entity[],
    private readonly byId: Map<string, number>,
    private readonly tickers: Map<string, number>,
    private readonly tiers?: Uint8Array,
  ) {}

  get size(): number {
    return this.entities.length;
  }

  at(index: number): Entity {
    return this.entities[index];
  }

  kindAt(index: number): EntityKind {
    return this.entities[index].kind;
  }

  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  ticker(key: string): number {
    return this.tickers.get(key) ?? -1;
  }

  tier(index: number): number {
    return this.tiers?.[index] ?? 0;
  }

  all(): Entity[] {
    return this.entities.slice();
  }

  tickerEntries(): [string, number][] {
    return [...this.tickers];
  }
}
