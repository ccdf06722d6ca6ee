import { createHash } from 'node:crypto';
import type { AssessResult } from '../../assess/types.js';
import { labels } from '../labels.js';
import type { Formatter } from '../types.js';
import { areaSection } from './area.js';
import { escapeHtml as h } from './escape.js';
import { overviewTable } from './overview.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { areaTitle } from './words.js';

/**
 * `--format html`: one self-contained document (inline CSS and SVG, no network, no web fonts)
 * that assessors read on screen and print on A4 for the 档案. Several results get an overview
 * table first, linking to each area's section.
 *
 * The Content-Security-Policy allows exactly our own style and script (by hash) and nothing
 * else, so even a string that escaped escaping could neither run nor fetch anything.
 */
export const html: Formatter = (results, { lang }) => {
  const L = labels(lang);
  const anchors = results.map((_, i) => `area-${i + 1}`);
  const title = results.length === 1 ? `${areaTitle(results[0], lang)} · ${L.html.title}` : L.html.batchTitle(results.length);
  const csp = `default-src 'none'; style-src '${sha256(STYLE)}'; script-src '${sha256(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const body: string[] = [`<h1>${h(results.length === 1 ? L.html.title : title)}</h1>`];
  if (!results.length) body.push(`<p>${h(L.html.noResults)}</p>`);
  if (results.length > 1) body.push(overviewTable(results, anchors, lang));
  results.forEach((r: AssessResult, i) => body.push(areaSection(r, anchors[i], lang)));
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="weibao">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
