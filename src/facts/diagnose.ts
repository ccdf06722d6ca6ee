import { hint, type Hint } from '../errors.js';
import type { CharKind, ValueKind } from '../messages/sections/input.js';
import type { FactSpec, Vocabulary } from '../standard/types.js';

/**
 * The mistakes clerks make when they fill in a facts file by hand or paste from Excel, recognised
 * so the error can name the fix ("全角数字请改为半角 2"). Nothing here coerces: a value is only
 * looked at after validation refused it, and the file stays refused until the clerk retypes it.
 * So this costs nothing on a valid file.
 */

/** A value as a message quotes it: JSON-quoted, clipped, invisible characters shown as ⍽. */
export function shown(v: unknown): { shown: string; kind: ValueKind } {
  // JSON.stringify prints NaN and Infinity as null, which would misquote the file.
  const s = typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  const short = s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '…' : s;
  return { shown: visible(short), kind: kindOf(v) };
}

export function kindOf(v: unknown): ValueKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const k = typeof v;
  return k === 'string' || k === 'number' || k === 'boolean' ? k : 'object';
}

/** Spaces that look like a space but are not one, and characters that take no room at all. */
const INVISIBLE = /[\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g;
const INVISIBLE_ONE = /[\u00a0\u3000\u200b-\u200d\u2060\ufeff]/;

/** Show invisible characters as ⍽, so "3 " (no-break space) no longer reads as "3 ". */
export function visible(s: string): string {
  return s.replace(INVISIBLE, '⍽');
}

export function hasInvisible(s: string): boolean {
  return INVISIBLE_ONE.test(s);
}

/** The invisible characters of a text, by name in both languages' catalogue ids. */
export function invisibleNames(s: string): CharKind[] {
  const out = new Set<CharKind>();
  for (const c of s.match(INVISIBLE) ?? []) {
    out.add(c === '\u00a0' ? 'nbsp' : c === '\u3000' ? 'ideographicSpace' : c === '\ufeff' ? 'bom' : 'zeroWidth');
  }
  return [...out];
}

const FULLWIDTH = /[\uff01-\uff5e]/g;
/** Full-width ASCII (２, ：, ，, ．, －) as its half-width twin. */
export function halfwidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * The fact a key names by its words rather than its name: the description the template and the
 * messages show (儿童主任人数, 儿童主任人数（名）, the English, or the template's whole
 * "儿童主任人数（名） — Number of …") typed as the key. Compared without spaces, full-width forms
 * or case; words two facts share name neither.
 */
export function factNamedBy(key: string, vocabulary: Vocabulary): string | undefined {
  let byWords = namesByWords.get(vocabulary);
  if (!byWords) {
    byWords = new Map();
    for (const name of Object.keys(vocabulary)) {
      const { zh, en, unit, unit_en: unitEn } = vocabulary[name];
      const forms = [zh, en, `${zh} — ${en}`];
      if (unit) forms.push(`${zh}（${unit}）`, `${zh}（${unit}） — ${en}`);
      if (unitEn) forms.push(`${en} (${unitEn})`);
      for (const form of new Set(forms.map(wordsKey))) byWords.set(form, byWords.has(form) && byWords.get(form) !== name ? null : name);
    }
    namesByWords.set(vocabulary, byWords);
  }
  return byWords.get(wordsKey(key)) ?? undefined;
}
const namesByWords = new WeakMap<Vocabulary, Map<string, string | null>>();
const wordsKey = (s: string) => halfwidth(s).replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]/g, '').toLowerCase();

/** Strip what a clerk can't see: invisible characters and surrounding spaces. */
function cleaned(s: string): string {
  return s.replace(INVISIBLE, '').trim();
}

/**
 * Each run of spaces as one. The patterns that read a clerk's value allow a space between its
 * parts (`2023 年 5 月`), often at several places side by side; over a long run of spaces in a
 * hostile file such a pattern backtracks through every way of sharing the run out among them
 * (cubic and worse: 40 s for 1,000 spaces). One space can be shared out one way only.
 */
function oneSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const TRUE_WORDS = new Set(['是', '是的', '有', '有的', '√', '✓', '✔', '☑', '✅', '对', '已', '已建立', '已制定', '已开展', '已完成', '已落实', '已纳入', '已设立', '已配备', 'yes', 'Yes', 'YES', 'y', 'Y', 'true', 'True', 'TRUE', '1']);
const FALSE_WORDS = new Set(['否', '不是', '无', '没有', '没', '暂无', '尚未', '×', '✗', '✘', '☒', '❎', '❌', '错', '未', '未建立', '未完成', '未落实', '未纳入', '未设立', '未配备', 'no', 'No', 'NO', 'n', 'N', 'false', 'False', 'FALSE', '0']);

/**
 * What to type instead of `v` for a fact of `spec`: the mistake named where it is one clerks make,
 * else what the value must be. `inCell`: it stands in a workbook's cell (是/否 for a yes-no there).
 */
export function factHint(spec: FactSpec, v: unknown, inCell = false): Hint | undefined {
  // Text that stands for no value — nothing, 不知道, N/A, a dash — where a value has a type of its own.
  if (typeof v === 'string' && spec.type !== 'string') {
    const word = cleaned(halfwidth(v)).toLowerCase();
    if (word === '') return hint('input.fix.emptyText', { inCell });
    if (UNKNOWN_WORDS.has(word)) return hint('input.fix.unknownValue', { word: v.trim(), inCell, count: spec.type === 'integer' || spec.type === 'number' });
  }
  switch (spec.type) {
    case 'integer':
    case 'number':
      return typeof v === 'string' ? (numberHint(v, spec, inCell) ?? (isCalendarDate(cleaned(v)) ? hint('input.fix.dateInNumber', { inCell }) : hint('input.fix.numberOnly'))) : numberValueHint(v, spec, inCell);
    case 'boolean':
      return booleanHint(v, inCell);
    case 'date':
      return dateHint(v);
    default:
      if (spec.enum) return hint('input.fix.enum', { values: spec.enum.join(', ') });
      if (typeof v === 'string' && hasInvisible(v)) return invisibleHint(v);
      return undefined;
  }
}

function invisibleHint(s: string): Hint {
  return hint('input.fix.invisible', { names: invisibleNames(s) });
}

/** Text a clerk writes for "not known" or "does not apply": null is how a facts file says it (counted as missing). */
const UNKNOWN_WORDS = new Set(['n/a', 'na', 'null', '/', '-', '--', '—', '——', '－', '不适用', '不详', '未知', '不知道', '不清楚', '待定', '待补充', '暂缺', '空', '空白']);
/** Text that says "none" where a count goes: 0. */
const NONE_WORDS = new Set(['无', '没有', '暂无', '没', '无此项', '没有开展', '未开展']);

