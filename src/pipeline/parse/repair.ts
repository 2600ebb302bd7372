/**
 * A second chance for XML that the strict parser rejects, limited to the two faults that break
 * most real feeds: HTML named entities (`&nbsp;`, `&mdash;`: legal under the Netscape RSS 0.91
 * DTD, unknown to an XML parser) and bare ampersands (`AT&T`, unescaped query strings).
 * Only used after a strict parse failed, so valid feeds (and their CDATA) are never touched.
 */

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

// The HTML entities seen in feeds, as code points; anything else becomes literal text.
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160, iexcl: 161, cent: 162, pound: 163, curren: 164, yen: 165, brvbar: 166, sect: 167, uml: 168,
  copy: 169, ordf: 170, laquo: 171, not: 172, shy: 173, reg: 174, macr: 175, deg: 176, plusmn: 177,
  sup2: 178, sup3: 179, acute: 180, micro: 181, para: 182, middot: 183, cedil: 184, sup1: 185, ordm: 186,
  raquo: 187, frac14: 188, frac12: 189, frac34: 190, iquest: 191, Agrave: 192, Aacute: 193, Auml: 196,
  Ccedil: 199, Egrave: 200, Eacute: 201, Ouml: 214, times: 215, Uuml: 220, szlig: 223, agrave: 224,
  aacute: 225, acirc: 226, auml: 228, aring: 229, ccedil: 231, egrave: 232, eacute: 233, ecirc: 234,
  euml: 235, iacute: 237, iuml: 239, ntilde: 241, oacute: 243, ocirc: 244, ouml: 246, divide: 247,
  uacute: 250, uuml: 252, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220,
  rdquo: 8221, bdquo: 8222, dagger: 8224, bull: 8226, hellip: 8230, prime: 8242, lsaquo: 8249,
  rsaquo: 8250, euro: 8364, trade: 8482, larr: 8592, rarr: 8594, ensp: 8194, emsp: 8195, thinsp: 8201,
  zwnj: 8204, zwj: 8205,
};

/** Rewrite HTML entities to numeric references and escape bare ampersands. */
export function repairXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+;|#[0-9]+;|([A-Za-z][A-Za-z0-9]*);)?/g, (whole, ref: string | undefined, name: string | undefined) => {
    if (ref === undefined) return '&amp;';
    if (name === undefined || XML_ENTITIES.has(name)) return whole;
    const cp = HTML_ENTITIES[name];
    return cp === undefined ? `&amp;${name};` : `&#${cp};`;
  });
}
