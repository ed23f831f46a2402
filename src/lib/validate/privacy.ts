/**
 * Personal data must never be published: the portal is about schools and counties, not people.
 * These checks run on every file before anything else uses it.
 */

/** Header names that mean a column holds personal data (pupils, parents, teachers). */
const PERSONAL_HEADER =
  /姓名|名字|身份证|证件号|证件号码|护照|手机|电话|联系方式|家庭住址|家庭地址|住址|出生日期|出生年月|生日|学籍号|监护人|家长|民族|户籍|^(student|pupil|parent|teacher)_?name$|id_?card|passport|phone|mobile|birth/i;

export function isPersonalDataHeader(header: string): boolean {
  return PERSONAL_HEADER.test(header.trim());
}

const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True when the 18-character string has a valid GB 11643 check digit. */
export function isIdCardNumber(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === s[17].toUpperCase();
}

/** yyyymmdd (or yymmdd for the old 15-digit form) that can be a birth date. */
function birthDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2099;
}

/**
 * An ID-card number in any of the forms people type: 18 characters with a valid check digit;
 * 18 with a wrong check digit (a typo is still a person's number) when it has a province code
 * and a birth date; the old 15-digit form (province, yymmdd, sequence).
 */
export function looksLikeIdCard(s: string): boolean {
  if (isIdCardNumber(s)) return true;
  const province = Number(s.slice(0, 2));
  if (province < 11 || province > 82) return false;
  if (/^\d{17}[\dXx]$/.test(s)) return birthDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)));
  if (/^\d{15}$/.test(s)) return birthDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
  return false;
}

/** Runs of digits that may be separated by single spaces or hyphens (“1101 0119 9003 0777 74”). */
const DIGIT_RUN = /(?<![0-9A-Za-z])[0-9](?:[0-9]|[ \-\u00a0\u3000](?=[0-9Xx]))*[0-9Xx]?(?![0-9A-Za-z])/g;

/**
 * The ID-card number in a text, if any (spaces and hyphens removed), else null. Groups of a run
 * are tried in every contiguous combination, so “编号 12 110101199003077774” is found too.
 */
export function findIdCard(text: string): string | null {
  for (const m of text.matchAll(ID_CARD)) if (isIdCardNumber(m[0])) return m[0];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const groups = m[0].split(/[ \-\u00a0\u3000]/).filter((g) => g !== '');
    for (let i = 0; i < groups.length; i++) {
      let joined = '';
      for (let j = i; j < groups.length && joined.length < 18; j++) {
        joined += groups[j];
        if ((joined.length === 18 || joined.length === 15) && looksLikeIdCard(joined)) return joined;
      }
    }
  }
  return null;
}

export function containsIdCard(text: string): boolean {
  return findIdCard(text) !== null;
}

/**
 * A cell holding personal data as it may appear in a message or report: every digit but the
 * first two of each run replaced by “*” (“110101-19900307-7774” → “11****-********-****”), so
 * the report (and a pull-request annotation) never repeats the number.
 */
export function maskPersonalDigits(text: string): string {
  return text.replace(/[0-9Xx]+/g, (run, at: number) => {
    const prev = text[at - 1];
    const continues = prev !== undefined && /[ \-\u00a0\u3000]/.test(prev) && /[0-9]/.test(text[at - 2] ?? '');
    return continues ? '*'.repeat(run.length) : run.slice(0, 2) + '*'.repeat(Math.max(0, run.length - 2));
  });
}

/** Mainland mobile numbers: 11 digits starting 13–19, optionally written 138-1234-5678 or +86. */
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/;

export function containsMobile(text: string): boolean {
  return MOBILE.test(text);
}
