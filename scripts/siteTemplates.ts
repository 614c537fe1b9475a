// Site templates of our own, for converter fixtures: the same leader data laid out the way other
// sites do it (breadcrumbs, a sidebar, a definition list or a table for the dimensions, figures
// for quotes, chips as links, a cookie banner). Built from a record's data, never from a page.

interface Record {
  name: string;
  role: { text: string } | null;
  bio: string | null;
  archetypes: string[];
  appearances: number | null;
  dimensions: { name: string; score: number }[];
  themes: string[];
  summary: string | null;
  principles: string[];
  quotes: { text: string; context: string | null }[];
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function chips(r: Record): string {
  const links = r.archetypes.map((a) => `<a class="chip" href="/archetypes/${slug(a)}">${escape(a)}</a>`);
  if (r.appearances !== null) links.push(`<span class="chip">${r.appearances} appearances</span>`);
  return links.join('');
}

const cookie = `<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. By using this site you agree to our cookie policy.</p><button>Accept all</button><button>Reject</button></div>`;

const footer = `<footer><p>Want to know how you compare?</p><a href="/quiz">Take the Assessment</a><p>© 2026 PM Genome · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>`;

/** Breadcrumbs, a definition list of dimensions, figures for quotes, a cookie banner on top. */
function breadcrumbDl(r: Record): string {
  return `<!doctype html><html><head><title>${escape(r.name)} | PM Genome</title></head><body>
${cookie}
<header><nav><a href="/">PM Genome</a><a href="/archetypes">Archetypes</a><a href="/leaders">Leaders</a><a href="/methodology">Methodology</a><a href="/quiz">Take the Quiz</a></nav></header>
<nav aria-label="Breadcrumb"><ol class="crumbs"><li><a href="/">Home</a> › </li><li><a href="/leaders">Leaders</a> › </li><li>${escape(r.name)}</li></ol></nav>
<main>
<h1>${escape(r.name)}</h1>
${r.role === null ? '' : `<p class="role">${escape(r.role.text)}</p>`}
${r.bio === null ? '' : `<p class="bio">${escape(r.bio)}</p>`}
<div class="chips">${chips(r)}</div>
<h2>Dimension Profile</h2>
<dl class="dims">${r.dimensions.map((d) => `<dt>${escape(d.name)}</dt><dd>${d.score}%</dd>`).join('\n')}</dl>
<h2>Key Themes</h2>
<ul class="tags">${r.themes.map((t) => `<li><a href="/themes/${slug(t)}">${escape(t)}</a></li>`).join('')}</ul>
${r.summary === null ? '' : `<h2>Episode Summary</h2>\n<p>${escape(r.summary)}</p>`}
<h2>Leadership Principles</h2>
<ul>${r.principles.map((p) => `<li>${escape(p)}</li>`).join('\n')}</ul>
<h2>Notable Quotes</h2>
${r.quotes.map((q) => `<figure><blockquote><p>“${escape(q.text)}”</p></blockquote>${q.context === null ? '' : `<figcaption>— ${escape(q.context)}</figcaption>`}</figure>`).join('\n')}
</main>
${footer}
</body></html>
`;
}

/** A sidebar before the content, the dimensions as a table, quotes as blockquote + cite. */
function sidebarTable(r: Record): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(r.name)}</title></head><body>
<div class="topbar"><a href="/">Home</a> <a href="/leaders">All Leaders</a> <a href="/search">Search</a></div>
<div class="layout">
<aside class="sidebar"><h3>Browse</h3><ul><li><a href="/archetypes">Archetypes</a></li><li><a href="/leaders">Leaders</a></li><li><a href="/methodology">Methodology</a></li></ul><p><a href="/newsletter">Subscribe to the newsletter</a></p></aside>
<article>
<h1 class="name">${escape(r.name)}</h1>
${r.role === null ? '' : `<h2 class="role">${escape(r.role.text)}</h2>`}
<div class="tags">${chips(r)}</div>
${r.bio === null ? '' : `<p>${escape(r.bio)}</p>`}
<h2>Dimensions</h2>
<table><thead><tr><th>Dimension</th><th>Score</th></tr></thead><tbody>
${r.dimensions.map((d) => `<tr><td>${escape(d.name)}</td><td>${d.score}%</td></tr>`).join('\n')}
</tbody></table>
<h2>Themes</h2>
<div class="theme-chips">${r.themes.map((t) => `<a class="chip" href="/t/${slug(t)}">${escape(t)}</a>`).join(' ')}</div>
${r.summary === null ? '' : `<h2>Summary</h2>\n<p>${escape(r.summary)}</p>`}
<h2>Key Principles</h2>
<ol>${r.principles.map((p) => `<li>${escape(p)}</li>`).join('\n')}</ol>
<h2>Quotes</h2>
${r.quotes.map((q) => `<blockquote><p>"${escape(q.text)}"</p>${q.context === null ? '' : `<cite>— ${escape(q.context)}</cite>`}</blockquote>`).join('\n')}
</article>
</div>
${footer}
${cookie}
</body></html>
`;
}

export const templates = { 'breadcrumb-dl': breadcrumbDl, 'sidebar-table': sidebarTable } as const;
export const templateNames = Object.keys(templates) as (keyof typeof templates)[];

export function renderTemplate(name: keyof typeof templates, record: Record): string {
  return templates[name](record);
}
