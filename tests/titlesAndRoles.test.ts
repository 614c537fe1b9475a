// Titles and role lines as other site templates write them: a site's suffix or a label around the
// name ("Ami Vora | PM Genome", "Leader: Ami Vora") is cut off, and says so; a role's organization
// follows " at ", " @ ", " · " or " | ", and a "Role:" label is not part of it.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';
import { splitRole } from '../src/extract/splitRole.js';

const dims = '## Dimension Profile\n\n- Strategic Vision 80%\n- Execution & Craft 70%\n- Data & Experimentation 50%\n- Growth & Distribution 60%\n- Team & Leadership 90%\n- User Empathy & Research 70%\n';
const page = (title: string, role = 'Chief Product Officer at Faire') =>
  `# ${title}\n\n${role}\n\nCPO at Faire; led product at WhatsApp.\n\n${dims}\n## Episode Summary\n\nAmi Vora shares her approach.\n`;

describe('a name inside a longer title', () => {
  it.each(['Ami Vora | PM Genome', 'Ami Vora – Leader Profile', 'Ami Vora - PM Genome', 'Leader: Ami Vora', 'PM Genome · Ami Vora'])('%s', (title) => {
    const { record, diagnostics } = parseDocument({ path: 'a.md', bytes: page(title) });
    expect(record).toMatchObject({ id: 'ami-vora', name: 'Ami Vora' });
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'name-guessed', line: 1, column: 1, path: 'name' }));
  });

  it('a hyphenated or plain name is left whole', () => {
    for (const name of ['Ami Vora', 'Mary-Kate Olsen-Smith']) {
      const { record, diagnostics } = parseDocument({ path: 'a.md', bytes: page(name).replace('Ami Vora shares', `${name} shares`) });
      expect(record?.name).toBe(name);
      expect(diagnostics.filter((d) => d.rule === 'name-guessed')).toEqual([]);
    }
  });

  it('a title with two name-shaped parts is not cut', () => {
    const { record } = parseDocument({ path: 'a.md', bytes: page('Ami Vora | Bill Carr').replace('Ami Vora shares', 'Ami Vora and Bill Carr share') });
    expect(record?.name).toBe('Ami Vora | Bill Carr');
  });
});

describe('splitRole', () => {
  it.each([
    ['Chief Product Officer at Faire', 'Chief Product Officer', 'Faire'],
    ['CPO @ Faire', 'CPO', 'Faire'],
    ['Chief Product Officer · Faire', 'Chief Product Officer', 'Faire'],
    ['Chief Product Officer | Faire', 'Chief Product Officer', 'Faire'],
    ['Role: Chief Product Officer at Faire', 'Chief Product Officer', 'Faire'],
    ['Founder at tbh / Gas (acquired by Facebook)', 'Founder', 'tbh / Gas (acquired by Facebook)'],
    ['Independent Consultant', 'Independent Consultant', null],
  ])('%s', (text, title, organization) => {
    expect(splitRole(text)).toMatchObject({ title, organization });
  });
});
