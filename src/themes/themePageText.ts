// The rest of a page, whose wording often repeats a theme's: the splitter's page evidence. One
// definition, so the extractor and the themes report measure the same thing.

export interface ThemePageFields {
  bio?: string | null | undefined;
  summary?: string | null | undefined;
  principles?: readonly string[] | undefined;
  quotes?: readonly { text: string; context?: string | null | undefined }[] | undefined;
}

export function themePageText(fields: ThemePageFields): string[] {
  return [
    fields.bio ?? '',
    fields.summary ?? '',
    ...(fields.principles ?? []),
    ...(fields.quotes ?? []).flatMap((q) => [q.text, q.context ?? '']),
  ].filter((t) => t !== '');
}
