// Which sources of one batch resolve to which leader id. The first by path keeps the id; when several
// do, the writer names all of them in one duplicate-id error, so a template line taken for the name of
// every page reads as one cause, not as hundreds of ordinary duplicates.

/** How many paths a duplicate-id message names before "and N more". */
const shown = 5;

export class BatchIds {
  readonly #first = new Map<string, string>();
  readonly #others = new Map<string, string[]>();

  /** True when `path` is the first (by path order of the calls) to claim `id` in this batch. */
  claim(id: string, path: string): boolean {
    const first = this.#first.get(id);
    if (first === undefined) {
      this.#first.set(id, path);
      return true;
    }
    if (first === path) return true;
    const others = this.#others.get(id);
    if (others === undefined) this.#others.set(id, [path]);
    else others.push(path);
    return false;
  }

  /** Every source of this batch that resolved to `id`, first by path first. */
  sources(id: string): string[] {
    const first = this.#first.get(id);
    return first === undefined ? [] : [first, ...(this.#others.get(id) ?? [])];
  }

  /** "N sources of this batch resolve to id "x": a, b, c (and N more); the first by path, a, is kept." */
  describe(id: string): string | null {
    const all = this.sources(id);
    if (all.length < 2) return null;
    const listed = all.slice(0, shown).join(', ') + (all.length > shown ? ` and ${all.length - shown} more` : '');
    return `${all.length} sources of this batch resolve to leader id "${id}": ${listed}; only the first by path, ${all[0]}, is kept.`;
  }
}
