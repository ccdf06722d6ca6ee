import { batch } from './sections/batch.js';
import { cli } from './sections/cli.js';
import { diff } from './sections/diff.js';
import { evidence } from './sections/evidence.js';
import { input } from './sections/input.js';
import { io } from './sections/io.js';
import { pdf } from './sections/pdf.js';
import { period } from './sections/period.js';
import { reasons } from './sections/reasons.js';
import { report } from './sections/report.js';
import { xlsx } from './sections/xlsx.js';
import type { Lang, Message } from './types.js';

/**
 * Every word weibao prints, in zh and en, from one place. Each section is one file of
 * sections/ (ids prefixed with the section's name, so sections never collide; a test checks).
 */
export const SECTIONS = { batch, cli, diff, evidence, input, io, pdf, period, reasons, report, xlsx } as const;

type Zh = typeof batch.zh & typeof cli.zh & typeof diff.zh & typeof evidence.zh & typeof input.zh & typeof io.zh & typeof pdf.zh & typeof period.zh & typeof reasons.zh & typeof report.zh & typeof xlsx.zh;

export type MessageId = keyof Zh & string;
/** The data a message takes (none for fixed words). */
export type MessageData<K extends MessageId> = Zh[K] extends (data: infer D) => string ? D : undefined;

const TABLES: Record<Lang, Record<string, Message>> = { zh: {}, en: {} };
for (const section of Object.values(SECTIONS)) {
  Object.assign(TABLES.zh, section.zh);
  Object.assign(TABLES.en, section.en);
}

/** The words of message `id` in `lang`, filled in from `data`. */
export function t<K extends MessageId>(lang: Lang, id: K, ...data: MessageData<K> extends undefined ? [] : [MessageData<K>]): string {
  const m = TABLES[lang][id];
  return typeof m === 'function' ? m(data[0]) : m;
}

/** Whether `id` names a message (for ids that arrive as data, e.g. an error's code). */
export function hasMessage(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(TABLES.zh, id);
}
