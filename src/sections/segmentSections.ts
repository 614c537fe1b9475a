// Segment stage: split the block list into the header and the known sections, by heading text
// (case-insensitive, aliases from config), never by position. Chrome and unknown sections are dropped.

import { report, type LeaderFile } from '../file/LeaderFile.js';
import type { Block } from '../file/Block.js';
import type { Section, SectionKey } from './Section.js';
import { matchSectionHeading } from './matchSectionHeading.js';
import { chromeMatcher } from './matchChrome.js';
import { findHeadlessDimensions } from './findHeadlessDimensions.js';

/** Blocks that may stand as a heading when markup does not say so (plain text, styled divs). */
function canBeHeading(block: Block): boolean {
  return block.kind === 'heading' || block.kind === 'line' || block.kind === 'paragraph';
}

export function segmentSections(file: LeaderFile): void {
  const chrome = chromeMatcher(file.config);
  const header: Section = { key: 'header', heading: null, blocks: [] };
  const sections: Section[] = [header];
  let current: Section | null = header;
  let footerReached = false;

  for (const block of file.blocks) {
    const key: SectionKey | null = canBeHeading(block) ? matchSectionHeading(block.text, file.config) : null;
    if (key !== null) {
      current = { key, heading: block, blocks: [] };
      sections.push(current);
      footerReached = false;
      continue;
    }
    if (block.kind === 'heading' && current !== header) {
      report(file, 'unknown-section', `Unknown section "${block.text}"; its content is ignored.`, block.position);
      current = null;
      continue;
    }
    if (chrome.isFooter(block.text)) footerReached = true;
    if (footerReached || current === null || chrome.isNavigation(block.text)) continue;
    current.blocks.push(block);
  }

  if (!sections.some((s) => s.key === 'dimensions')) {
    const run = findHeadlessDimensions(file, header.blocks);
    if (run !== null) {
      const rows = header.blocks.splice(run[0], run[1] - run[0]);
      sections.splice(1, 0, { key: 'dimensions', heading: null, blocks: rows });
      report(file, 'section-without-heading', `Dimension rows found without a "Dimension Profile" heading; read as the profile (${rows.length} lines).`, rows[0]!.position, 'dimensions');
    }
  }
  file.sections = sections;
  const found = sections.filter((s) => s.key !== 'header');
  if (found.length === 0) {
    report(file, 'not-a-profile', 'No leader-profile sections found (Dimension Profile, Key Themes, Leadership Principles …); this does not look like a leader page.', file.blocks[0]?.position);
    file.fatal = true;
    return;
  }
  for (const [key, definition] of Object.entries(file.config.sections) as [SectionKey, { required: boolean; headings: string[] }][]) {
    const sections = found.filter((s) => s.key === key);
    if (definition.required && sections.length === 0) {
      report(file, 'missing-section', `Required section "${definition.headings[0] ?? key}" is missing.`, found[0]?.heading?.position);
    }
    // An empty required section is the extractor's to report (it is as good as missing).
    for (const section of definition.required ? [] : sections) {
      if (section.blocks.length === 0) report(file, 'empty-section', `Section "${section.heading?.text ?? key}" has nothing under it.`, section.heading?.position);
    }
  }
}
