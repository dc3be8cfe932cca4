/**
 * Characters XML 1.0 forbids (C0 controls but tab and line ends, U+FFFE/U+FFFF, lone surrogates):
 * one of them, pasted into a title, made the whole picture ill-formed.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these control characters are what it removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text without the characters XML 1.0 forbids, for every format the app writes text into: SVG and
 * PowerPoint are XML, and a PDF's text is read back by tools that put it in XML.
 */
export function xmlSafe(s: string): string {
  return s.replace(XML_FORBIDDEN, '');
}
