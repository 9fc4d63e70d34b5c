/** At most `size` callers inside at once; the others wait in arrival order. */
export function concurrencyLimit(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async enter(): Promise<void> {
      if (active < size) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
    },
    /** Hands the place to the longest waiter, if any. */
    leave(): void {
      const next = waiting.shift();
      if (next) next();
      else active--;
    },
  };
}
