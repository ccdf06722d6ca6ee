import { isOpen } from '../../assess/open.js';
import { evidenceToSupply, rectificationGroups } from '../../assess/rectification.js';
import type { AssessResult, ItemResult, Lang, VetoResult } from '../../assess/types.js';
import { labels, percent, placeOf } from '../labels.js';
import { aspectChart } from './chart.js';
import { classToken, escapeHtml as h } from './escape.js';
import { areaTitle, stateLabel, vetoLabel, type Labels } from './words.js';

/** One area's section: banner, chart, findings, 整改清单, then every item collapsed. */
export function areaSection(r: AssessResult, anchor: string, lang: Lang): string {
  const L = labels(lang);
  const open = r.items.filter(isOpen);
  return [
    `<section class="area" id="${h(anchor)}" data-verdict="${h(r.verdict)}">`,
    banner(r, L, lang),
    vetoSection(r.vetoes, L),
    `<h3>${h(L.html.chart)}</h3>`,
    aspectChart(r.aspects, `${areaTitle(r, lang)} · ${L.html.chart}`),
    `<h3>${h(L.findings)}</h3>`,
    open.length ? findingsTable(open, L) : `<p class="none">${h(L.none)}</p>`,
    rectificationSection(r.items, L),
    allItems(r.items, L),
    warnings(r.warnings, L),
    '</section>',
  ].filter(Boolean).join('\n');
}

function banner(r: AssessResult, L: Labels, lang: Lang): string {
  const triggered = r.vetoes.filter((v) => v.state === 'triggered');
  const facts: [string, string | undefined][] = [
    [L.html.period, r.period],
    [L.html.standard, `${r.standard.title} (${r.standard.id}@${r.standard.version})`],
    [L.html.input, r.input],
  ];
  return [
    `<header class="banner verdict-${classToken(r.verdict)}">`,
    `<h2>${h(areaTitle(r, lang))}${r.area.code ? ` <span class="code">${h(r.area.code)}</span>` : ''}</h2>`,
    `<span class="verdict" data-verdict="${h(r.verdict)}">${h(L.verdict[r.verdict] ?? r.verdict)}</span>`,
    `<span class="score" data-score="${r.score}">${h(L.score)} ${percent(r.score)}</span>`,
    `<dl>${facts.filter(([, v]) => v).map(([k, v]) => `<div><dt>${h(k)}</dt><dd>${h(v)}</dd></div>`).join('')}</dl>`,
    triggered.length
      ? `<ul class="vetoes">${triggered.map((v) => `<li class="veto-triggered">${h(L.html.triggered)} ${v.number}：${h(v.text)}</li>`).join('')}</ul>`
      : '',
    '</header>',
  ].filter(Boolean).join('\n');
}