/** A number typed as text: "２", "3", "3 " (no-break space), "3次", "50%", "5天", "无". */
function numberHint(raw: string, spec: FactSpec, inCell: boolean): Hint | undefined {
  const s = cleaned(raw);
  if (NONE_WORDS.has(halfwidth(s))) return hint('input.fix.noneIsZero', { word: raw.trim(), inCell });
  const half = oneSpace(halfwidth(s).trim());
  if (half !== s && NUMBER.test(half)) return hint('input.fix.fullwidthDigits', { fixed: half });
  if (NUMBER.test(s)) return s !== raw.trim() || hasInvisible(raw) ? invisibleOrQuotes(raw, s, inCell) : quotes(s, inCell);
  // 1,200 (or 1，200, or 1,200元): a number as Excel and WPS show it, with thousands separators.
  const grouped = /^(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?)\s*(\S.*)?$/.exec(half);
  if (grouped && (grouped[2] === undefined || isUnit(grouped[2], spec))) {
    const n = grouped[1].replaceAll(',', '');
    return (grouped[2] !== undefined ? otherUnit(n, grouped[2], spec) : undefined) ?? hint('input.fix.thousands', { fixed: n });
  }
  if (NOT_EXACT.some((re) => re.test(half))) return hint('input.fix.exactNumber', { word: raw.trim(), whole: spec.type === 'integer' });
  const rate = RATE.exec(half);
  if (rate) return rateHint(raw.trim(), rate[1], rate[2], rate[3], spec);
  // 百分之六十, 百分之60: a percentage in words.
  const inWords = /^百分之\s*(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]{1,6})$/u.exec(half);
  const percent = inWords ? (NUMBER.test(inWords[1]) ? inWords[1] : chineseNumber(inWords[1])?.toString()) : undefined;
  if (percent !== undefined) return percentHint(percent, spec, inCell);
  // ¥150000, ￥15万, 人民币15万元: a sum with its currency's sign, in 元 unless a unit follows.
  const money = /^(?:¥|￥|RMB|CNY|人民币)\s*(\d+(?:\.\d+)?)\s*(\S*)$/i.exec(half);
  if (money) return otherUnit(money[1], money[2] || '元', spec) ?? hint('input.fix.unit', { unit: money[2] || '元', fixed: money[1] });
  const m = /^(-?\d+(?:\.\d+)?)\s*(\S.*)$/.exec(half);
  if (m) {
    const n = m[1];
    // 15（万元）: the unit in brackets, as a table's header gives it.
    const unit = m[2].replace(/^[（(]\s*(.*?)\s*[）)]$/, '$1');
    if (unit === '%' || unit === '％') return percentHint(n, spec, inCell);
    if (isUnit(unit, spec)) return otherUnit(n, unit, spec) ?? ownUnit(n, unit, spec);
  }
  // 三, 两次, 十二: a count written in Chinese numerals (with its unit or not); 六成 (tenths) for a percentage.
  const words = /^([零〇一二两三四五六七八九十百]{1,6})\s*([\p{Script=Han}]{0,3})$/u.exec(half);
  const counted = words ? chineseNumber(words[1]) : undefined;
  // Its unit as a number's (三万人 is 30000 people; 十五万 for a fact in 万元, 15).
  if (counted !== undefined) return (words![2] ? otherUnit(String(counted), words![2], spec, words![1]) : undefined) ?? hint('input.fix.chineseNumber', { word: raw.trim(), fixed: String(counted) });
  return hasInvisible(raw) ? invisibleHint(raw) : undefined;
}

/**
 * A percentage: without % for a fact in % (or one with no unit); another fact is told its unit —
 * in a workbook's cell, where 100% is a percentage format Excel gave the cell as it was typed, with
 * the format to set first.
 */
function percentHint(n: string, spec: FactSpec, inCell: boolean): Hint {
  if (spec.unit === undefined || spec.unit === '%') return hint('input.fix.percent', { fixed: n });
  const to = { to: spec.unit, toEn: spec.unit_en ?? spec.unit };
  return inCell ? hint('input.fix.percentCell', to) : hint('input.fix.unitOther', { unit: '%', ...to });
}

/** A number in the fact's own unit (or with a count's classifier): the unit left out; a count's fraction told the whole numbers either side. */
function ownUnit(n: string, unit: string, spec: FactSpec): Hint {
  const v = Number(n);
  if (spec.type === 'integer' && !Number.isInteger(v)) return hint('input.fix.wholeNumber', { below: String(Math.floor(v)), above: String(Math.ceil(v)) });
  return hint('input.fix.unit', { unit, fixed: n });
}

/**
 * A number that is not one: about so many (约20, 20左右, 20多次), at least or more than so many
 * (≥2, 2次以上, 不少于2, 20+, 20余次), or a range (2-3, 2~3, 2至3次). Told to write the number
 * the records give rather than the one in the text: 20 for 20余 would understate, and a limit
 * such as "at most 0 major cases" must not be met by rounding down.
 */
