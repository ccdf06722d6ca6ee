import { plural } from '../plural.js';
import { defineSection } from '../types.js';

/** What a value is, in words (after "got …"). */
/** `项目 "x" 的规则` / `item "x": ` before a rule's problem, where the item is known. */
const zhItem = (item?: string) => (item ? `项目 ${JSON.stringify(item)} 的规则` : '规则');
const enItem = (item?: string) => (item ? `item ${JSON.stringify(item)}: ` : '');

export type ValueKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
/** What a JSON parser wanted where it stopped. */
export type JsonWant = 'value' | 'key' | 'colon' | 'commaBrace' | 'commaBracket' | 'end' | 'quote' | 'escape' | 'number';

/** Characters a message names (invisible ones shown as ⍽, control ones refused). */
/** What a file given in a facts file's place is instead (source/sniff.ts). */
export type OtherKind = 'word' | 'presentation' | 'ofd' | 'zip' | 'oldOffice' | 'pdf' | 'image' | 'csv';

export type CharKind = 'nbsp' | 'ideographicSpace' | 'zeroWidth' | 'bom' | 'control' | 'lineSeparator' | 'bidi' | 'surrogate';
const ZH_CHAR: Record<CharKind, string> = {
  nbsp: '不换行空格 U+00A0',
  ideographicSpace: '全角空格 U+3000',
  zeroWidth: '零宽字符',
  bom: '字节顺序标记 U+FEFF',
  control: '控制字符',
  lineSeparator: '行分隔符',
  bidi: '文字方向标记',
  surrogate: '不成对的代理字符，不是合法的 Unicode 文本',
};
const EN_CHAR: Record<CharKind, string> = {
  nbsp: 'no-break space U+00A0',
  ideographicSpace: 'full-width space U+3000',
  zeroWidth: 'zero-width character',
  bom: 'byte order mark U+FEFF',
  control: 'control character',
  lineSeparator: 'line separator',
  bidi: 'text direction mark',
  surrogate: 'unpaired surrogate, not valid Unicode text',
};

export interface Got {
  /** The value as the file holds it, quoted and clipped, invisible characters shown as ⍽. */
  shown: string;
  kind: ValueKind;
}
export interface FactAt {
  /** The fact's name (its key under facts). */
  name: string;
  /** Its description, in each language (the vocabulary's zh and en). */
  zh: string;
  en: string;
}
/** What a fact must hold: the vocabulary's type and range, worded per language. */
export interface Expect {
  type: 'integer' | 'number' | 'boolean' | 'date' | 'string' | 'enum';
  minimum?: number;
  maximum?: number;
  unit?: string;
  unitEn?: string;
  values?: string[];
  /** The value stands in a workbook's cell, where a yes-no is typed 是 or 否 (source/xlsx/facts.ts). */
  cell?: boolean;
}

const ZH_YAML: Record<string, string> = {
  BAD_INDENT: '缩进不对',
  BLOCK_AS_IMPLICIT_KEY: '这一行不是“键: 值”的写法（键后应有半角冒号和一个空格）',
  MULTILINE_IMPLICIT_KEY: '这一行不是“键: 值”的写法（键后应有半角冒号和一个空格）',
  MISSING_CHAR: '缺少字符（冒号、引号或括号）',
  UNEXPECTED_TOKEN: '此处有多余的字符',
  BAD_SCALAR_START: '值不能以这个字符开头，请给值加引号',
  BLOCK_IN_FLOW: '方括号或花括号之内不能换行写成块',
  BAD_DQ_ESCAPE: '双引号字符串中有不合法的转义',
  TAG_RESOLVE_FAILED: '类型标记与值不符',
  BAD_ALIAS: '别名（*名称）写法不对',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
  BAD_DIRECTIVE: '以 % 开头的指令写法不对',
  UNEXPECTED_END: '文件意外结束',
};

const ZH_KIND: Record<ValueKind, string> = { string: '文本', number: '数字', boolean: '布尔值', object: '对象', array: '数组', null: '空值' };
const ZH_WANT: Record<JsonWant, string> = {
  value: '一个 JSON 值',
  key: '用双引号括起的键',
  colon: '冒号 ":"',
  commaBrace: '逗号 "," 或 "}"',
  commaBracket: '逗号 "," 或 "]"',
  end: '文件结束',
  quote: '右双引号 "',
  escape: '合法的转义（\\n、\\t、\\"、\\uXXXX …）',
  number: 'JSON 数字',
};
const EN_WANT: Record<JsonWant, string> = {
  value: 'a JSON value',
  key: 'a key in double quotes',
  colon: '":"',
  commaBrace: '"," or "}"',
  commaBracket: '"," or "]"',
  end: 'end of file',
  quote: 'a closing "',
  escape: 'a valid JSON escape',
  number: 'a JSON number',
};

function zhExpect(e: Expect): string {
  const unit = e.unit ? `（${e.unit}）` : '';
  switch (e.type) {
    case 'integer':
    case 'number': {
      const word = e.type === 'integer' ? '整数' : '数';
      const range =
        e.minimum !== undefined && e.maximum !== undefined
          ? `${e.minimum} 到 ${e.maximum} 之间的`
          : e.minimum !== undefined
            ? `≥ ${e.minimum} 的`
            : e.maximum !== undefined
              ? `≤ ${e.maximum} 的`
              : '';
      return `${range}${word}${unit}`;
    }
    case 'boolean':
      return e.cell ? '“是”或“否”' : ' true 或 false';
    case 'date':
      return '日期 YYYY-MM-DD';
    case 'enum':
      return `以下之一：${(e.values ?? []).join('、')}`;
    default:
      return '文本';
  }
}

function enExpect(e: Expect): string {
  const unit = e.unitEn ? ` (${e.unitEn})` : '';
  switch (e.type) {
    case 'integer':
    case 'number': {
      const word = e.type === 'integer' ? 'a whole number' : 'a number';
      const range =
        e.minimum !== undefined && e.maximum !== undefined
          ? ` from ${e.minimum} to ${e.maximum}`
          : e.minimum !== undefined
            ? ` ≥ ${e.minimum}`
            : e.maximum !== undefined
              ? ` ≤ ${e.maximum}`
              : '';
      return `${word}${range}${unit}`;
    }
    case 'boolean':
      return e.cell ? '是 (yes) or 否 (no)' : 'true or false';
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'enum':
      return `one of ${(e.values ?? []).join(', ')}`;
    default:
      return 'a string';
  }
}

const zhGot = (g: Got) => `${g.shown}（${ZH_KIND[g.kind]}）`;
const enGot = (g: Got) => `${g.shown} (${g.kind})`;
const zhFound = (c: string | null) => (c === null ? '文件结尾' : c === '"' ? '字符串' : JSON.stringify(c));
const enFound = (c: string | null) => (c === null ? 'end of file' : c === '"' ? 'string' : JSON.stringify(c));
const ZH_FILE_KIND: Record<OtherKind, string> = { word: ' Word 文档', presentation: '演示文稿（PPT）', ofd: ' OFD 版式文件', zip: '压缩包', oldOffice: '旧版 Office 文档', pdf: ' PDF 文件', image: '图片', csv: ' CSV 文件（逗号分隔的文本）' };
const EN_FILE_KIND: Record<OtherKind, string> = { word: 'a Word document', presentation: 'a presentation (PPT)', ofd: 'an OFD document', zip: 'a zip archive', oldOffice: 'an old Office document', pdf: 'a PDF file', image: 'an image', csv: 'a CSV file (comma-separated text)' };
const zhNear = (n: { near: string; zh?: string }) => `“${n.near}”${n.zh ? `（${n.zh}）` : ''}`;
const enNear = (n: { near: string; en?: string }) => `"${n.near}"${n.en ? ` (${n.en})` : ''}`;

/**
 * Messages of section `input` (ids prefixed `input.`): what is wrong with a facts file, and the
 * fix. `input.fix.*` are the hints (what to type instead), printed on their own line.
 */
