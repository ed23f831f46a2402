/**
 * Cell normalisation: what Excel, WPS and people type, turned into one canonical form.
 * Each reader returns either a value or the code of what is wrong (the validator turns that
 * into an issue with file, row and column). An empty cell is `null` — "not reported" — never 0.
 */
import type { Column, EnumValue } from '../schema/types';

export type CellResult<T> =
  | { readonly ok: true; readonly value: T | null; readonly warning?: 'percent-looks-fractional' }
  | {
      readonly ok: false;
      readonly code:
        | 'not-a-number'
        | 'not-an-integer'
        | 'negative-count'
        | 'out-of-range'
        | 'scientific-notation-code'
        | 'bad-code'
        | 'bad-enum'
        | 'bad-date'
        | 'bad-year'
        | 'bad-url'
        | 'cell-too-long'
        | 'control-character'
        | 'bidi-control';
      readonly params?: Record<string, string | number>;
    };

/** Full-width ASCII (！–～) → ASCII, ideographic space → space. */
export function toHalfWidth(s: string): string {
  // Fast path: almost every cell is plain ASCII or CJK; only build a new string when needed.
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Spaces a cell may carry around its value: ASCII whitespace, NBSP, ideographic and zero-width. */
function isPad(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a);
}

/** True when the string is one or more ASCII digits (no allocation, unlike a regex test on a copy). */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Trim including NBSP, ideographic and zero-width spaces that pasted text carries. */
export function cleanText(s: string): string {
  if (s.length === 0 || (!isPad(s.charCodeAt(0)) && !isPad(s.charCodeAt(s.length - 1)))) return s;
  return s.replace(/^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g, '');
}

const PLAIN_INT = /^\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Invisible control characters (not tab, LF, CR): a corrupted or binary file, never real text. */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a name
 * such as “青禾\u202E校学” displays reversed, so a page would show something other than the data.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** An http(s) URL without spaces, control, bidi or quote characters (see settings isSafeUrl). */
const SAFE_URL = /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff<>"'`\\]+$/i;

