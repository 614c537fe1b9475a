// The report page's one stylesheet (inlined; its hash goes into the Content-Security-Policy).

export const reportStyle = `
:root {
  --bg: #f5f6f8; --card: #ffffff; --text: #1f2430; --muted: #667085; --line: #e4e7ec;
  --written: #16a34a; --unchanged: #94a3b8; --rejected: #dc2626; --skipped: #d97706; --missing: #7c3aed;
  --accent: #4f46e5;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { background: #1f2430; color: #fff; padding: 20px 32px 18px; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 650; letter-spacing: -0.01em; }
header p { margin: 0; color: #c3c8d4; font-size: 13px; }
main { max-width: 1280px; margin: 0 auto; padding: 20px 24px 40px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 12px; margin-bottom: 20px; }
.tile { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; border-top: 4px solid var(--accent); }
.tile .value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.tile .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.tile.written { border-top-color: var(--written); } .tile.unchanged { border-top-color: var(--unchanged); }
.tile.rejected { border-top-color: var(--rejected); } .tile.skipped { border-top-color: var(--skipped); }
.tile.missing { border-top-color: var(--missing); } .tile.warnings { border-top-color: var(--skipped); }
.tile.errors { border-top-color: var(--rejected); }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; min-width: 0; }
.card.wide { grid-column: 1 / -1; }
.card h2 { margin: 0 0 2px; font-size: 15px; font-weight: 650; }
.card .note { margin: 0 0 10px; color: var(--muted); font-size: 12.5px; }
.chart { position: relative; height: 260px; }
.chart.tall { height: 340px; }
.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 18px; align-items: start; }
.pair { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 18px; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 14px 18px; }
.multiples h3 { margin: 0; font-size: 13px; font-weight: 600; }
.multiples .stat { color: var(--muted); font-size: 12px; margin-bottom: 2px; }
.multiples .chart { height: 130px; }
.empty { color: var(--muted); font-style: italic; padding: 24px 0; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; color: var(--muted); font-weight: 600; font-size: 12px; border-bottom: 1px solid var(--line); padding: 6px 8px; white-space: nowrap; }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.path { min-width: 250px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
td.path .leader { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 12px; color: var(--muted); margin-top: 2px; }
tr:hover td { background: #f8f9fc; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 8px; font-size: 11.5px; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.error, .badge.rejected { background: var(--rejected); } .badge.warning, .badge.skipped { background: var(--skipped); }
.badge.written { background: var(--written); } .badge.unchanged { background: var(--unchanged); }
.badge.missing { background: var(--missing); } .badge.other { background: var(--muted); }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
.controls { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin: 6px 0 10px; }
.controls input[type=search] { flex: 1 1 320px; padding: 7px 10px; border: 1px solid #cfd4dc; border-radius: 8px; font: inherit; }
.controls select { padding: 6px 8px; border: 1px solid #cfd4dc; border-radius: 8px; font: inherit; background: #fff; }
.controls .count { color: var(--muted); font-size: 12.5px; }
.table-wrap { max-height: 640px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; }
.table-wrap th { position: sticky; top: 0; background: #fff; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 8px 0 24px; }
@media (max-width: 900px) { .grid, .split, .pair { grid-template-columns: 1fr; } }
`;
