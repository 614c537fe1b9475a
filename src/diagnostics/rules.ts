// The rule table: every diagnostic the pipeline can emit, with a stable kebab-case id.
// A new rule does not compile until it is described here; docs/rules.md is generated from it.

export type Severity = 'error' | 'warning';
export type RuleSetting = 'off' | 'warn' | 'error';

export interface RuleInfo {
  description: string;
  defaultSeverity: Severity;
  /** A short example of input that triggers the rule. */
  example: string;
  /** Set when the config cannot change this rule's severity, saying why (the config check refuses it). */
  fixed?: string;
  /**
   * Set when a page reported by this rule can still be written without the value it is about: what is
   * left out. Such a message always says so, and with the rule 'off' a value-dropped warning stands in.
   */
  drops?: string;
}

export const rules = {
  'empty-input': {
    description: 'The file is empty or holds only whitespace.',
    defaultSeverity: 'error',
    example: '(a zero-byte file, or one with only blank lines)',
  },
  'binary-input': {
    description: 'The file is not text (NUL bytes or control characters), so it is not read further.',
    defaultSeverity: 'error',
    example: '(a PNG image saved as page.html)',
  },
  'invalid-encoding': {
    description: 'The bytes are not valid UTF-8 (or declare an encoding that does not exist); bad sequences were replaced with U+FFFD.',
    defaultSeverity: 'warning',
    example: 'Bill Carr\\xff (a Latin-1 byte in a UTF-8 file that also holds UTF-8 characters)',
  },
  'encoding-guessed': {
    description:
      'The encoding was guessed: the page is not valid UTF-8 and declares nothing (read as windows-1252), or it declares a legacy encoding but its bytes are valid UTF-8 (read as UTF-8).',
    defaultSeverity: 'warning',
    example: 'Jos\\xe9 Mart\\xednez (Latin-1 bytes, no <meta charset>)',
  },
  'replacement-character': {
    description: 'A field of the record holds U+FFFD, a character the decoder could not read; the page is rejected rather than publish a damaged value.',
    defaultSeverity: 'error',
    example: 'Jos\\xe9 in a page that also holds UTF-8 characters, so it cannot be read as one encoding',
    fixed: 'a record with a damaged field is never written',
  },
  'file-too-large': {
    description: 'The file is larger than the configured limit (maxFileBytes) and was not read.',
    defaultSeverity: 'error',
    example: '(a 6 MB file with the default 5 MB limit)',
  },
  'read-error': {
    description: 'The file could not be read from disk.',
    defaultSeverity: 'error',
    example: '(a path that does not exist, or a folder)',
  },
  'not-a-profile': {
    description: 'The document has no leader-profile sections at all (an index page, an article).',
    defaultSeverity: 'error',
    example: '# All Leaders\\n\\n- Bill Carr\\n- Annie Duke',
  },
  'missing-name': {
    description: 'No leader name was found before the first section.',
    defaultSeverity: 'error',
    example: '## Dimension Profile (with no title above it)',
  },
  'name-guessed': {
    description: 'The name was taken from a line that is not a title heading, and either lines above it (menus, breadcrumbs, banners) were read as page chrome or the page\'s prose never speaks of it.',
    defaultSeverity: 'warning',
    example: 'ArchetypesLeadersMethodology\\nHome › Leaders\\nBill Carr',
  },
  'case-restored': {
    description: 'The name or role was a heading a converter wrote in capitals (html-to-text uppercases headings). Its case was restored from where the page\'s prose writes the same words, or, when it writes them nowhere, by title case, which can be wrong for acronyms and particles ("Vp", "Mcdonald").',
    defaultSeverity: 'warning',
    example: 'AMI VORA\\n\\nCHIEF PRODUCT OFFICER AT FAIRE',
  },
  'dimension-label-trimmed': {
    description: 'A dimension row\'s label was one word of other text followed by a known dimension name, as when a converter runs a table\'s header cells into its first row; the word was dropped and the known dimension kept.',
    defaultSeverity: 'warning',
    example: 'DimensionScore Strategic Vision80% Execution & Craft70%',
  },
  'role-guessed': {
    description: 'No role line stood apart under the name, so the first line of the paragraph below it (role-shaped: short, no sentence end, the next line opening a new sentence) was taken as the role and the rest as the bio. Copies without blank lines between paragraphs (some text converters) run the two together.',
    defaultSeverity: 'warning',
    example: 'Bill Carr\\nVP of Digital Music & Video at Amazon\\nSpent 15 years at Amazon …',
  },
  'name-unconfirmed': {
    description: 'The line where the name should be does not hold up as a name (not shaped like a person\'s name, or not the person the summary, quotes and bio speak of); the page yields no record.',
    defaultSeverity: 'error',
    example: 'ArchetypesLeadersMethodologyTake the Quiz (as the only line above the profile)',
  },
  'learned-chrome': {
    description: 'A field held text that repeats on many pages of the ingest batch outside any field (navigation, breadcrumbs, footers, calls to action): template, not content. It was removed from the field (a name holding it yields no record).',
    defaultSeverity: 'warning',
    example: '> "Ship it." Want to know how you compare? (the footer line on every page of the batch)',
  },
  'missing-section': {
    description: 'A required section (the dimension profile) is absent.',
    defaultSeverity: 'error',
    example: '# Bill Carr\\n\\n## Key Themes\\n\\n- customer obsession',
  },
  'section-without-heading': {
    description: 'A section was recognised by its content, without its heading (dimension rows before any heading): a guess.',
    defaultSeverity: 'warning',
    example: 'Bill Carr\\n\\nStrategic Vision 70%\\nExecution & Craft 90%\\n…',
  },
  'empty-section': {
    description: 'A section heading is present but nothing usable follows it.',
    defaultSeverity: 'warning',
    example: '## Leadership Principles\\n\\n## Notable Quotes',
  },
  'unknown-section': {
    description: 'A heading that is not one of the known sections or their aliases; its content is ignored.',
    defaultSeverity: 'warning',
    example: '## Fun Facts',
    drops: "the section's content is left out of the record",
  },
  'malformed-percentage': {
    description: 'A dimension score that is not a whole-number percentage.',
    defaultSeverity: 'error',
    example: 'Strategic Vision seventy%',
    drops: 'the dimension is left out of the record',
  },
  'percentage-out-of-range': {
    description: 'A dimension score outside 0–100.',
    defaultSeverity: 'error',
    example: 'Strategic Vision 170%',
    drops: 'the dimension is left out of the record',
  },
  'duplicate-dimension': {
    description: 'The same dimension appears twice in the profile; the first is kept.',
    defaultSeverity: 'error',
    example: 'Strategic Vision 70%\\nStrategic Vision 80%',
    drops: 'the later score is left out of the record',
  },
  'unknown-dimension': {
    description: 'A dimension name that is not in the catalogue; it is left out of the record.',
    defaultSeverity: 'warning',
    example: 'Charisma 95%',
    drops: 'the dimension is left out of the record',
  },
  'missing-dimension': {
    description: 'A catalogue dimension is absent from the profile.',
    defaultSeverity: 'warning',
    example: '(a profile listing five of the six dimensions)',
  },
  'malformed-quote': {
    description: 'A line in the quotes section that is neither a quoted text nor an attribution.',
    defaultSeverity: 'warning',
    example: '— On product (an attribution with no quote before it)',
    drops: 'the line is left out of the record',
  },
  'quote-unmarked': {
    description: 'A text in the quotes section was taken as a quotation without quotation marks or quote markup (a guess).',
    defaultSeverity: 'warning',
    example: '## Notable Quotes\\n\\nShip early and often.',
  },
  'item-ends-mid-sentence': {
    description: 'A principle or quotation ends where no sentence ends (a comma, an open dash, "the", "and" …): a wrapped continuation line was probably lost.',
    defaultSeverity: 'warning',
    example: '• Hire people who want to grow into',
  },
  'themes-inferred': {
    description: 'Key themes arrived run together without separators and were split by inference; review them.',
    defaultSeverity: 'warning',
    example: 'working backwards process customer obsession disagree and commit',
  },
  'unsafe-name': {
    description: 'The name contains path or control characters; the id is a safe slug of it.',
    defaultSeverity: 'warning',
    example: '# ../../etc/x',
  },
  'invalid-record': {
    description: 'The extracted record does not satisfy the record schema.',
    defaultSeverity: 'error',
    example: '(a field that fails the zod schema, reported with its path)',
  },
  'parser-crash': {
    description: 'The parser crashed or ran out of memory on this page (see ingest --worker-memory); the page was skipped and the batch went on.',
    defaultSeverity: 'error',
    example: '(a 5 MB page of tiny paragraphs with --worker-memory 16)',
  },
  'value-dropped': {
    description:
      "A value was left out of the record by a rule that is turned off in the config (its message is the rule's own). Data never vanishes without a diagnostic.",
    defaultSeverity: 'warning',
    example: "rules: { 'unknown-dimension': 'off' } and a page listing Charisma 95%",
    fixed: 'it is how a value left out of a record is still reported when the rule that left it out is off',
  },
  'duplicate-id': {
    description: 'Two sources produce the same leader id; the first by path wins and this one is rejected.',
    defaultSeverity: 'error',
    example: '(raw/a/bill-carr.txt and raw/b/bill-carr.html)',
  },
  'link-outside-input': {
    description: 'A symbolic link in an input folder leads out of the input folders; it is not followed (ingest --follow-symlinks follows it).',
    defaultSeverity: 'warning',
    example: '(raw/other -> /home/me/elsewhere)',
  },
  'dangling-link': {
    description: 'A symbolic link in an input folder leads nowhere (its target is gone, or links loop); it is skipped.',
    defaultSeverity: 'warning',
    example: '(raw/old.html -> deleted.html)',
  },
  'special-file': {
    description: 'An entry in an input folder is a FIFO, socket or device, not a regular file; it is not read (reading could block forever).',
    defaultSeverity: 'warning',
    example: '(mkfifo raw/pipe.txt)',
  },
  'unreadable-path': {
    description: 'A folder (or entry) in the input cannot be listed or examined, e.g. no permission; the pages in it were not read.',
    defaultSeverity: 'warning',
    example: '(chmod 000 raw/private)',
  },
  'visited-twice': {
    description: 'A folder or file reached a second time (a link back into the input, a loop, a hard link); it is read once, under its first path.',
    defaultSeverity: 'warning',
    example: '(ln -s . raw/loop)',
  },
  'queue-job-failed': {
    description: "A distributed ingest's queue job for this page failed for good (its bytes did not match their sha256, or it stalled a worker process more than twice); the page was skipped and the batch went on.",
    defaultSeverity: 'error',
    example: '(a page whose job arrives with bytes that hash differently from the source)',
  },
  'markup-in-text': {
    description: 'Text holds markup written as text (a tag decoded from entities, a raw tag in a text page, Markdown link syntax in a value); it is kept as literal text, never turned into markup: escape fields on render.',
    defaultSeverity: 'warning',
    example: '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  },
  'unclosed-markup': {
    description: 'An element that is never read (svg, script, a hidden element …) or a comment is never closed, so the text after it was read as part of it and left out.',
    defaultSeverity: 'warning',
    example: '<p>Bio <svg onload=alert(1)> and the rest of the page</p>',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof rules;

export const ruleIds = Object.keys(rules).sort() as RuleId[];
