/** The topic of the watcher's temporary sites (format: src/topic/schema.ts). */
export const TEST_TOPIC: Record<string, unknown> = {
  thresholds: { append: 0.7, review: 0.35 },
  groups: {
    taiwan: { terms: ['taiwan', 'taipei', '台灣', '台湾', '臺灣'] },
    cyber: { terms: ['cyber*', 'cybersecurity', 'ransomware', 'hacker*', '資安', '资安', '網路安全'] },
  },
  rules: [
    { name: 'taiwan-cyber', all: ['taiwan', 'cyber'], score: 1 },
    { name: 'taiwan-only', all: ['taiwan'], score: 0.5 },
  ],
};