function safeUrl(s: string): boolean {
  if (!SAFE_URL.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function bidiName(s: string): string {
  const c = BIDI_CONTROLS.exec(s)![0].charCodeAt(0);
  return `U+${c.toString(16).toUpperCase()}`;
}

/** The longest text cell we accept: longer is almost certainly a paste accident. */
export const MAX_TEXT_CHARS = 2000;

function readNumber(raw: string, col: Column): CellResult<number> {
  if (isDigits(raw) && raw.length < 16) {
    // Fast path for the common case (a plain count): no copies, no regex.
    const n = Number(raw);
    if ((col.min !== undefined && n < col.min) || (col.max !== undefined && n > col.max)) {
      return { ok: false, code: 'out-of-range', params: { range: rangeText(col) } };
    }
    return { ok: true, value: n };
  }
  // Only a space before a % sign is tolerated inside; any other whitespace (a line break or tab
  // between two numbers in one cell) must not silently join them into one number.
  let s = toHalfWidth(raw).replace(/\s+%$/, '%');
  if (/\s/.test(s)) return notANumber(s);
  let hadPercent = false;
  if (col.type === 'percent' && s.endsWith('%')) {
    s = s.slice(0, -1);
    hadPercent = true;
  }
  let n: number;
  if (PLAIN_INT.test(s)) n = Number(s);
  else {
    if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
    if (!NUMBER.test(s)) return notANumber(s);
    n = Number(s);
  }
  if (!Number.isFinite(n)) return { ok: false, code: 'not-a-number' };
  if (col.type === 'integer' && !Number.isInteger(n)) return { ok: false, code: 'not-an-integer' };
  if (n < 0 && col.min === 0) return { ok: false, code: 'negative-count' };
  if ((col.min !== undefined && n < col.min) || (col.max !== undefined && n > col.max)) {
    return { ok: false, code: 'out-of-range', params: { range: rangeText(col) } };
  }
  if (col.type === 'percent' && !hadPercent && n > 0 && n < 1) {
    return { ok: true, value: n, warning: 'percent-looks-fractional' };
  }
  return { ok: true, value: n };
}

/** Excel's error values, exported as text when a formula fails. */
const EXCEL_ERROR = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** What people type into a number cell besides the number: a unit, 万, a grade in words, a formula. */
function notANumber(s: string): CellResult<number> {
  const m = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*(万元|万|亿元|亿|元|人|名|个|间|所|班|平方米|㎡|m²|m2|%)$/i.exec(s);
  let hint = '';
  if (m && /万|亿/.test(m[2])) {
    const n = Number(m[1].replace(/,/g, '')) * (m[2].startsWith('亿') ? 1e8 : 1e4);
    hint = `单位是“${m[2]}”：请换算后只填数字（${m[1]}${m[2]} 填 ${Math.round(n * 100) / 100}）。`;
  } else if (m) hint = `请去掉单位“${m[2]}”，只填数字 ${m[1]}。`;
  else if (/^[一二三四五六七八九]年级$|^初[一二三]$|^[七八九]年级$/.test(s)) hint = '年级请填数字：一年级填 1，初一（七年级）填 7。';
  else if (EXCEL_ERROR.test(s)) hint = '这是 Excel 公式的错误值：请在表格中改正公式，或把单元格留空。';
  else if (s.startsWith('=')) hint = '这是公式而不是数值：保存前请把公式转换为数值（复制 → 选择性粘贴 → 数值）。';
  return { ok: false, code: 'not-a-number', params: { hint } };
}

export function rangeText(col: Column): string {
  if (col.min !== undefined && col.max !== undefined) return `${col.min}–${col.max}`;
  if (col.min !== undefined) return `不小于${col.min}`;
  if (col.max !== undefined) return `不大于${col.max}`;
  return '';
}

const SCIENTIFIC = /^\d+(\.\d+)?[eE]\+?\d+$/;

function readCode(raw: string, col: Column): CellResult<string> {
  if ((col.digits === undefined || raw.length === col.digits) && isDigits(raw)) return { ok: true, value: raw };
  const s = toHalfWidth(raw);
  if (/\s/.test(s)) return { ok: false, code: 'bad-code', params: { digits: col.digits ?? '', hint: '代码中不能有空格、换行或制表符。' } };
  if (SCIENTIFIC.test(s)) return { ok: false, code: 'scientific-notation-code' };
  const digits = col.digits;
  if (digits !== undefined && !(s.length === digits && PLAIN_INT.test(s))) {
    let hint = '';
    if (PLAIN_INT.test(s) && s.length === digits - 1) hint = '可能丢失了开头的0：请把该列设为“文本”格式后重新填写。';
    else if (/\.0+$/.test(s)) hint = '末尾的“.0”是 Excel 把代码当成数字造成的：请把该列设为“文本”格式。';
    else if (/^['‘’`]\d+$/.test(s)) hint = '开头的单引号是 Excel 的“文本”标记，被一起存进了文件：请去掉单引号，把该列设为“文本”格式。';
    else if (/^(合\s*计|总\s*计|小\s*计|总数|全[县区市省]合计)/.test(s)) hint = '这像是合计行：CSV 中只放各校（各地）的数据行，请删除合计行，网站会自己计算合计。';
    else if (!PLAIN_INT.test(s)) hint = '代码只能包含数字。';
    else hint = `现在是${s.length}位。`;
    return { ok: false, code: 'bad-code', params: { digits, hint } };
  }
  return { ok: true, value: s };
}

/** Lookup tables for enum columns, built once per column. */
const enumIndexCache = new WeakMap<readonly EnumValue[], Map<string, string>>();
function enumIndex(values: readonly EnumValue[]): Map<string, string> {
  let idx = enumIndexCache.get(values);
  if (!idx) {
    idx = new Map();
    for (const v of values) {
      for (const name of [v.key, v.zh, v.en, ...(v.aliases ?? [])]) idx.set(name.toLowerCase(), v.key);
    }
    enumIndexCache.set(values, idx);
  }
  return idx;
}

export function allowedText(values: readonly EnumValue[]): string {
  return values.map((v) => `${v.zh}（${v.key}）`).join('、');
}

function readEnum(raw: string, col: Column): CellResult<string> {
  const s = toHalfWidth(raw).trim().toLowerCase();
  const key = enumIndex(col.values ?? []).get(s);
  if (key === undefined) return { ok: false, code: 'bad-enum', params: { allowed: allowedText(col.values ?? []) } };
  return { ok: true, value: key };
}

// A date, optionally followed by the time Excel and WPS add when a cell is a date-time
// (“2025-05-10 00:00:00”, “2025/5/10 0:00”): the date is kept, the time dropped.
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** An Excel date serial (days since 1899-12-30; 45787 = 2025-05-10) as an ISO date, or null. */
export function excelSerialDate(s: string): string | null {
  if (!/^\d{5}(?:\.\d+)?$/.test(s)) return null;
  const n = Math.floor(Number(s));
  if (n < 20000 || n > 80000) return null; // 1954 … 2119
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

export function readDate(raw: string): string | null {
  const m = DATE.exec(toHalfWidth(raw).trim());
  if (!m) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function readYear(raw: string): CellResult<number> {
  const s = toHalfWidth(raw).trim().replace(/年$/, '');
  if (!/^\d{4}$/.test(s)) return { ok: false, code: 'bad-year' };
  const y = Number(s);
  if (y < 1949 || y > 2100) return { ok: false, code: 'bad-year' };
  return { ok: true, value: y };
}

/** Reads one cell according to its column. `raw` is the cell as papaparse returned it. */
export function readCell(raw: string | undefined, col: Column): CellResult<string | number> {
  if (raw === undefined) return { ok: true, value: col.default ?? null };
  const s = cleanText(raw);
  if (s === '') return { ok: true, value: col.default ?? null };
  switch (col.type) {
    case 'integer':
    case 'number':
    case 'percent':
      return readNumber(s, col);
    case 'code':
      return readCode(s, col);
    case 'enum':
      return readEnum(s, col);
    case 'date': {
      const d = readDate(s);
      if (d !== null) return { ok: true, value: d };
      const t = toHalfWidth(s).trim();
      const serial = excelSerialDate(t);
      if (serial) return { ok: false, code: 'bad-date', params: { hint: `这像是 Excel 的日期序号（${s.trim()} 即 ${serial}）：请把该列设为“日期”格式后重新保存，或直接写成 ${serial}。` } };
      // English-language Excel: 5/10/2025 (month first) or 10-May-25. Not guessed: 5/10 may be 10 May.
      if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$|^\d{1,2}[- ][A-Za-z]{3,9}[- ,]+\d{2,4}$|^[A-Za-z]{3,9}[ -]\d{1,2},? \d{4}$/.test(t))
        return { ok: false, code: 'bad-date', params: { hint: '这像是英文版 Excel 的日期格式（月/日/年或英文月份），无法确定是哪一天：请写成年-月-日。' } };
      return { ok: false, code: 'bad-date' };
    }
    case 'year':
      return readYear(s);
    case 'url':
      return safeUrl(s) ? { ok: true, value: s } : { ok: false, code: 'bad-url' };
    case 'text':
      if (CONTROL_CHARS.test(s)) return { ok: false, code: 'control-character' };
      if (BIDI_CONTROLS.test(s)) return { ok: false, code: 'bidi-control', params: { char: bidiName(s) } };
      if (s.length > MAX_TEXT_CHARS) return { ok: false, code: 'cell-too-long', params: { count: s.length, limit: MAX_TEXT_CHARS } };
      return { ok: true, value: s };
  }
}

/**
 * The common case without allocating a result: a plain in-range count, a code of the right
 * length, or short text with nothing to trim or check. Anything else (undefined) takes the full
 * path in readCell, which has the same outcome for these values.
 */
export function readCellFast(raw: string, col: Column): string | number | undefined {
  const n = raw.length;
  if (n === 0) return undefined;
  switch (col.type) {
    case 'integer': {
      if (n > 9) return undefined;
      let v = 0;
      for (let i = 0; i < n; i++) {
        const c = raw.charCodeAt(i);
        if (c < 48 || c > 57) return undefined;
        v = v * 10 + (c - 48);
      }
      if ((col.min !== undefined && v < col.min) || (col.max !== undefined && v > col.max)) return undefined;
      return v;
    }
    case 'code': {
      if (col.digits !== undefined && n !== col.digits) return undefined;
      for (let i = 0; i < n; i++) {
        const c = raw.charCodeAt(i);
        if (c < 48 || c > 57) return undefined;
      }
      return raw;
    }
    case 'text': {
      // Long strings and strings with 11+ characters may hold an ID or phone number: full path.
      if (n >= 11) return undefined;
      const a = raw.charCodeAt(0);
      const b = raw.charCodeAt(n - 1);
      if (a <= 32 || b <= 32 || a === 0x3000 || b === 0x3000 || a === 0xa0 || b === 0xa0 || a === 0x200b || b === 0x200b || a === 0xfeff || b === 0xfeff) return undefined;
      if ((a >= 0x2000 && a <= 0x200a) || (b >= 0x2000 && b <= 0x200a)) return undefined;
      for (let i = 0; i < n; i++) {
        const c = raw.charCodeAt(i);
        if (c < 32 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return undefined; // control or bidi: full path
      }
      return raw;
    }
    default:
      return undefined;
  }
}