const NOT_EXACT = [
  /^(?:约|大约|大概|近|将近|接近|超过|不少于|不低于|至少|多于|高于|≈|~|>|≥|>=|＞|≧)\s*\d+(?:\.\d+)?\s*[\p{Script=Han}a-zA-Z/%％]{0,4}$/u,
  /^\d+(?:\.\d+)?\s*[\p{Script=Han}/%％]{0,3}?\s*(?:余|多|左右|上下|以上|及以上|或以上|\+)\s*[\p{Script=Han}/]{0,3}$/u,
  /^\d+(?:\.\d+)?\s*[\p{Script=Han}]{0,3}\s*(?:-|~|～|至|到|—|–)\s*\d+(?:\.\d+)?\s*[\p{Script=Han}/]{0,4}$/u,
];

/** A rate, as the standards word their requirements (每季度至少1次, 每年2次, 每周5天): the per-what and the number. */
const RATE = /^(?:平均)?每\s*(年|季度|季|月|周|星期)\s*(?:至少|不少于|约)?\s*(\d+(?:\.\d+)?)\s*([\p{Script=Han}]{0,2})$/u;

/**
 * A rate where a count goes: the number itself where the fact is counted per the same stretch of
 * time (每季度1次 for a fact that is a quarter's figure: 1; 每周5天 for 每周最少开放天数: 5), the
 * number of quarters it was done in for a fact that counts quarters (按季度), the year to date's
 * total where it is a year's (a rate is what was required, not what was done, so no total is
 * worked out for the clerk), else the count the records give.
 */
function rateHint(word: string, per: string, n: string, unit: string, spec: FactSpec): Hint {
  const stretch = stretchOf(per);
  if (spec.time === 'quarters' && stretch === '季') return hint('input.fix.rate', { word, basis: 'quarters' });
  const same = (spec.time === 'year' && stretch === '年') || (spec.time === 'quarter' && stretch === '季') || ownStretch(spec) === stretch;
  // 每月1200元 for a fact in 元/月: 1200; 每年150000元 for one in 万元: 15.
  if (same) return (unit ? otherUnit(n, unit, spec) : undefined) ?? hint('input.fix.rate', { word, basis: 'same', fixed: n });
  return hint('input.fix.rate', { word, basis: spec.time === 'year' ? 'year' : 'other' });
}

/** A rate's per-what as one word: 季度 and 季 are 季, 星期 is 周. */
const stretchOf = (per: string): string => (per.startsWith('季') ? '季' : per === '星期' ? '周' : per);

/** The stretch of time a fact is a figure of, in its own words (关爱服务场所每周最少开放天数: 周; 单季度…: 季), if it says one. */
function ownStretch(spec: FactSpec): string | undefined {
  const m = /(?:每|单)(年|季度|季|月|周|星期)/.exec(spec.zh) ?? /\/(年|季度|季|月|周)$/.exec(spec.unit ?? '');
  return m ? stretchOf(m[1]) : undefined;
}

/**
 * A number of money or time in another unit than the fact's, converted where that is exact
 * (150000元 for a fact in 万元: 15; 150分钟 for one in 小时: 2.5) — "leave the unit out" would
 * have the clerk write 150000 万元 — else told to convert (60天 for one in 个月; 30天 for one in
 * 个工作日); a count with a multiplier (counted). Undefined where the unit is the fact's own (or
 * the same, 万 for 万元), or a count's classifier (次, 名, 个). `value`: the number as the clerk
 * wrote it (三 for 三万人), shown in the fix.
 */
