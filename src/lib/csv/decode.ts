/**
 * Bytes → text. Bureaus save CSV from Excel or WPS as UTF-8 (with or without BOM) or as
 * GBK/GB18030 ("CSV (逗号分隔)" on a Chinese Windows). We detect which, without any setting,
 * and recognise files that are not CSV at all so the message can say what they are.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding }
  | {
      readonly ok: false;
      readonly code: 'empty-file' | 'not-csv' | 'encoding-unreadable' | 'encoding-utf16' | 'encoding-mixed' | 'encoding-big5';
      /** For encoding-big5: the first line as Big5 reads it (short). */
      readonly sample?: string;
      /** For not-csv: what the file looks like, in Chinese. */
      readonly kind?: string;
      /** For encoding-mixed: the line of the first unreadable byte and how many there are. */
      readonly line?: number;
      readonly count?: number;
    };

import { Buffer, isUtf8 } from 'node:buffer';

/**
 * Strict UTF-8: the text, or null when the bytes are not valid UTF-8. Same result as
 * `new TextDecoder('utf-8', { fatal: true })` (which also drops a leading BOM), but validating
 * with isUtf8 and then decoding is ~50× faster on mostly-ASCII files than Node's fatal decoder
 * (33 ms → 0.6 ms for a 1.7 MB classes.csv): it was the largest single cost of validation.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
const gb18030 = new TextDecoder('gb18030', { fatal: true });

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Known non-CSV formats by their magic numbers. */
const SIGNATURES: readonly { sig: readonly number[]; kind: string }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], kind: 'Excel 工作簿（.xlsx）或其他压缩文件' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'Excel 97-2003 工作簿（.xls）或 WPS 表格文件（.et）' },
  { sig: [0x25, 0x50, 0x44, 0x46], kind: 'PDF 文档' },
  { sig: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG 图片' },
  { sig: [0xff, 0xd8, 0xff], kind: 'JPEG 图片' },
  { sig: [0x1f, 0x8b], kind: 'gzip 压缩文件' },
  { sig: [0x52, 0x61, 0x72, 0x21], kind: 'RAR 压缩文件' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], kind: '7z 压缩文件' },
];

/** Control characters other than tab, CR and LF do not occur in a real CSV. */
function controlShare(text: string): number {
  const n = Math.min(text.length, 65536);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / n;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty-file' };
  for (const { sig, kind } of SIGNATURES) if (startsWith(bytes, sig)) return { ok: false, code: 'not-csv', kind };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: false, code: 'encoding-utf16' };

  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  let body = hasBom ? bytes.subarray(3) : bytes;
  // Ctrl-Z (0x1A) after the last line is the end-of-file mark old DOS tools still append, not
  // data: without this, one such byte in a short file made it “binary”.
  let end = body.length;
  while (end > 0 && body[end - 1] === 0x1a) end--;
  if (end < body.length) body = body.subarray(0, end);
  if (body.length === 0) return { ok: false, code: 'empty-file' };
  // A NUL byte never occurs in UTF-8 or GBK text; it marks a binary file (or UTF-16 without BOM).
  const probe = body.subarray(0, 65536);
  if (probe.includes(0)) return { ok: false, code: 'not-csv', kind: '二进制文件（不是文本）' };

  let text: string | null = null;
  let encoding: Encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  text = strictUtf8(body);
  if (text === null) {
    // Mostly valid UTF-8 with a few broken bytes (a GBK line pasted into a UTF-8 file, a
    // truncated character): decoding it all as GBK would turn every Chinese header into
    // mojibake, so say where the broken bytes are instead.
    const mixed = mostlyUtf8(body, 10);
    if (mixed) return { ok: false, code: 'encoding-mixed', line: mixed.line, count: mixed.count };
    if (!hasBom) {
      // Big5 (繁体, Taiwan/Hong Kong Excel) mostly decodes as GB18030 too — into mojibake.
      const big5 = looksLikeBig5(body);
      if (big5 !== null) return { ok: false, code: 'encoding-big5', sample: big5 };
      try {
        text = gb18030.decode(body);
        encoding = 'gb18030';
      } catch {
        text = null;
      }
    }
  }
  if (text === null) {
    // Neither encoding reads it whole. Control bytes mean binary data (a renamed file of some
    // other kind); otherwise, if it is still more UTF-8 than not, point at the line.
    if (controlByteShare(body) > 0.01) return { ok: false, code: 'not-csv', kind: '二进制文件（不是文本）' };
    const mixed = mostlyUtf8(body, 1);
    if (mixed) return { ok: false, code: 'encoding-mixed', line: mixed.line, count: mixed.count };
    return { ok: false, code: 'encoding-unreadable' };
  }
  if (text.trim() === '') return { ok: false, code: 'empty-file' };
  if (controlShare(text) > 0.01) return { ok: false, code: 'not-csv', kind: '二进制文件（不是文本）' };
  return { ok: true, text, encoding };
}

const utf8Lossy = new TextDecoder('utf-8');

let big5Decoder: TextDecoder | null | undefined;

/**
 * Big5 or GBK? Simplified Chinese text saved as GBK stays almost entirely inside GB2312: lead
 * byte 0xA1–0xA9 (symbols) or 0xB0–0xF7 (hanzi), trail byte 0xA1–0xFE. Big5 hanzi start at lead
 * 0xA4 (0xAA–0xAF are empty in GB2312) and about 40 % have a trail byte 0x40–0x7E. So: when
 * fewer than 80 % of the double-byte characters fall in GB2312 and the bytes are valid Big5,
 * it is Big5. Returns the start of the first line as Big5 reads it, or null.
 */
function looksLikeBig5(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 65536);
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < n - 1; i++) {
    const b = bytes[i];
    if (b < 0x81) continue;
    const t = bytes[i + 1];
    pairs++;
    if (((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7)) && t >= 0xa1 && t <= 0xfe) gb2312++;
    i++;
  }
  if (pairs < 4 || gb2312 >= 0.8 * pairs) return null;
  if (big5Decoder === undefined) {
    try {
      big5Decoder = new TextDecoder('big5', { fatal: true });
    } catch {
      big5Decoder = null; // a Node without full ICU
    }
  }
  if (!big5Decoder) return null;
  try {
    const text = big5Decoder.decode(bytes.subarray(0, Math.min(bytes.length, 4096)), { stream: true });
    const first = text.split(/\r?\n/)[0];
    return first.length > 30 ? first.slice(0, 30) + '…' : first;
  } catch {
    return null;
  }
}

/**
 * UTF-8 with few invalid sequences: at least `ratio` valid non-ASCII characters per broken one.
 * GBK text read as UTF-8 breaks on nearly every Chinese character, so the two are far apart.
 */
function mostlyUtf8(bytes: Uint8Array, ratio: number): { line: number; count: number } | null {
  const text = utf8Lossy.decode(bytes);
  let bad = 0;
  let wide = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      bad++;
      if (first < 0) first = i;
    } else if (c >= 0x80) wide++;
  }
  if (bad === 0 || wide < ratio * bad) return null;
  // Binary data is not a text file with a few bad bytes.
  if (controlByteShare(bytes) > 0.01) return null;
  let line = 1;
  for (let i = 0; i < first; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, count: bad };
}

/** Share of control bytes (other than tab, CR, LF) in the first 64 KB: text has none. */
function controlByteShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) bad++;
  }
  return n === 0 ? 0 : bad / n;
}
