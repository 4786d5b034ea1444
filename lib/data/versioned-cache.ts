/**
 * A small in-process cache for values derived from the database under a version token: a value is
 * reused while the token read at request time is unchanged, and recomputed (once, however many requests
 * ask at the same moment) after any change. Least recently used entries beyond `capacity` are dropped.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly capacity: number) {}

  get(key: string, version: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    // A failed load is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