function otherUnit(n: string, unit: string, spec: FactSpec, value = n): Hint | undefined {
  // 六成: tenths, a percentage's ten; for anything else not a unit at all.
  if (unit === '成') {
    const fixed = spec.unit === '%' ? scaled(n, 10, false) : undefined;
    return fixed === undefined ? hint('input.fix.unitOther', { unit, to: spec.unit ?? '', toEn: spec.unit_en ?? spec.unit ?? '' }) : hint('input.fix.unitConvert', { unit, to: '%', toEn: '%', value, fixed });
  }
  const scale = spec.unit === undefined ? undefined : SCALES[spec.unit];
  if (!scale) return counted(n, unit, spec, value);
  const factor = scale[unit.toLowerCase()];
  if (factor === 1) return undefined;
  const to = spec.unit!;
  const toEn = spec.unit_en ?? to;
  const fixed = factor === undefined ? undefined : scaled(n, factor, spec.type === 'integer');
  return fixed === undefined ? hint('input.fix.unitOther', { unit, to, toEn }) : hint('input.fix.unitConvert', { unit, to, toEn, value, fixed });
}

/**
 * A count with a multiplier before its classifier: 1.2万 (or 1.2万人) is 12000, 3千人 3000 — not
 * 1.2 and 3. Undefined for a classifier alone (5人), which is only left out.
 */
function counted(n: string, unit: string, spec: FactSpec, value = n): Hint | undefined {
  const m = /^(万|千|百|亿|k|w)([\p{Script=Han}]{0,3})$/iu.exec(unit);
  if (!m) return undefined;
  const to = spec.unit ?? '';
  const fixed = scaled(n, MULTIPLIERS[m[1].toLowerCase()], spec.type === 'integer');
  return fixed === undefined ? hint('input.fix.unitOther', { unit, to, toEn: spec.unit_en ?? to }) : hint('input.fix.unitConvert', { unit, to, toEn: spec.unit_en ?? to, value, fixed });
}

const MULTIPLIERS: Record<string, number> = { 万: 1e4, w: 1e4, 千: 1e3, k: 1e3, 百: 100, 亿: 1e8 };

/** Units of money and time, by the fact's unit: what one of each other unit a clerk writes is in it. */
const SCALES: Record<string, Record<string, number>> = {
  万元: { 万元: 1, 万: 1, w: 1, 元: 1e-4, 块: 1e-4, 块钱: 1e-4, 千元: 0.1, 千: 0.1, k: 0.1, 百万元: 100, 百万: 100, 亿元: 1e4, 亿: 1e4 },
  '元/月': { '元/月': 1, 元每月: 1, 元: 1, 块: 1, '元/人/月': 1, '元/人·月': 1, 千元: 1e3, 千: 1e3, k: 1e3, 万元: 1e4, 万: 1e4, w: 1e4 },
  小时: { 小时: 1, 个小时: 1, 时: 1, 钟头: 1, 个钟头: 1, h: 1, hr: 1, hrs: 1, hours: 1, 分钟: 1 / 60, 分: 1 / 60, min: 1 / 60, mins: 1 / 60 },
  天: { 天: 1, 日: 1, d: 1, days: 1 },
  个月: { 个月: 1, 月: 1, months: 1, 年: 12 },
  个工作日: { 个工作日: 1, 工作日: 1 },
  周岁: { 周岁: 1, 岁: 1 },
};

/** `n` × `factor` where it comes out exact to 4 decimals (and whole where `whole`), as the clerk would type it. */
function scaled(n: string, factor: number, whole: boolean): string | undefined {
  const exact = Number(n) * factor;
  const shown = Number(exact.toFixed(4));
  if (Math.abs(shown - exact) > 1e-9 * Math.max(1, Math.abs(exact))) return undefined;
  if (whole && !Number.isInteger(shown)) return undefined;
  return String(shown);
}

