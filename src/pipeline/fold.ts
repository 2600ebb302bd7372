/**
 * A small Traditional → Simplified fold for comparing titles, used until (or unless) the topic
 * module offers its own normalizer. It covers the characters common in cross-strait security
 * headlines; it is a comparison key, never shown to anyone, so a partial table only costs recall.
 */
const PAIRS =
  '臺台灣湾網网資资國国與与會会發发關关聯联際际議议協协們们說说對对問问題题開开報报導导' +
  '軍军華华陸陆兩两岸岸區区長长門门時时間间經经濟济貿贸總总統统黨党選选舉举擊击駭骇攻攻' +
  '擊击訊讯電电腦脑據据數数術术環环境境護护衛卫脅胁險险稱称認认證证權权體体機机構构應应' +
  '對对將将從从來来這这個个為为於于後后實实現现戰战爭争練练習习演演簽签署署備备絡络詐诈' +
  '騙骗碼码級级設设計计畫画劃划屬属傳传統统並并盟盟夥伙訪访談谈邊边達达組组織织動动員员';

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i]!, chars[i + 1]!);
  return m;
})();

/** Fold Traditional characters to Simplified ones (identity for everything else). */
export function foldChinese(s: string): string {
  let out = '';
  for (const c of s) out += MAP.get(c) ?? c;
  return out;
}