export const input = defineSection({
  zh: {
    'input.label.error': '错误',
    'input.label.warning': '警告',
    'input.label.fix': '改为',
    'input.label.invalid': 'weibao：输入无效',
    'input.label.at': ({ pointer }: { pointer: string }) => `（位置 ${pointer}）`,
    'input.label.expected': '应为',
    'input.label.more': ({ n }: { n: number }) => `另有 ${n} 个问题未列出`,
    'input.expect': ({ expect }: { expect: Expect }) => zhExpect(expect).trim(),

    // ── Reading the bytes ──
    'input.empty': '文件是空的',
    'input.notUtf8': ({ encoding }: { encoding: string | null }) => `文件不是 UTF-8 文本${encoding ? `（看来是 ${encoding} 编码）` : ''}`,
    'input.notFacts': ({ kind }: { kind: OtherKind }) => `这是${ZH_FILE_KIND[kind]}，不是事实文件`,

    // ── JSON syntax ──
    'input.json.unexpected': ({ found, want }: { found: string | null; want: JsonWant }) => `此处不应出现${zhFound(found)}，应为${ZH_WANT[want]}`,
    'input.json.unexpectedAfterKey': ({ found, key }: { found: string | null; key: string }) => `键 ${JSON.stringify(key)} 之后不应出现${zhFound(found)}，应为冒号 ":"`,
    'input.json.missingComma': ({ found, inArray }: { found: string | null; inArray: boolean }) => `${inArray ? '数组' : '对象'}中此处不应出现${zhFound(found)}（前面是否少了逗号？）`,
    'input.json.afterEnd': ({ found }: { found: string | null }) => `文档结束之后不应再有内容（${zhFound(found)}）`,
    'input.json.duplicateKey': ({ key, line, column }: { key: string; line: number; column: number }) => `键 ${JSON.stringify(key)} 重复（第一次出现在第 ${line} 行第 ${column} 列）`,
    'input.json.comment': 'JSON 不允许注释',
    'input.json.trailingComma': '最后一项之后多了一个逗号（JSON 不允许）',
    'input.json.singleQuote': 'JSON 的字符串和键要用双引号 "，不能用单引号',
    'input.json.fullwidth': ({ char }: { char: string }) => `此处是全角标点 ${JSON.stringify(char)}，JSON 只认半角标点`,
    'input.json.unterminatedString': '字符串没有结束（缺少右双引号 "）',
    'input.json.controlInString': '字符串中有控制字符（如换行、Tab）',
    'input.json.invalidEscape': '字符串中有不合法的转义',
    'input.json.invalidNumber': '数字格式不对',
    'input.json.numberTooLarge': ({ text }: { text: string }) => `数字 ${text} 太大`,
    'input.json.numberTooSmall': ({ text }: { text: string }) => `数字 ${text} 太小，无法表示（会变成 0）`,
    'input.json.unsafeInteger': ({ text }: { text: string }) => `整数 ${text} 超出可精确表示的范围（±9007199254740991），读入后会被改动`,
    'input.tooDeep': ({ max }: { max: number }) => `嵌套超过 ${max} 层`,
    'input.tooManyKeys': ({ max }: { max: number }) => `键的总数超过 ${max} 个`,
    'input.tooManyAliases': ({ max }: { max: number }) => `别名展开次数过多（超过 ${max} 次）`,

    // ── YAML syntax ──
    'input.yaml.tab': 'YAML 的缩进不能用 Tab 键',
    'input.yaml.indent': ({ spaces }: { spaces: number }) => `缩进不对：此行缩进 ${spaces} 个空格，与上下同级的行对不齐`,
    'input.yaml.fullwidthColon': '键后面是全角冒号“：”，YAML 只认半角冒号',
    'input.yaml.colonSpace': '冒号后面缺少空格',
    'input.yaml.duplicateKey': ({ key, line, column }: { key: string; line: number; column: number }) => `键 ${JSON.stringify(key)} 重复（第一次出现在第 ${line} 行第 ${column} 列）`,
    'input.yaml.complexKey': '键必须是简单的名称（不能是列表或对象）',
    'input.yaml.tag': ({ tag }: { tag: string }) => `不支持 YAML 类型标记 ${tag}`,
    'input.yaml.multipleDocs': '文件中有不止一个 YAML 文档（出现了第二个 “---”）',
    'input.yaml.unclosedQuote': '引号没有闭合',
    'input.yaml.syntax': ({ code }: { code: string; text: string }) => `YAML 语法错误：${ZH_YAML[code] ?? code}`,
    'input.yaml.unknownAlias': '引用了没有定义的别名（*名字 之前没有 &名字）',

    // ── The document and its envelope ──
    'input.document': ({ kind }: { kind: ValueKind }) => `整个文档是${ZH_KIND[kind]}，应为含有 facts 的对象`,
    'input.unknownKey': ({ key }: { key: string }) => `未知的顶层键 ${JSON.stringify(key)}（可用：standard、area、period、facts、evidence）`,
    'input.unknownAreaKey': ({ key }: { key: string }) => `area 下未知的键 ${JSON.stringify(key)}（可用：name、code）`,
    'input.missingFacts': '缺少 facts（填报的事实）',
    'input.isReport': '这是 assess 生成的报告（有 schemaVersion，没有 facts），不是填报的事实文件',
    'input.isCsvReport': '这是 assess 生成的 CSV 报告，不是填报的事实文件',
    'input.blank': '什么都没有填写：地区名称、期间和所有事实都是空的（像是 assess init 生成的空白模板），不作为一个地区评估',
    'input.wrongType': ({ pointer, want, got }: { pointer: string; want: ValueKind[]; got: Got }) => `${pointer}：应为${want.map((k) => ZH_KIND[k]).join('或')}，实际为 ${zhGot(got)}`,
    'input.schema': ({ pointer, text, got }: { pointer: string; text: string; got: Got | null }) => `${pointer || '（顶层）'}：不符合格式（${text}）${got ? `，实际为 ${zhGot(got)}` : ''}`,
    'input.areaNameEmpty': 'area.name（街道/镇名称）是空的',
    'input.areaNameSpaces': ({ got }: { got: Got }) => `area.name（街道/镇名称）首尾有空格：${got.shown}`,
    'input.areaNameInvisible': ({ got }: { got: Got }) => `area.name（街道/镇名称）含有看不见的字符：${got.shown}`,
    'input.areaCode': ({ got }: { got: Got }) => `area.code（行政区划代码）应为文本（加引号），实际为 ${zhGot(got)}`,
    'input.period': ({ got }: { got: Got }) => `period（期间）应为 2023、2023-Q2 或 2023-05 这样的写法，实际为 ${zhGot(got)}`,
    'input.standardEmpty': 'standard 是空的',
    'input.periodYear': ({ got, standard, span }: { got: string; standard: string; span: string }) => `period（期间）${JSON.stringify(got)} 不在标准 ${standard} 的年度（${span} 年）内`,
    'input.control': ({ pointer, code, kind }: { pointer: string; code: string; kind: CharKind }) => `${pointer || '（顶层）'}：含有控制字符 ${code}（${ZH_CHAR[kind]}）`,
    'input.nonFinite': ({ pointer, got }: { pointer: string; got: Got }) => `${pointer}：应为有限的数，实际为 ${zhGot(got)}`,
    'input.fact': (d: FactAt & { expect: Expect; got: Got }) => `facts.${d.name}（${d.zh}）：应为${zhExpect(d.expect)}，实际为 ${zhGot(d.got)}`,
    'input.unknownFact': ({ name }: { name: string }) => `未知的事实 ${JSON.stringify(name)}（不在本标准的事实清单中，不会被读取）`,
    'input.moreUnknownFacts': ({ n }: { n: number }) => `另有 ${n} 个未知的事实`,
    'input.evidence': ({ pointer, text }: { pointer: string; text: string }) => `${pointer}：证明材料的写法不对（${text}）`,

    'input.template.negativeItem': '负面工作清单项',
    'input.template.title': ({ title, ref }: { title: string; ref: string }) => `${title}（${ref}）事实填报模板`,
    'input.template.schema': ({ ref, file }: { ref: string; file: string }) => `生成校验用的 JSON Schema：assess schema --standard ${ref} > ${file}`,
    'input.template.empty': '每个值留空（null）表示尚未掌握：读取它的工作标准将报告为“缺少事实”。',
    'input.template.areaName': '街道（镇）名称',
    'input.template.areaCode': '行政区划代码（可选，加引号）',
    'input.template.period': ({ year }: { year: number }) => `例如 ${year}、${year}-Q2 或 ${year}-05（须在标准的年度内）`,
    'input.template.fact': ({ type, unit, expected, readBy }: { type: string; unit: string | null; expected: string; readBy: string[] }) => `${type}${unit ? `，单位：${unit}` : ''}；${expected}；用于：${readBy.join('、')}`,
    'input.template.evidence': '证明材料：事实路径 → 数据包内的文件（会议纪要、活动记录、台账 …）',
    'input.template.comment': '每个事实的说明（本键可删除，不影响评估）',
    // ── What to type instead ──
    'input.fix.utf8': '请用 UTF-8 保存：在记事本或 WPS 中“另存为”，编码选 UTF-8',
    'input.fix.jsonComment': '删除注释；需要注释时可改用 YAML（facts.yaml 中 # 之后是注释）',
    'input.fix.trailingComma': '删除最后一项后面的逗号',
    'input.fix.tooDeep': '少嵌套几层：删去多余的 [ ]、{ } 或缩进层级（事实的值是数字、是/否、文字，或它们的列表）',
    'input.fix.doubleQuotes': ({ fixed }: { fixed: string }) => `改用双引号：${fixed}`,
    'input.fix.halfwidth': ({ char, fixed }: { char: string; fixed: string }) => `全角“${char}”请改为半角“${fixed}”`,
    'input.fix.comma': '在前一项之后加逗号 ","',
    'input.fix.quoteEnd': '在字符串末尾补上双引号 "',
    'input.fix.colon': ({ key }: { key: string }) => `在 ${key} 后加半角冒号：${key}: 值`,
    'input.fix.closeFlow': ({ closer }: { closer: string }) => `在这一项的末尾补上“${closer}”（与前面的括号配对）`,
    'input.fix.yamlQuote': '值以 @、` 等符号开头时，把值放进引号里，如 "@新泾镇"',
    'input.fix.yamlOneKey': '一行只写一个“键: 值”；值里有冒号时，把值放进引号里',
    'input.fix.yamlSyntax': '每行写作“键: 值”（半角冒号后加一个空格），同级的键左端对齐，缩进只用空格',
    'input.fix.yamlAlias': '先用 &名字 定义，再用 *名字 引用；或直接写出值',
    'input.fix.yamlAliases': '直接写出每个值，不用 &名字 和 *名字 层层引用',
    'input.fix.extraCloser': ({ found }: { found: string }) => `删除多余的“${found}”`,
    'input.fix.afterEnd': '删除文档结束之后的内容（一个文件只写一个地区的事实）',
    'input.fix.wrongCloser': ({ found, fixed }: { found: string; fixed: string }) => `把“${found}”改为“${fixed}”（与前面的括号配对）`,
    'input.fix.missingValue': '在冒号后填上值；没有就写 null',
    'input.fix.extraComma': '删除多余的逗号',
    'input.fix.extraColon': '删除多余的冒号',
    'input.fix.numberForm': ({ fixed }: { fixed: string }) => `数字写作 ${fixed}`,
    'input.fix.jsonSyntax': '检查这一处前后的括号、引号和逗号是否成对；JSON 的写法很严格，也可以改用 YAML（facts.yaml）填写',
    'input.fix.truncated': ({ closers }: { closers: string }) => `文件没有写完（可能没有保存完整）：补全后面的内容，并以 ${closers} 结尾；或重新保存、导出这个文件`,
    'input.fix.escape': '换行写作 \\n，Tab 写作 \\t，反斜杠写作 \\\\',
    'input.fix.escapePath': ({ fixed }: { fixed: string }) => `路径用 / 分隔：${JSON.stringify(fixed)}（双引号里的反斜杠要写作 \\\\）`,
    'input.fix.yamlEscape': '双引号里的反斜杠要写作 \\\\（换行写作 \\n）；或改用单引号，单引号里的反斜杠照原样',
    'input.fix.yamlTab': '把行首的 Tab 换成空格（每级缩进 2 个空格）',
    'input.fix.yamlIndent': ({ spaces }: { spaces: number }) => `改为缩进 ${spaces} 个空格，与同级的键对齐`,
    'input.fix.colonSpace': ({ fixed }: { fixed: string }) => `冒号后加一个空格：${fixed}`,
    'input.fix.fullwidthColon': ({ fixed }: { fixed: string }) => `全角冒号“：”请改为半角冒号加空格：${fixed}`,
    'input.fix.closeQuote': '补上右引号，或去掉左引号',
    'input.fix.removeTag': ({ fixed }: { fixed: string }) => `去掉类型标记，直接写值：${fixed}`,
    'input.fix.removeDuplicate': '删除其中一个（每个键只能出现一次）',
    'input.fix.oneDocument': '删除第二个 “---” 及其后的内容，每个文件只填一个地区',
    'input.fix.didYouMean': (n: { near: string; zh?: string; en?: string }) => `是否应为 ${zhNear(n)}？`,
    'input.fix.factByWords': ({ name, words }: { name: string; words: string }) => `“${words}”是事实的说明，键应写事实名 “${name}”`,
    'input.fix.ungroup': ({ name }: { name: string }) => `事实不分组：把“${name}”里的各项直接写在 facts 下`,
    'input.fix.fullwidthDigits': ({ fixed }: { fixed: string }) => `全角数字请改为半角 ${fixed}`,
    'input.fix.removeQuotes': ({ fixed }: { fixed: string }) => `去掉引号，写作 ${fixed}`,
    'input.fix.textNumberCell': ({ fixed }: { fixed: string }) => `单元格是文本格式：在 Excel 或 WPS 中把单元格格式改为“常规”，再重新输入 ${fixed}`,
    'input.fix.boolean': ({ word, fixed }: { word: string; fixed: string }) => `“${word}”请写作 ${fixed}（是/有 写 true，否/无 写 false）`,
    'input.fix.booleanWords': '是/有 写 true，否/无 写 false（不加引号）',
    'input.fix.booleanCell': ({ word, yes }: { word: string; yes: boolean | null }) => (yes === null ? '只填“是”或“否”' : `“${word}”请填写“${yes ? '是' : '否'}”`),
    'input.fix.dateInNumber': ({ inCell }: { inCell: boolean }): string => (inCell ? '这里是日期，应为数字：在 Excel 或 WPS 中把单元格格式改为“常规”，再填写数字' : '这里是日期，应为数字：改写为数字（不加引号）'),
    'input.fix.numberOnly': '只填数字，不带单位或文字',
    'input.fix.rate': ({ word, basis, fixed }: { word: string; basis: 'same' | 'year' | 'quarters' | 'other'; fixed?: string }) =>
      basis === 'same'
        ? `只填数字，写作 ${fixed}`
        : basis === 'quarters'
          ? `“${word}”是要求的频率：这里填年初至本期末实际做到的季度数（一个整数）`
          : `“${word}”是要求的频率：这里填${basis === 'year' ? '年初至本期末' : ''}实际开展的总次数（一个整数）`,
    'input.fix.exactNumber': ({ word, whole }: { word: string; whole: boolean }) => `“${word}”不是一个确切的数：按台账填实际的数（${whole ? '一个整数' : '一个数'}），不写“约”“以上”或范围`,
    'input.fix.thousands': ({ fixed }: { fixed: string }) => `去掉数字中的逗号（千位分隔符），写作 ${fixed}`,
    'input.fix.emptyText': ({ inCell }: { inCell: boolean }): string => (inCell ? '不填就清空这个单元格（计为缺少）' : '不填请写 null（不加引号）或删去这一行，计为缺少'),
    'input.fix.unknownValue': ({ word, inCell, count }: { word: string; inCell: boolean; count: boolean }) => `“${word}”：不知道或不适用${inCell ? '就空着不填' : '请写 null（不加引号）'}，计为缺少${count ? '；没有就填 0' : ''}`,
    'input.fix.noneIsZero': ({ word, inCell }: { word: string; inCell: boolean }) => `“${word}”请写作 0（不知道则${inCell ? '空着不填' : '写 null'}）`,
    'input.fix.wholeNumber': ({ below, above }: { below: string; above: string }) => `只填整数，如 ${below} 或 ${above}`,
    'input.fix.notNegative': '不能是负数：没有就填 0',
    'input.fix.atLeast': ({ min }: { min: number }) => `填写不小于 ${min} 的数`,
    'input.fix.atMost': ({ max }: { max: number }) => `填写不大于 ${max} 的数`,
    'input.fix.numberNotYesNo': ({ inCell }: { inCell: boolean }): string => (inCell ? '这里填数字（“是”“否”只用于是否类事实）' : '这里填数字（true、false 只用于是否类事实）'),
    'input.fix.oneNumber': '只填一个数字，不用 [ ] 或 { }',
    'input.fix.percentCell': ({ to }: { to: string; toEn: string }) => `这里的单位是“${to}”，不是百分比：在 Excel 或 WPS 中把单元格格式改为“常规”，再只填数字`,
    'input.fix.dateForm': '日期按“年-月-日”写，月和日各两位，如 2023-05-01',
    'input.fix.noSuchDate': ({ year, month, day }: { year: string; month: string; day: string }) => `${year} 年 ${month} 月没有 ${day} 日：按原始记录写实际的日期（年-月-日）`,
    'input.fix.dateOrder': ({ word }: { word: string }) => `“${word}”看不出哪个是月、哪个是日：按原始记录写作“年-月-日”，月和日各两位`,
    'input.fix.dateDay': ({ month }: { month: string }) => `日期要写到日：${month}-日（两位），按原始记录填`,
    'input.fix.chineseNumber': ({ word, fixed }: { word: string; fixed: string }) => `“${word}”请用阿拉伯数字写作 ${fixed}`,
    'input.fix.unit': ({ unit, fixed }: { unit: string; fixed: string }) => `数值中不要带单位“${unit}”，写作 ${fixed}`,
    'input.fix.unitConvert': ({ unit, to, value, fixed }: { unit: string; to: string; toEn: string; value: string; fixed: string }) =>
      `${to ? `这里的单位是“${to}”：` : ''}${value}${unit} 即 ${fixed}${to}，写作 ${fixed}`,
    'input.fix.unitOther': ({ unit, to }: { unit: string; to: string; toEn: string }) => (to ? `这里的单位是“${to}”，不是“${unit}”：换算成${to}后只写数字` : `不带“${unit}”：换算后只写数字`),
    'input.fix.percent': ({ fixed }: { fixed: string }) => `百分比不带 %，写作 ${fixed}`,
    'input.fix.date': ({ fixed }: { fixed: string }) => `日期请写作 ${fixed}（年-月-日，月和日各两位）`,
    'input.fix.excelSerial': ({ fixed }: { fixed: string }) => `这像是 Excel 的日期序号，请写作日期 ${fixed}`,
    'input.fix.invisible': ({ names }: { names: CharKind[] }) => `删除看不见的字符（上面显示为 ⍽：${names.map((n) => ZH_CHAR[n]).join('、')}）`,
    'input.fix.trim': ({ fixed }: { fixed: string }) => `去掉首尾的空格：${fixed}`,
    'input.fix.fillIn': '填写街道（镇）名称，例如 新泾镇',
    'input.fix.quoteCode': ({ fixed }: { fixed: string }) => `代码请加引号，写作文本：${fixed}`,
    'input.fix.period': ({ fixed }: { fixed: string | null }) => (fixed ? `写作 ${fixed}` : '全年写作 2023，季度写作 2023-Q2，月份写作 2023-05'),
    'input.fix.periodHalf': ({ year, half }: { year: string; half: 1 | 2 }) => `没有半年的周期：全年写作 ${year}，或按季度分开填报，${half === 1 ? `${year}-Q1 和 ${year}-Q2` : `${year}-Q3 和 ${year}-Q4`} 各一份`,
    'input.fix.periodYear': ({ year, span, periodYear }: { year: number; span: string; periodYear: number }) =>
      `写 ${span} 年的期间（如 ${year}、${year}-Q2、${year}-05）；若填的确是 ${periodYear} 年的数据，请用 --standard 选 ${periodYear} 年的标准（assess standards list 列出内置标准）`,
    'input.fix.number': ({ fixed }: { fixed: string }) => `写作数字 ${fixed}`,
    'input.fix.smallNumber': '写作 0，或写出实际要填的数（不用科学计数法）',
    'input.fix.bigNumber': '核对这个数是否多打了数字；确需这样长的编号请加引号写作文本',
    'input.fix.facts': '在顶层写 facts:，其下逐项填写事实（可用 assess init 生成模板）',
    'input.fix.document': '文件应是一个对象：顶层写 standard、area、period、facts（可用 assess init 生成模板）',
    'input.fix.unknownKey': '删除它；事实写在 facts 下，证明材料写在 evidence 下',
    'input.fix.areaShape': ({ fixed }: { fixed: string }) => `area 下写 name（名称）和 code（代码）：${fixed}`,
    'input.fix.quoteText': ({ fixed }: { fixed: string }) => `写成文字（加双引号）：${fixed}`,
    'input.fix.evidenceShape': 'evidence 下逐项写 事实名: [文件路径, …]',
    'input.fix.evidenceList': ({ fixed }: { fixed: string }) => `写成文件路径的列表：${fixed}`,
    'input.fix.standardShape': '写标准的 id@版本，如 changning-demo-street@2023（assess standards list 列出全部）',
    'input.fix.schemaKey': '$schema 写成文字（网址或路径），或删除这一行',
    'input.fix.isReport': '把报告移出要评估的目录（或用 --output 写到别处）；上一期的报告用 --baseline 给出',
    'input.fix.blank': '填写后再评估；若它只是空白模板，请把它移出要评估的目录',
    'input.fix.removeControl': '删除这个字符（从别处复制文字时常会带入）',
    'input.fix.enum': ({ values }: { values: string }) => `从以下取值中选一个：${values}`,

    // ── A standard: where it comes from (registry), what lint finds, rules that can't run ──
    'input.standard.twoAts': ({ ref }: { ref: string }) => `标准 ${JSON.stringify(ref)} 写法不对：只能有一个 "@"`,
    'input.standard.unknown': ({ ref }: { ref: string }) => `没有名为 ${JSON.stringify(ref)} 的标准`,
    'input.standard.noVersion': ({ id, version }: { id: string; version: string }) => `标准 ${id} 没有 ${JSON.stringify(version)} 版`,
    'input.standard.notNegativeList': ({ ref }: { ref: string }) => `${ref} 是工作标准，不是负面清单`,
    'input.standard.factRedefined': ({ name, other }: { name: string; other: string }) => `事实 ${JSON.stringify(name)} 在这里的定义与 ${other} 中的不同`,
    'input.standard.idUsed': ({ id, other }: { id: string; other: string }) => `项目 id ${JSON.stringify(id)} 已被 ${other} 使用`,
    'input.rule.op': ({ op, item }: { op: string; item?: string }) => `${zhItem(item)}不允许使用运算 ${op}`,
    'input.rule.depth': ({ limit, item }: { limit: number; item?: string }) => `${zhItem(item)}嵌套超过 ${limit} 层`,
    'input.rule.json': ({ type, item }: { type: string; item?: string }) => `${zhItem(item)}只能由 JSON 值组成，不能是 ${type}`,
    'input.rule.operands': ({ op, n, limit, item }: { op: string; n: number; limit: number; item?: string }) => `${zhItem(item)}运算 ${JSON.stringify(op)} 有 ${n} 个操作数，超过上限 ${limit}`,
    'input.rule.steps': ({ limit, item }: { limit: string; item?: string }) => `${zhItem(item)}一次计算的工作量超过 ${limit} 步`,
    'input.rule.built': ({ limit, item }: { limit: string; item?: string }) => `${zhItem(item)}一次计算生成的值超过 ${limit} 个元素或字符`,
    'input.rule.other': ({ detail, item }: { detail: string; item?: string }) => `${zhItem(item)}无法计算：${detail}`,
    'input.schema.required': ({ where, name }: { where: string; name: string }) => `${where}：缺少必填项 ${name}`,
    'input.schema.unknownKey': ({ where }: { where: string }) => `${where}：不是可用的字段`,
    'input.schema.enum': ({ where, values }: { where: string; values: string[] }) => `${where}：应为 ${values.join('、')} 之一`,
    'input.schema.type': ({ where, type }: { where: string; type: string }) => `${where}：应为${({ integer: '整数', number: '数', string: '文本', boolean: ' true 或 false', array: '列表', object: '对象（键: 值）', null: ' null' } as Record<string, string>)[type] ?? ` ${type}`}`,
    'input.schema.other': ({ where, detail }: { where: string; detail: string }) => `${where}：不符合标准文件的格式（${detail}）`,
    'input.lint.sharedFact': ({ name }: { name: string }) => `事实 ${JSON.stringify(name)} 已在共用词表中，这里的定义会覆盖它`,
    'input.lint.minScore': 'policy 为 min_score 时须给出 min_score',
    'input.lint.unknownList': ({ ref }: { ref: string }) => `未知的负面清单 ${JSON.stringify(ref)}`,
    'input.lint.duplicateId': ({ id, first }: { id: string; first: number }) => `项目 id ${JSON.stringify(id)} 重复（第 ${first} 项已使用）`,
    'input.lint.noRule': ({ id, want }: { id: string; want: string }) => `项目 ${JSON.stringify(id)} 没有 ${want}`,
    'input.lint.wrongRule': ({ kind, want, other }: { kind: string; want: string; other: string }) => `${kind === 'negative-list' ? '负面清单' : '工作标准'}的项目用 ${want}，不用 ${other}`,
    'input.lint.noContent': ({ id }: { id: string }) => `项目 ${JSON.stringify(id)} 没有 content（内容）`,
    'input.lint.dynamicVar': 'var 的路径必须是写定的文字',
    'input.lint.wholeData': '这个 var 读取的是整个 facts 对象，而不是某个事实',
    'input.lint.readsNothing': ({ field, id }: { field: string; id: string }) => `项目 ${JSON.stringify(id)} 的 ${field} 不读取任何事实，对每个地区结果都一样`,
    'input.lint.unknownFact': ({ name }: { name: string }) => `事实 ${JSON.stringify(name)} 不在事实词表中`,
    'input.lint.noTime': ({ name }: { name: string }) => `事实 ${JSON.stringify(name)} 没有说明时间如何计入（time）`,
    'input.lint.evidenceUnknown': ({ name }: { name: string }) => `证明材料指向未知的事实 ${JSON.stringify(name)}`,
    'input.lint.evidenceUnread': ({ name }: { name: string }) => `证明材料指向事实 ${JSON.stringify(name)}，但本项规则并不读取它`,
    'input.fix.standardRef': '写作 id@版本，例如 changning-demo-street@2023',
    'input.fix.standardByTitle': ({ ref, title }: { ref: string; title: string }) => `${JSON.stringify(ref)}（“${title}”的编号：标准写编号，不写名称）；assess standards list 列出全部标准`,
    'input.fix.standards': ({ known, near, titles }: { known: string[]; near?: string; titles?: string[] }) =>
      `${near ? `是否应为 ${JSON.stringify(near)}？` : ''}可用的标准：${known.map((k, i) => (titles?.[i] ? `${k}（${titles[i]}）` : k)).join('、')}（或标准 YAML 文件的路径）；assess standards list 列出全部`,
    'input.fix.versions': ({ id, versions }: { id: string; versions: string[] }) => `可用的版本：${versions.map((v) => `${id}@${v}`).join('、')}`,
    'input.fix.negativeList': '--negative-list 和 negative_lists 只能写负面清单（如 negative-list@2023）',
    'input.fix.sameFact': ({ other }: { other: string }) => `与 ${other} 中的定义保持一致，或给事实换一个名字`,
    'input.fix.otherId': '换一个在本标准及其负面清单中都未用过的 id',
    'input.fix.rule': '只用允许的 JSON-Logic 运算，并在 README“Untrusted input”所述的限度内',
    'input.fix.ruleFault': '改正该规则，使它对任何事实文件都能算出结果（这是标准的问题，不是地区的结果）',
    'input.fix.schema': '对照 schemas/standard.schema.json 改正；assess standards lint 文件 可逐项检查',
    'input.fix.minScore': '加上 min_score：0 到 1 之间的数',
    'input.read.notFound': '文件不存在',
    'input.read.permission': '没有读取权限',
    'input.read.directory': '这是目录，不是文件',
    'input.read.notRegular': '不是普通文件（是设备、管道或套接字），不能读取',
    /** A file over --max-bytes (its size where the file system said it). */
    'input.read.tooLarge': ({ size, max }: { size?: number; max: number }) => `文件${size === undefined ? '' : `大小为 ${size} 字节，`}超过了 ${max} 字节的上限（可用 --max-bytes 调高上限）`,
    'input.read.noFacts': '这个目录里没有 facts.json 或 facts.yaml',
    'input.read.noFacts.fix': '给出事实文件，或含有 facts.json（或 facts.yaml）的数据包目录',
    'input.read.noFacts.rename': ({ found, name, txt }: { found: string; name: string; txt: boolean }) =>
      `把其中的 ${JSON.stringify(found)} 改名为 ${name}${txt ? '（记事本保存时会在文件名后加上 .txt；在资源管理器的“查看”中勾选“文件扩展名”就能看到）' : ''}`,
    'input.fix.checkPath': '检查文件名和所在目录（相对路径从当前目录算起）',
    'input.fix.empty': '可能没有保存，或保存到了别的文件：打开确认后重新保存。事实文件可先用 assess init 生成模板再填写',
    'input.fix.notFacts': '事实文件是 JSON、YAML 或 Excel 工作簿（.xlsx），可用 assess init 生成模板填写；会议纪要等证明材料放在数据包里，由事实文件的 evidence 列出',
    'input.fix.csv': '提交填好的 Excel 工作簿（.xlsx）本身，不要另存为 CSV：CSV 只留下一张表',
    'input.fix.regularFile': '给出保存在磁盘上的文件（.json、.yaml 或 .xlsx）',
    'input.fix.link': '让快捷方式（符号链接）指向实际的文件，或直接给出那个文件',
    'input.fix.permission': '请有权限的人开放读取权限，或把文件复制到自己能读的位置',
    'input.fix.notDirectory': '给出目录中的文件；数据包目录请直接作为 assess 的输入',
    'input.fix.baseline': '--baseline 应为上一次 assess --format json 输出的报告',
    'input.fix.listRef': '写内置负面清单的 id@版本，如 negative-list@2023',
    'input.fix.uniqueId': '给每个项目一个不重复的 id',
    'input.fix.addRule': ({ want }: { want: string }) => `加上 JSON-Logic 的 ${want}`,
    'input.fix.useRule': ({ want, other }: { want: string; other: string }) => `把 ${other} 改为 ${want}`,
    'input.fix.addContent': '加上 content（该项所属的内容）',
    'input.fix.factPath': '写事实的名称，如 {"var": "meetings_per_year"}',
    'input.fix.readFacts': '让规则读取它所判断的事实',
    'input.fix.knownFact': ({ near }: { near?: string }) => `${near ? `是否应为 ${JSON.stringify(near)}？` : ''}用 standards/vocabulary.yaml 或本标准 facts 中的事实`,
    'input.fix.time': '在事实上写明 time: year | quarters | quarter | period | now（standards/vocabulary.yaml 或本标准的 facts）',
  },
  en: {
    'input.label.error': 'error',
    'input.label.warning': 'warning',
    'input.label.fix': 'fix',
    'input.label.invalid': 'weibao: invalid input',
    'input.label.at': ({ pointer }: { pointer: string }) => ` (at ${pointer})`,
    'input.label.expected': 'expected',
    'input.label.more': ({ n }: { n: number }) => `and ${n} more problems`,
    'input.expect': ({ expect }: { expect: Expect }) => enExpect(expect),

    'input.empty': 'the file is empty',
    'input.notUtf8': ({ encoding }: { encoding: string | null }) => `the file is not valid UTF-8 text${encoding ? ` (it looks like ${encoding})` : ''}`,
    'input.notFacts': ({ kind }: { kind: OtherKind }) => `this is ${EN_FILE_KIND[kind]}, not a facts file`,

    'input.json.unexpected': ({ found, want }: { found: string | null; want: JsonWant }) => `unexpected ${enFound(found)}, expected ${EN_WANT[want]}`,
    'input.json.unexpectedAfterKey': ({ found, key }: { found: string | null; key: string }) => `unexpected ${enFound(found)} after key ${JSON.stringify(key)}, expected ":"`,
    'input.json.missingComma': ({ found, inArray }: { found: string | null; inArray: boolean }) => `unexpected ${enFound(found)} in an ${inArray ? 'array' : 'object'} (is a comma missing before it?)`,
    'input.json.afterEnd': ({ found }: { found: string | null }) => `unexpected ${enFound(found)} after the end of the document`,
    'input.json.duplicateKey': ({ key, line, column }: { key: string; line: number; column: number }) => `duplicate key ${JSON.stringify(key)} (first at line ${line}:${column})`,
    'input.json.comment': 'unexpected "/": JSON does not allow comments',
    'input.json.trailingComma': 'unexpected "}" or "]" after a comma: JSON does not allow a comma after the last member',
    'input.json.singleQuote': 'unexpected "\'": JSON strings and keys take double quotes',
    'input.json.fullwidth': ({ char }: { char: string }) => `unexpected full-width ${JSON.stringify(char)}: JSON takes half-width punctuation`,
    'input.json.unterminatedString': 'unterminated string',
    'input.json.controlInString': 'control character in a string',
    'input.json.invalidEscape': 'invalid escape in a string',
    'input.json.invalidNumber': 'invalid number',
    'input.json.numberTooLarge': ({ text }: { text: string }) => `the number ${text} is too large`,
    'input.json.numberTooSmall': ({ text }: { text: string }) => `the number ${text} is too small to represent (it would become 0)`,
    'input.json.unsafeInteger': ({ text }: { text: string }) => `the whole number ${text} is beyond ±9007199254740991 and would be read as another number`,
    'input.tooDeep': ({ max }: { max: number }) => `nesting deeper than ${max} levels`,
    'input.tooManyKeys': ({ max }: { max: number }) => `more than ${max} keys in the file`,
    'input.tooManyAliases': ({ max }: { max: number }) => `too many alias expansions (more than ${max})`,

    'input.yaml.tab': 'a tab in the indentation: YAML indents with spaces only',
    'input.yaml.indent': ({ spaces }: { spaces: number }) => `bad indentation: this line is indented ${spaces} ${plural('en', spaces, { one: 'space', other: 'spaces' })}, out of line with its neighbours`,
    'input.yaml.fullwidthColon': 'the key is followed by a full-width colon: YAML takes a half-width ":"',
    'input.yaml.colonSpace': 'a space is missing after the colon',
    'input.yaml.duplicateKey': ({ key, line, column }: { key: string; line: number; column: number }) => `duplicate key ${JSON.stringify(key)} (first at line ${line}:${column})`,
    'input.yaml.complexKey': 'a key must be a plain name (not a list or a mapping)',
    'input.yaml.tag': ({ tag }: { tag: string }) => `the YAML tag ${tag} is not accepted`,
    'input.yaml.multipleDocs': 'the file holds more than one YAML document (a second "---")',
    'input.yaml.unclosedQuote': 'a quote is not closed',
    'input.yaml.syntax': ({ code, text }: { code: string; text: string }) => `YAML syntax error: ${text} (${code})`,
    'input.yaml.unknownAlias': 'an alias refers to nothing (no &name before the *name)',

    'input.document': ({ kind }: { kind: ValueKind }) => `the document is ${kind === 'null' ? 'null' : kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`}, expected an object with "facts"`,
    'input.unknownKey': ({ key }: { key: string }) => `/${key}: unknown property (known: standard, area, period, facts, evidence)`,
    'input.unknownAreaKey': ({ key }: { key: string }) => `/area/${key}: unknown property (known: name, code)`,
    'input.missingFacts': 'the file has no "facts"',
    'input.isReport': 'this is a report written by assess (it has schemaVersion and no facts), not a facts file',
    'input.isCsvReport': 'this is a CSV report written by assess, not a facts file',
    'input.blank': 'nothing is filled in: the area name, the period and every fact are empty (an unfilled template from assess init?), so it is not assessed as an area',
    'input.wrongType': ({ pointer, want, got }: { pointer: string; want: ValueKind[]; got: Got }) => `${pointer}: must be ${want.join(' or ')}, got ${enGot(got)}`,
    'input.schema': ({ pointer, text, got }: { pointer: string; text: string; got: Got | null }) => `${pointer || '(top level)'}: ${text}${got ? `, got ${enGot(got)}` : ''}`,
    'input.areaNameEmpty': 'area.name (the street or town) is empty',
    'input.areaNameSpaces': ({ got }: { got: Got }) => `area.name (the street or town) has leading or trailing spaces: ${got.shown}`,
    'input.areaNameInvisible': ({ got }: { got: Got }) => `area.name (the street or town) holds invisible characters: ${got.shown}`,
    'input.areaCode': ({ got }: { got: Got }) => `area.code (the administrative code) must be a string (in quotes), got ${enGot(got)}`,
    'input.period': ({ got }: { got: Got }) => `period must be written like 2023, 2023-Q2 or 2023-05, got ${enGot(got)}`,
    'input.standardEmpty': '"standard" is empty',
    'input.periodYear': ({ got, standard, span }: { got: string; standard: string; span: string }) => `period ${JSON.stringify(got)} is outside the year of the standard ${standard} (${span})`,
    'input.control': ({ pointer, code, kind }: { pointer: string; code: string; kind: CharKind }) => `${pointer || '(top level)'}: contains the control character ${code} (${EN_CHAR[kind]})`,
    'input.nonFinite': ({ pointer, got }: { pointer: string; got: Got }) => `${pointer}: expected a finite number, got ${enGot(got)}`,
    'input.fact': (d: FactAt & { expect: Expect; got: Got }) => `facts.${d.name} (${d.en}): expected ${enExpect(d.expect)}, got ${enGot(d.got)}`,
    'input.unknownFact': ({ name }: { name: string }) => `unknown fact ${JSON.stringify(name)} (not in this standard's vocabulary; it is not read)`,
    'input.moreUnknownFacts': ({ n }: { n: number }) => `and ${n} more unknown facts`,
    'input.evidence': ({ pointer, text }: { pointer: string; text: string }) => `${pointer}: ${text}`,

    'input.template.negativeItem': 'negative-list item',
    'input.template.title': ({ title, ref }: { title: string; ref: string }) => `facts template for ${ref} (${title})`,
    'input.template.schema': ({ ref, file }: { ref: string; file: string }) => `the JSON Schema to validate it: assess schema --standard ${ref} > ${file}`,
    'input.template.empty': 'Leave a value empty (null) while unknown: the items that read it are reported as missing.',
    'input.template.areaName': 'the street or town',
    'input.template.areaCode': 'administrative code (optional, in quotes)',
    'input.template.period': ({ year }: { year: number }) => `e.g. ${year}, ${year}-Q2 or ${year}-05 (within the standard's year)`,
    'input.template.fact': ({ type, unit, expected, readBy }: { type: string; unit: string | null; expected: string; readBy: string[] }) => `${type}${unit ? `, unit: ${unit}` : ''}; ${expected}; read by: ${readBy.join(', ')}`,
    'input.template.evidence': 'evidence: fact path → files inside the pack (minutes, activity records, ledgers …)',
    'input.template.comment': 'what each fact means (this key may be deleted; assessment ignores it)',
    'input.fix.utf8': 'save the file as UTF-8 (Notepad or WPS: Save As, encoding UTF-8)',
    'input.fix.jsonComment': 'delete the comment; for comments, write the file as YAML (after # in facts.yaml)',
    'input.fix.trailingComma': 'delete the comma after the last member',
    'input.fix.tooDeep': "nest less deeply: remove the extra [ ], { } or levels of indentation (a fact's value is a number, yes/no, text, or a list of them)",
    'input.fix.doubleQuotes': ({ fixed }: { fixed: string }) => `use double quotes: ${fixed}`,
    'input.fix.halfwidth': ({ char, fixed }: { char: string; fixed: string }) => `type the half-width "${fixed}" for the full-width "${char}"`,
    'input.fix.comma': 'add a comma "," after the previous member',
    'input.fix.quoteEnd': 'close the string with a double quote "',
    'input.fix.colon': ({ key }: { key: string }) => `add a colon after ${key}: ${key}: value`,
    'input.fix.closeFlow': ({ closer }: { closer: string }) => `close the item with "${closer}" (to match the bracket it opens with)`,
    'input.fix.yamlQuote': 'put a value that starts with @, ` or the like in quotes, such as "@home"',
    'input.fix.yamlOneKey': 'one "key: value" a line; put a value holding a colon in quotes',
    'input.fix.yamlSyntax': 'write each line as "key: value" (a colon and one space), keys of one level in line, spaces alone for indentation',
    'input.fix.yamlAlias': 'define it with &name before using *name, or write the value out',
    'input.fix.yamlAliases': 'write each value out rather than through layers of &name and *name',
    'input.fix.extraCloser': ({ found }: { found: string }) => `delete the extra "${found}"`,
    'input.fix.afterEnd': 'delete what follows the end of the document (one file holds one area\'s facts)',
    'input.fix.wrongCloser': ({ found, fixed }: { found: string; fixed: string }) => `change "${found}" to "${fixed}" (to match the bracket it closes)`,
    'input.fix.missingValue': 'write a value after the colon; null where there is none',
    'input.fix.extraComma': 'delete the extra comma',
    'input.fix.extraColon': 'delete the extra colon',
    'input.fix.numberForm': ({ fixed }: { fixed: string }) => `write the number as ${fixed}`,
    'input.fix.jsonSyntax': 'check that brackets, quotes and commas around here pair up; JSON is strict, and YAML (facts.yaml) may be easier to fill in',
    'input.fix.truncated': ({ closers }: { closers: string }) => `the file stops short (perhaps it was not saved whole): complete what follows and end it with ${closers}, or save or export the file again`,
    'input.fix.escape': 'write a line break as \\n, a tab as \\t, a backslash as \\\\',
    'input.fix.escapePath': ({ fixed }: { fixed: string }) => `separate the parts of a path with /: ${JSON.stringify(fixed)} (a backslash inside double quotes is written \\\\)`,
    'input.fix.yamlEscape': 'inside double quotes a backslash is written \\\\ (a line break \\n); or use single quotes, inside which a backslash stands as it is',
    'input.fix.yamlTab': 'replace the tab at the start of the line by spaces (2 per level)',
    'input.fix.yamlIndent': ({ spaces }: { spaces: number }) => `indent it ${spaces} ${plural('en', spaces, { one: 'space', other: 'spaces' })}, in line with the keys beside it`,
    'input.fix.colonSpace': ({ fixed }: { fixed: string }) => `put a space after the colon: ${fixed}`,
    'input.fix.fullwidthColon': ({ fixed }: { fixed: string }) => `type a half-width colon and a space: ${fixed}`,
    'input.fix.closeQuote': 'add the closing quote, or remove the opening one',
    'input.fix.removeTag': ({ fixed }: { fixed: string }) => `remove the tag and write the value itself: ${fixed}`,
    'input.fix.removeDuplicate': 'delete one of them (each key once)',
    'input.fix.oneDocument': 'delete the second "---" and what follows: one area per file',
    'input.fix.didYouMean': (n: { near: string; zh?: string; en?: string }) => `did you mean ${enNear(n)}?`,
    'input.fix.factByWords': ({ name, words }: { name: string; words: string }) => `"${words}" is the fact's description: write its name "${name}" as the key`,
    'input.fix.ungroup': ({ name }: { name: string }) => `facts are not grouped: move the entries of "${name}" directly under facts`,
    'input.fix.fullwidthDigits': ({ fixed }: { fixed: string }) => `full-width digits: type the half-width ${fixed}`,
    'input.fix.removeQuotes': ({ fixed }: { fixed: string }) => `remove the quotes: ${fixed}`,
    'input.fix.textNumberCell': ({ fixed }: { fixed: string }) => `the cell is formatted as text: in Excel or WPS set its format to General, then type ${fixed} again`,
    'input.fix.boolean': ({ word, fixed }: { word: string; fixed: string }) => `write ${fixed} for "${word}" (true for yes, false for no)`,
    'input.fix.booleanWords': 'write true for yes, false for no (without quotes)',
    'input.fix.booleanCell': ({ word, yes }: { word: string; yes: boolean | null }) => (yes === null ? 'type 是 (yes) or 否 (no) alone' : `type ${yes ? '是 (yes)' : '否 (no)'} for "${word}"`),
    'input.fix.dateInNumber': ({ inCell }: { inCell: boolean }) => (inCell ? "a date stands where a number goes: in Excel or WPS set the cell's format to General, then type the number" : 'a date stands where a number goes: write the number (without quotes)'),
    'input.fix.numberOnly': 'type the number alone, without a unit or words',
    'input.fix.rate': ({ word, basis, fixed }: { word: string; basis: 'same' | 'year' | 'quarters' | 'other'; fixed?: string }) =>
      basis === 'same'
        ? `type the number alone: ${fixed}`
        : basis === 'quarters'
          ? `"${word}" is the rate required: write the number of quarters, from the start of the year to the end of the period, in which it was actually done (one whole number)`
          : `"${word}" is the rate required: write the total actually held${basis === 'year' ? ' from the start of the year to the end of the period' : ''} (one whole number)`,
    'input.fix.exactNumber': ({ word, whole }: { word: string; whole: boolean }) => `"${word}" is not an exact number: write the actual ${whole ? 'whole number' : 'number'} from the records, without "about", "or more" or a range`,
    'input.fix.thousands': ({ fixed }: { fixed: string }) => `leave out the thousands separators: ${fixed}`,
    'input.fix.emptyText': ({ inCell }: { inCell: boolean }): string => (inCell ? 'to leave it unfilled, clear the cell (counted as missing)' : 'to leave it unfilled, write null (no quotes) or delete the line; it counts as missing'),
    'input.fix.unknownValue': ({ word, inCell, count }: { word: string; inCell: boolean; count: boolean }) => `"${word}": if it is not known or does not apply, ${inCell ? 'leave the cell empty' : 'write null (no quotes)'}; it counts as missing${count ? '; if there are none, type 0' : ''}`,
    'input.fix.noneIsZero': ({ word, inCell }: { word: string; inCell: boolean }) => `"${word}": type 0 (or ${inCell ? 'leave the cell empty' : 'null'} if it is not known)`,
    'input.fix.wholeNumber': ({ below, above }: { below: string; above: string }) => `a whole number only, such as ${below} or ${above}`,
    'input.fix.notNegative': 'it cannot be negative: write 0 where there are none',
    'input.fix.atLeast': ({ min }: { min: number }) => `write a number no less than ${min}`,
    'input.fix.atMost': ({ max }: { max: number }) => `write a number no greater than ${max}`,
    'input.fix.numberNotYesNo': ({ inCell }: { inCell: boolean }): string => (inCell ? 'type a number here (是 and 否 are for yes-no facts)' : 'write a number here (true and false are for yes-no facts)'),
    'input.fix.oneNumber': 'write one number, without [ ] or { }',
    'input.fix.percentCell': ({ to, toEn }: { to: string; toEn: string }) => `the unit here is "${to}" (${toEn}), not a percentage: in Excel or WPS set the cell's format to General, then type the number alone`,
    'input.fix.dateForm': 'write the date as year-month-day, with two digits for month and day, such as 2023-05-01',
    'input.fix.noSuchDate': ({ year, month, day }: { year: string; month: string; day: string }) => `there is no day ${day} in month ${month} of ${year}: write the actual date from the records (year-month-day)`,
    'input.fix.dateOrder': ({ word }: { word: string }) => `"${word}" does not say which is the month and which the day: write it from the records as year-month-day, with two digits for month and day`,
    'input.fix.dateDay': ({ month }: { month: string }) => `the date needs its day: ${month}-DD (two digits), from the records`,
    'input.fix.chineseNumber': ({ word, fixed }: { word: string; fixed: string }) => `write "${word}" in digits: ${fixed}`,
    'input.fix.unit': ({ unit, fixed }: { unit: string; fixed: string }) => `leave the unit "${unit}" out of the number: ${fixed}`,
    'input.fix.unitConvert': ({ unit, to, toEn, value, fixed }: { unit: string; to: string; toEn: string; value: string; fixed: string }) =>
      `${to ? `the unit here is "${to}" (${toEn}): ` : ''}${value}${unit} makes ${fixed}${to}; write ${fixed}`,
    'input.fix.unitOther': ({ unit, to, toEn }: { unit: string; to: string; toEn: string }) =>
      to ? `the unit here is "${to}" (${toEn}), not "${unit}": convert to ${toEn} and write the number alone` : `without "${unit}": convert and write the number alone`,
    'input.fix.percent': ({ fixed }: { fixed: string }) => `write a percentage without %: ${fixed}`,
    'input.fix.date': ({ fixed }: { fixed: string }) => `write the date as ${fixed} (year-month-day, two-digit month and day)`,
    'input.fix.excelSerial': ({ fixed }: { fixed: string }) => `this looks like an Excel date serial number: write the date ${fixed}`,
    'input.fix.invisible': ({ names }: { names: CharKind[] }) => `delete the invisible characters (shown as ⍽ above: ${names.map((n) => EN_CHAR[n]).join(', ')})`,
    'input.fix.trim': ({ fixed }: { fixed: string }) => `remove the leading and trailing spaces: ${fixed}`,
    'input.fix.fillIn': 'fill in the name of the street or town',
    'input.fix.quoteCode': ({ fixed }: { fixed: string }) => `write the code as a string, in quotes: ${fixed}`,
    'input.fix.period': ({ fixed }: { fixed: string | null }) => (fixed ? `write ${fixed}` : 'write a year as 2023, a quarter as 2023-Q2, a month as 2023-05'),
    'input.fix.periodHalf': ({ year, half }: { year: string; half: 1 | 2 }) => `there is no half-year period: write the year as ${year}, or file one for each quarter, ${half === 1 ? `${year}-Q1 and ${year}-Q2` : `${year}-Q3 and ${year}-Q4`}`,
    'input.fix.periodYear': ({ year, span, periodYear }: { year: number; span: string; periodYear: number }) =>
      `write a period in ${span} (such as ${year}, ${year}-Q2, ${year}-05); if these are ${periodYear}'s figures, choose a standard for ${periodYear} with --standard (assess standards list lists the bundled ones)`,
    'input.fix.number': ({ fixed }: { fixed: string }) => `write the number ${fixed}`,
    'input.fix.smallNumber': 'write 0, or the number meant (without an exponent)',
    'input.fix.bigNumber': 'check the number for extra digits; a long code or id goes in quotes, as text',
    'input.fix.facts': 'write facts: at the top level with the facts below it (assess init prints a template)',
    'input.fix.document': 'the file is one object: standard, area, period and facts at the top level (assess init prints a template)',
    'input.fix.unknownKey': 'delete it; facts go under facts, evidence files under evidence',
    'input.fix.areaShape': ({ fixed }: { fixed: string }) => `write name (and code) under area: ${fixed}`,
    'input.fix.quoteText': ({ fixed }: { fixed: string }) => `write it as text (in double quotes): ${fixed}`,
    'input.fix.evidenceShape': 'under evidence, write each fact\'s name with a list of file paths: name: [path, …]',
    'input.fix.evidenceList': ({ fixed }: { fixed: string }) => `write a list of file paths: ${fixed}`,
    'input.fix.standardShape': 'write the standard\'s id@version, such as changning-demo-street@2023 (assess standards list shows them all)',
    'input.fix.schemaKey': 'write $schema as text (a URL or path), or delete the line',
    'input.fix.isReport': 'move reports out of the folder being assessed (or write --output elsewhere); give last period\'s report with --baseline',
    'input.fix.blank': 'fill it in before assessing it; if it is only a blank template, move it out of the folder being assessed',
    'input.fix.removeControl': 'delete this character (text copied from elsewhere often brings it along)',
    'input.fix.enum': ({ values }: { values: string }) => `choose one of: ${values}`,

    'input.standard.twoAts': ({ ref }: { ref: string }) => `unknown standard ${JSON.stringify(ref)}: more than one "@"`,
    'input.standard.unknown': ({ ref }: { ref: string }) => `unknown standard ${JSON.stringify(ref)}`,
    'input.standard.noVersion': ({ id, version }: { id: string; version: string }) => `standard "${id}" has no version ${JSON.stringify(version)}`,
    'input.standard.notNegativeList': ({ ref }: { ref: string }) => `"${ref}" is a checklist, not a negative list`,
    'input.standard.factRedefined': ({ name, other }: { name: string; other: string }) => `fact ${JSON.stringify(name)} is defined differently here than in ${other}`,
    'input.standard.idUsed': ({ id, other }: { id: string; other: string }) => `item id ${JSON.stringify(id)} is already used by ${other}`,
    'input.rule.op': ({ op, item }: { op: string; item?: string }) => `${enItem(item)}operation ${op} is not allowed`,
    'input.rule.depth': ({ limit, item }: { limit: number; item?: string }) => `${enItem(item)}the rule nests deeper than ${limit} levels`,
    'input.rule.json': ({ type, item }: { type: string; item?: string }) => `${enItem(item)}a rule holds JSON values only, not a ${type}`,
    'input.rule.operands': ({ op, n, limit, item }: { op: string; n: number; limit: number; item?: string }) => `${enItem(item)}operation ${JSON.stringify(op)} has ${n} operands, more than the limit of ${limit}`,
    'input.rule.steps': ({ limit, item }: { limit: string; item?: string }) => `${enItem(item)}the rule does more than ${limit} steps of work in one evaluation`,
    'input.rule.built': ({ limit, item }: { limit: string; item?: string }) => `${enItem(item)}the rule builds values of more than ${limit} elements or characters in one evaluation`,
    'input.rule.other': ({ detail, item }: { detail: string; item?: string }) => `${enItem(item)}the rule could not be evaluated: ${detail}`,
    'input.schema.required': ({ where, name }: { where: string; name: string }) => `${where} must have required property ${name}`,
    'input.schema.unknownKey': ({ where }: { where: string }) => `${where} is not a known property`,
    'input.schema.enum': ({ where, values }: { where: string; values: string[] }) => `${where} must be one of ${values.join(', ')}`,
    'input.schema.type': ({ where, type }: { where: string; type: string }) => `${where} must be ${type}`,
    'input.schema.other': ({ where, detail }: { where: string; detail: string }) => `${where} ${detail}`,
    'input.lint.sharedFact': ({ name }: { name: string }) => `fact ${JSON.stringify(name)} is already in the shared vocabulary; this definition overrides it`,
    'input.lint.minScore': 'policy min_score needs min_score',
    'input.lint.unknownList': ({ ref }: { ref: string }) => `unknown negative list ${JSON.stringify(ref)}`,
    'input.lint.duplicateId': ({ id, first }: { id: string; first: number }) => `duplicate item id ${JSON.stringify(id)} (first used by item ${first})`,
    'input.lint.noRule': ({ id, want }: { id: string; want: string }) => `item ${JSON.stringify(id)} has no ${want}`,
    'input.lint.wrongRule': ({ kind, want, other }: { kind: string; want: string; other: string }) => `a ${kind} item takes ${want}, not ${other}`,
    'input.lint.noContent': ({ id }: { id: string }) => `item ${JSON.stringify(id)} has no content`,
    'input.lint.dynamicVar': 'a var path must be a literal string',
    'input.lint.wholeData': 'this var reads the whole facts object, not a fact',
    'input.lint.readsNothing': ({ field, id }: { field: string; id: string }) => `the ${field} of item ${JSON.stringify(id)} reads no fact, so it gives the same answer for every area`,
    'input.lint.unknownFact': ({ name }: { name: string }) => `fact ${JSON.stringify(name)} is not in the facts vocabulary`,
    'input.lint.noTime': ({ name }: { name: string }) => `fact ${JSON.stringify(name)} does not say how time enters it`,
    'input.lint.evidenceUnknown': ({ name }: { name: string }) => `evidence names unknown fact ${JSON.stringify(name)}`,
    'input.lint.evidenceUnread': ({ name }: { name: string }) => `evidence names fact ${JSON.stringify(name)}, which this item's rule does not read`,
    'input.fix.standardRef': 'write id@version, e.g. changning-demo-street@2023',
    'input.fix.standardByTitle': ({ ref, title }: { ref: string; title: string }) => `${JSON.stringify(ref)} (the id of “${title}”: a standard is named by its id, not its title); assess standards list lists them all`,
    'input.fix.standards': ({ known, near, titles }: { known: string[]; near?: string; titles?: string[] }) =>
      `${near ? `did you mean ${JSON.stringify(near)}? ` : ''}the standards are: ${known.map((k, i) => (titles?.[i] ? `${k} (${titles[i]})` : k)).join(', ')} (or a path to a standard's YAML file); assess standards list lists them`,
    'input.fix.versions': ({ id, versions }: { id: string; versions: string[] }) => `the versions are: ${versions.map((v) => `${id}@${v}`).join(', ')}`,
    'input.fix.negativeList': '--negative-list and negative_lists take negative lists only (such as negative-list@2023)',
    'input.fix.sameFact': ({ other }: { other: string }) => `define it as ${other} does, or name the fact differently`,
    'input.fix.otherId': 'an item id used nowhere else in the standard or its negative lists',
    'input.fix.rule': 'an allowlisted JSON-Logic operation, within the limits of README "Untrusted input"',
    'input.fix.ruleFault': 'fix the rule so that it evaluates on any facts file (this is the standard\'s fault, not a result for the area)',
    'input.fix.schema': 'see schemas/standard.schema.json; assess standards lint <file> checks each point',
    'input.fix.minScore': 'add min_score: a number from 0 to 1',
    'input.read.notFound': 'no such file',
    'input.read.permission': 'permission denied',
    'input.read.directory': 'is a directory, not a file',
    'input.read.notRegular': 'is not a regular file (a device, pipe or socket)',
    'input.read.tooLarge': ({ size, max }: { size?: number; max: number }) => (size === undefined ? `the file is over the limit of ${max} bytes (raise it with --max-bytes)` : `the file is ${size} bytes, over the limit of ${max} (raise it with --max-bytes)`),
    'input.read.noFacts': 'is a directory without facts.json or facts.yaml',
    'input.read.noFacts.fix': 'give a facts file, or a data pack directory holding facts.json or facts.yaml',
    'input.read.noFacts.rename': ({ found, name, txt }: { found: string; name: string; txt: boolean }) =>
      `rename the ${JSON.stringify(found)} in it to ${name}${txt ? ' (Notepad adds .txt when it saves; Explorer shows it once View › File name extensions is ticked)' : ''}`,
    'input.fix.checkPath': 'check the file name and its directory (a relative path starts from the current directory)',
    'input.fix.empty': 'perhaps it was not saved, or was saved as another file: open it, check it and save it again. A facts file can start from the template assess init writes',
    'input.fix.notFacts': 'a facts file is JSON, YAML or an Excel workbook (.xlsx), and assess init writes a template to fill in; evidence such as meeting minutes goes in the data pack, listed under the facts file\'s evidence',
    'input.fix.csv': 'submit the filled-in Excel workbook (.xlsx) itself, not saved as CSV: a CSV keeps only one sheet',
    'input.fix.regularFile': 'give a file saved on disk (.json, .yaml or .xlsx)',
    'input.fix.link': 'point the link at the file itself, or give that file',
    'input.fix.permission': 'have someone who may read it grant read permission, or copy the file where you can read it',
    'input.fix.notDirectory': 'give a file in the directory; a data pack directory is given to assess as an input itself',
    'input.fix.baseline': '--baseline takes a report written by assess --format json',
    'input.fix.listRef': 'id@version of a bundled negative list, such as negative-list@2023',
    'input.fix.uniqueId': 'give every item an id of its own',
    'input.fix.addRule': ({ want }: { want: string }) => `add a JSON-Logic ${want}`,
    'input.fix.useRule': ({ want, other }: { want: string; other: string }) => `rename ${other} to ${want}`,
    'input.fix.addContent': 'add content (the part of the aspect the item belongs to)',
    'input.fix.factPath': 'a fact path, e.g. {"var": "meetings_per_year"}',
    'input.fix.readFacts': 'a rule that reads the facts it judges',
    'input.fix.knownFact': ({ near }: { near?: string }) => `${near ? `did you mean ${JSON.stringify(near)}? ` : ''}a fact from standards/vocabulary.yaml or the standard's own facts`,
    'input.fix.time': "time: year | quarters | quarter | period | now on the fact (standards/vocabulary.yaml or the standard's own facts)",
  },
});
