/**
 * @module LayeredMap
 * An immutable map as a short chain of overlays on a shared base: `with` makes the map
 * with a few keys changed in time and memory proportional to those keys, not to the map,
 * so a register's indexes and histories can move on change by change. Lookups read the
 * overlays newest first; a chain longer than {@link maxDepth} is flattened into one map
 * (once every {@link maxDepth} changes, so a lookup never reads more than that many maps).
 */

const gone: unique symbol = Symbol("gone");
type Slot<V> = V | typeof gone;

/** The most overlays a lookup reads before the chain is flattened. */
const maxDepth = 12;

/**
 * A read-only map made of overlays (see the module comment).
 *
 * @example
 * ```ts
 * import { LayeredMap } from "@care-atlas/domain";
 * const base = LayeredMap.of(new Map([["a", 1], ["b", 2]]));
 * const next = base.with(new Map([["b", undefined], ["c", 3]]));
 * [...next.keys()].sort(); // ["a", "c"]
 * base.get("b"); // 2
 * ```
 */
export class LayeredMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly own: ReadonlyMap<string, Slot<V>>,
    private readonly parent: LayeredMap<V> | undefined,
    private readonly depth: number,
    /** The number of keys, kept as overlays are added (counting would read every layer). */
    readonly size: number,
  ) {}

  /** The map of `map`'s entries (`map` is shared, not copied: it must not change). */
  static of<V>(map: ReadonlyMap<string, V>): LayeredMap<V> {
    return new LayeredMap<V>(map, undefined, 0, map.size);
  }

  get(key: string): V | undefined {
    for (let layer: LayeredMap<V> | undefined = this; layer !== undefined; layer = layer.parent) {
      const slot = layer.own.get(key);
      if (slot !== undefined) return slot === gone ? undefined : slot;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The map with `updates` applied (`undefined` removes a key). */
  with(updates: ReadonlyMap<string, V | undefined>): LayeredMap<V> {
    if (updates.size === 0) return this;
    const own = new Map<string, Slot<V>>();
    let size = this.size;
    for (const [key, value] of updates) {
      const had = this.has(key);
      if (value === undefined) {
        if (had) size--;
        own.set(key, gone);
      } else {
        if (!had) size++;
        own.set(key, value);
      }
    }
    const next = new LayeredMap<V>(own, this, this.depth + 1, size);
    return next.depth > maxDepth ? LayeredMap.of(next.flattened()) : next;
  }

  /** The entries as one map: the base copied, then each overlay applied, oldest first. */
  private flattened(): Map<string, V> {
    const layers: LayeredMap<V>[] = [];
    for (let layer: LayeredMap<V> | undefined = this; layer !== undefined; layer = layer.parent) {
      layers.push(layer);
    }
    const out = new Map<string, V>();
    for (let i = layers.length - 1; i >= 0; i--) {
      (layers[i] as LayeredMap<V>).own.forEach((slot, key) => {
        if (slot === gone) out.delete(key);
        else out.set(key, slot);
      });
    }
    return out;
  }

  *entries(): MapIterator<[string, V]> {
    if (this.parent === undefined) {
      for (const [key, slot] of this.own) if (slot !== gone) yield [key, slot];
      return;
    }
    const seen = new Set<string>();
    for (let layer: LayeredMap<V> | undefined = this; layer !== undefined; layer = layer.parent) {
      for (const [key, slot] of layer.own) {
        if (seen.has(key)) continue;
        seen.add(key);
        if (slot !== gone) yield [key, slot];
      }
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