/** The negative list is shown only where it says something: triggered, or not decidable. */
function vetoSection(vetoes: VetoResult[], L: Labels): string {
  const shown = vetoes.filter((v) => v.state !== 'clear');
  if (!shown.length) return '';
  const rows = shown.map(
    (v) =>
      `<tr class="veto" data-state="${h(v.state)}"><td>${state(vetoLabel(L, v.state), v.state === 'triggered' ? 'triggered' : v.state)}</td>` +
      `<td class="num">${v.number}</td><td>${h(v.text)}<br><code>${h(v.id)}</code></td><td>${h(v.explanation)}</td></tr>`,
  );
  return [
    `<h3>${h(L.vetoHeading)}</h3>`,
    `<table class="vetoes"><thead><tr><th>${h(L.html.state)}</th><th class="num">${h(L.html.place)}</th><th>${h(L.negativeItem)}</th><th>${h(L.html.explanation)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function findingsTable(items: ItemResult[], L: Labels): string {
  const rows = items.map(
    (i) =>
      `<tr class="finding" data-state="${h(i.state)}" data-item="${h(i.id)}">` +
      `<td>${state(stateLabel(L, i.state), i.state)}</td>` +
      `<td>${h(i.aspect)}<br><span class="muted">${h(placeOf(i))}</span></td>` +
      `<td>${h(i.text)}<br><code>${h(i.id)}</code></td>` +
      `<td>${h(i.explanation)}${missingFacts(i)}</td>` +
      `<td>${evidence(i)}</td></tr>`,
  );
  return [
    `<table class="findings"><thead><tr><th>${h(L.html.state)}</th><th>${h(L.aspect)}</th><th>${h(L.item)}</th><th>${h(L.html.explanation)}</th><th>${h(L.html.evidence)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function rectificationSection(items: ItemResult[], L: Labels): string {
  const groups = rectificationGroups(items);
  if (!groups.length) return '';
  const byUnit = groups.filter((g) => g.by === 'responsible');
  const byAspect = groups.filter((g) => g.by === 'aspect');
  const out = [`<h3>${h(L.html.rectification)}</h3>`];
  const group = (title: string, list: ItemResult[]) =>
    `<div class="group"><h4>${h(title)}</h4><ol>${list
      .map((i) => `<li data-item="${h(i.id)}">${state(stateLabel(L, i.state), i.state)} ${h(i.aspect)} / ${h(placeOf(i))}：${h(i.text)}${i.explanation ? `<br><span class="muted">${h(i.explanation)}</span>` : ''}${docsLine(i, L)}</li>`)
      .join('')}</ol></div>`;
  if (byUnit.length) {
    out.push(`<p class="muted">${h(L.html.byUnit)}</p>`);
    for (const g of byUnit) out.push(group(L.html.unitGroup(g.key), g.items));
  }
  if (byAspect.length) {
    out.push(`<p class="muted">${h(L.html.byAspect)}</p>`);
    for (const g of byAspect) out.push(group(L.html.aspectGroup(g.key), g.items));
  }
  return `<div class="rectification">\n${out.join('\n')}\n</div>`;
}

function allItems(items: ItemResult[], L: Labels): string {
  const rows = items.map(
    (i) =>
      `<tr class="item" data-state="${h(i.state)}" data-item="${h(i.id)}"><td>${state(stateLabel(L, i.state), i.state)}</td>` +
      `<td>${h(i.aspect)}</td><td class="num">${h(placeOf(i))}</td><td>${h(i.text)}<br><code>${h(i.id)}</code></td><td>${actual(i.actual)}</td></tr>`,
  );
  return [
    `<details class="all-items"><summary>${h(L.html.allItems(items.length))}</summary>`,
    `<table><thead><tr><th>${h(L.html.state)}</th><th>${h(L.aspect)}</th><th class="num">${h(L.html.place)}</th><th>${h(L.item)}</th><th>${h(L.html.actual)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></details>`,
  ].join('\n');
}

function warnings(list: string[], L: Labels): string {
  if (!list.length) return '';
  return `<h3>${h(L.warnings)}</h3><ul class="warnings">${list.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`;
}

function state(label: string, key: string): string {
  return `<span class="state state-${classToken(key)}">${h(label)}</span>`;
}

function missingFacts(i: ItemResult): string {
  return i.missing?.length ? `<br>${i.missing.map((f) => `<code>${h(f)}</code>`).join(' ')}` : '';
}

/** What the 街道 has to hand in (for missing facts, only the documents proving those). */
function evidence(i: ItemResult): string {
  const docs = evidenceToSupply(i);
  if (!docs.length) return '<span class="muted">—</span>';
  return `<ul class="docs">${docs.map((d) => `<li>${h(d)}</li>`).join('')}</ul>`;
}

function docsLine(i: ItemResult, L: Labels): string {
  const docs = evidenceToSupply(i);
  return docs.length ? `<br><span class="docs">${h(L.html.evidence)}：${h(docs.join('、'))}</span>` : '';
}

function actual(values: Record<string, unknown>): string {
  const entries = Object.entries(values ?? {});
  if (!entries.length) return '';
  return entries.map(([k, v]) => `<code>${h(k)}</code> = ${h(v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))}`).join('<br>');
}
