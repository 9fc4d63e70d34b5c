/**
 * A Map that forgets its oldest entries past a size. A process's per-room caches must not grow with
 * every room it ever saw: rooms run by other processes end without this one hearing of it.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    // Setting again makes the entry the newest.
    super.delete(key);
    super.set(key, value);
    if (this.size > this.limit) super.delete(this.keys().next().value as K);
    return this;
  }
}
