// An attribution line starts with a dash: `— context`, `– context`, `-- context`, `- context`.

const leadingDash = /^\s*(?:—|–|―|-)/;

export function startsWithDash(text: string): boolean {
  return leadingDash.test(text);
}