/** Words after a number that are its unit: the fact's own, or a few letters or characters (次, 万元, km). */
function isUnit(unit: string, spec: FactSpec): boolean {
  return unit === spec.unit || /^[\p{Script=Han}a-zA-Z/]{1,6}$/u.test(unit);
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105 (below 1,000); undefined for what isn't one number. */
export function chineseNumber(s: string): number | undefined {
  const m = /^(?:([一二两三四五六七八九])百)?(零|〇)?(?:([一二两三四五六七八九])?(十))?([零〇一二两三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, hundreds, zero, tens, ten, ones] = m;
  // 二三 or 〇〇 are digits read one by one, not a number written in words: left alone.
  if (!hundreds && !ten && s.length > 1) return undefined;
  // 一百五 is 150, as it is said (一百零五 is 105).
  if (hundreds && !zero && !ten && ones) return DIGITS[hundreds] * 100 + DIGITS[ones] * 10;
  return (hundreds ? DIGITS[hundreds] * 100 : 0) + (ten ? (tens ? DIGITS[tens] : 1) * 10 : 0) + (ones ? DIGITS[ones] : 0);
}

/** A value that is not text where a number goes: a fraction for a count, a number out of range, a yes-no, a list or an object. */
function numberValueHint(v: unknown, spec: FactSpec, inCell: boolean): Hint | undefined {
  if (typeof v === 'number') {
    if (spec.type === 'integer' && !Number.isInteger(v)) return hint('input.fix.wholeNumber', { below: String(Math.floor(v)), above: String(Math.ceil(v)) });
    if (spec.minimum !== undefined && v < spec.minimum) return spec.minimum === 0 ? hint('input.fix.notNegative') : hint('input.fix.atLeast', { min: spec.minimum });
    if (spec.maximum !== undefined && v > spec.maximum) return hint('input.fix.atMost', { max: spec.maximum });
    return undefined;
  }
  if (typeof v === 'boolean') return hint('input.fix.numberNotYesNo', { inCell });
  if (v !== null && typeof v === 'object') return hint('input.fix.oneNumber');
  return undefined;
}

function invisibleOrQuotes(raw: string, s: string, inCell = false): Hint {
  return hasInvisible(raw) ? invisibleHint(raw) : quotes(s, inCell);
}

/** A number written as text: in a file, without its quotes; in a cell (formatted 文本), typed again in a number format. */
function quotes(fixed: string, inCell: boolean): Hint {
  return inCell ? hint('input.fix.textNumberCell', { fixed }) : hint('input.fix.removeQuotes', { fixed });
}

/**
 * A mapping that YAML read as one string because its colon was full-width (`key：3`) or had no
 * space after it (`key:3`): the file parses, and only the type says something is wrong.
 */
export function keyValueHint(v: unknown): Hint | undefined {
  if (typeof v !== 'string') return undefined;
  const wide = /^([A-Za-z_$][\w$.-]*)\s*：\s*([^：]*)$/.exec(v.trim());
  if (wide) return hint('input.fix.fullwidthColon', { fixed: `${wide[1]}: ${wide[2]}`.trimEnd() });
  const tight = /^([A-Za-z_$][\w$.-]*):([^\s:][^:]*)$/.exec(v.trim());
  if (tight) return hint('input.fix.colonSpace', { fixed: `${tight[1]}: ${tight[2]}` });
  return undefined;
}

/** 是/否/有/无/√/× (and 1/0) for a yes-no fact; in a workbook's cell, 是 or 否. Anything else: what a yes-no is written as. */
function booleanHint(v: unknown, inCell: boolean): Hint | undefined {
  // A value from the file may be an object whose toString is not a function ({"toString": {}}): String() of it throws.
  const word = typeof v === 'string' ? v.trim() : v !== null && typeof v === 'object' ? shown(v).shown : String(v);
  const s = typeof v === 'string' ? cleaned(halfwidth(v)) : v === 1 ? '1' : v === 0 ? '0' : undefined;
  const yes = s === undefined ? null : (yesNoOf(s) ?? notedYesNo(s));
  if (inCell) return hint('input.fix.booleanCell', { word, yes });
  if (yes !== null) return hint('input.fix.boolean', { word, fixed: String(yes) });
  return typeof v === 'string' && hasInvisible(v) ? invisibleHint(v) : hint('input.fix.booleanWords');
}

function yesNoOf(word: string): boolean | null {
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : doneOrNot(word);
}

/**
 * A deed done or not, in the words of a 台账: 已制定并印发, 已出台, 已建成 (yes); 未制定, 尚未建立,
 * 暂未出台 (no). Not where the words hedge: 已完成80%, 已部分落实, 未全部完成 — those are for the
 * clerk to judge.
 */
function doneOrNot(word: string): boolean | null {
  const m = /^(已经|已|未|尚未|暂未|还未|没有|没)([\p{Script=Han}]{1,8})$/u.exec(word);
  if (!m || /部分|全部|基本|大部|一部|尚|未|不|没|否|正在|待|拟|计划/.test(m[2])) return null;
  return m[1].startsWith('已');
}

/**
 * A yes or no with a note after it — 是（已建立）, 否，正在筹建, 有 见附件 — is its word (the note
 * goes in the evidence); but not the choice left as it was offered (是 否, 是、否), whose note
 * starts with the other word.
 */
function notedYesNo(s: string): boolean | null {
  const m = NOTED.exec(s);
  if (!m) return null;
  const yes = yesNoOf(m[1]);
  const next = /^[^\s(（,，;；:：、/]+/.exec(m[2])?.[0];
  return yes !== null && next !== undefined && yesNoOf(next) === !yes ? null : yes;
}
const NOTED = /^([^\s(（,，;；:：、/]+)[\s(（,，;；:：、/]+(.*)$/s;

/** 2023年5月1日, 2023/5/1, 2023.5.1, 2023-5-1, or an Excel serial number (45047). */
function dateHint(v: unknown): Hint | undefined {
  if (typeof v === 'number') {
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); 20000–80000 is 1954–2119.
    if (Number.isInteger(v) && v >= 20000 && v <= 80000) {
      return hint('input.fix.excelSerial', { fixed: new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10) });
    }
    return undefined;
  }
  if (typeof v !== 'string') return undefined;
  const s = oneSpace(cleaned(halfwidth(v)));
  // 2023年5月1日 (号), 2023/5/1, 2023.5.1, 2023-5-1, 20230501; with a time after it (2023-05-01 10:00).
  const m = /^(\d{4})\s*(?:年|\/|\.|-)\s*(\d{1,2})\s*(?:月|\/|\.|-)\s*(\d{1,2})\s*[日号]?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymdHint(m[1], m[2], m[3], v, s);
  // 5/1/2023: the year last, the day and month in either order; read where one of them is past 12.
  const last = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (last) {
    const [a, b] = [Number(last[1]), Number(last[2])];
    if (a > 12 && b <= 12) return ymdHint(last[3], last[2], last[1], v, s);
    if (b > 12 && a <= 12) return ymdHint(last[3], last[1], last[2], v, s);
    return hint('input.fix.dateOrder', { word: v.trim() });
  }
  // 2023年5月, 2023-05: the day is missing.
  const month = /^(\d{4})\s*(?:年|\/|\.|-)\s*(\d{1,2})\s*月?$/.exec(s);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return hint('input.fix.dateDay', { month: `${month[1]}-${month[2].padStart(2, '0')}` });
  if (/^\d{5}$/.test(s)) return dateHint(Number(s));
  return hint('input.fix.dateForm');
}

/** A date's year, month and day as written (`v`, `s` cleaned): the date to type, or that there is no such day (2023-02-30). */
function ymdHint(year: string, month: string, day: string, v: string, s: string): Hint {
  const fixed = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (Number(month) < 1 || Number(month) > 12) return hint('input.fix.dateForm');
  if (!isCalendarDate(fixed)) return hint('input.fix.noSuchDate', { year, month: String(Number(month)), day: String(Number(day)) });
  // The form already, with invisible characters or spaces around it.
  if (s === fixed && hasInvisible(v)) return invisibleHint(v);
  return hint('input.fix.date', { fixed });
}

export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A half year (2023年上半年, 2023H2, 2023年1-6月): there is no such period, and which quarters
 * make it up is the fix. undefined for anything else.
 */
export function halfYearOf(v: unknown): { year: string; half: 1 | 2 } | undefined {
  if (typeof v !== 'string') return undefined;
  const s = oneSpace(cleaned(halfwidth(v)));
  let m = /^(\d{4})\s*年?\s*(?:度\s*)?([上下])\s*半\s*年度?$/.exec(s);
  if (m) return { year: m[1], half: m[2] === '上' ? 1 : 2 };
  m = /^(\d{4})\s*[-/._]?\s*[hH]\s*([12])$/.exec(s);
  if (m) return { year: m[1], half: m[2] === '1' ? 1 : 2 };
  m = /^(\d{4})\s*年?\s*(0?1|0?7)\s*(?:月)?\s*(?:-|~|～|至|到|—|–)\s*(0?6|12)\s*月份?$/.exec(s);
  if (m && Number(m[3]) - Number(m[2]) === 5) return { year: m[1], half: Number(m[2]) === 1 ? 1 : 2 };
  return undefined;
}

/** A period as the clerk may have written it (2023年, 2023年第二季度, 2023/5), rewritten; null if not recognised. */
export function periodFix(v: unknown): string | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = oneSpace(cleaned(halfwidth(String(v))));
  const q = { 一: 1, 二: 2, 三: 3, 四: 4 } as Record<string, number>;
  // 2023年, 2023年度, 2023全年
  let m = /^(\d{4})\s*(?:年度?|年?\s*全年)?$/.exec(s);
  if (m) return m[1];
  // 二〇二三年, 二零二三年度; 23年 (this century).
  m = /^([〇零一二三四五六七八九]{4})\s*年度?$/.exec(s);
  if (m) return [...m[1]].map((c) => DIGITS[c]).join('');
  m = /^(\d{2})\s*年度?$/.exec(s);
  if (m) return `20${m[1]}`;
  m = /^(\d{4})\s*(?:(?:年度?)?\s*(?:第)?\s*([1-4一二三四])\s*季度?|\s*(?:年度?)?\s*[-/._]?\s*[qQ]\s*([1-4]))$/.exec(s);
  if (m) return `${m[1]}-Q${m[2] ? (q[m[2]] ?? m[2]) : m[3]}`;
  m = /^(\d{4})\s*(?:年|\/|\.|-)\s*(\d{1,2})\s*(?:月份?)?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2].padStart(2, '0')}`;
  // 2023年十二月, 2023年一月份: the month in Chinese numerals.
  m = /^(\d{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月份?$/.exec(s);
  const month = m ? chineseNumber(m[2]) : undefined;
  if (month !== undefined && month >= 1 && month <= 12) return `${m![1]}-${String(month).padStart(2, '0')}`;
  // 2023年4-6月, 2023.1-2023.12: the months of a quarter, or of the whole year (not 2023-1-12, a date).
  m = /^(\d{4})\s*(?:年|\.|\/)?\s*(\d{1,2})\s*月?\s*(?:-|~|～|至|到|—|–)\s*(?:(\d{4})\s*(?:年|\.|-|\/)\s*)?(\d{1,2})\s*(?:月份?)?$/.exec(s);
  if (m && (m[3] === undefined || m[3] === m[1])) {
    const [from, to] = [Number(m[2]), Number(m[4])];
    if (from === 1 && to === 12) return m[1];
    if (to - from === 2 && from % 3 === 1) return `${m[1]}-Q${(from + 2) / 3}`;
  }
  return null;
}
