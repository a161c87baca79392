/**
 * The Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it is known to exceed
 * `limit`: two rows of memory (linear), and inputs longer than 200 characters are not compared.
 */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit || a.length > 200 || b.length > 200) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The candidates nearest to a mistyped value (edit distance at most `limit`, 3 by default, or a
 * candidate that starts with it), closest first, at most `count` [3].
 * @example nearest('ecr-image-sign', CATALOG.ids()) // ['ecr-image-signed']
 */
export function nearest(value: string, candidates: readonly string[], limit = 3, count = 3): string[] {
  const wanted = value.toLowerCase();
  return candidates
    .map((candidate) => {
      const distance = boundedDistance(wanted, candidate.toLowerCase(), limit);
      const prefix = wanted.length >= 4 && candidate.startsWith(wanted);
      return { candidate, distance: prefix ? Math.min(distance, limit) : distance };
    })
    .filter((entry) => entry.distance <= limit)
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}
