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

export function containsIdCard(text: string): boolean {
  for (const m of text.matchAll(ID_CARD)) if (isIdCardNumber(m[0])) return true;
  return false;
}

/** Mainland mobile numbers: 11 digits starting 13–19, optionally written 138-1234-5678 or +86. */
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/;

export function containsMobile(text: string): boolean {
  return MOBILE.test(text);
}
