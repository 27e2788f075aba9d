import { describe, expect, it } from 'vitest';
import { originPattern } from '@/lib/messages';

// Each row: a site's origin, the pattern Chromium gets, the pattern Firefox gets.
const rows: [string, string, string][] = [
  ['https://example.gov.cn', 'https://example.gov.cn/*', 'https://example.gov.cn/*'],
  ['http://10.1.2.3:8080', 'http://10.1.2.3:8080/*', 'http://10.1.2.3/*'],
  ['http://127.0.0.1:44249', 'http://127.0.0.1:44249/*', 'http://127.0.0.1/*'],
  ['https://oa.example.cn:8443', 'https://oa.example.cn:8443/*', 'https://oa.example.cn/*'],
  ['http://[::1]:3000', 'http://[::1]:3000/*', 'http://[::1]/*'],
];

describe('originPattern', () => {
  it.each(rows)('%s → %s in Chromium, %s in Firefox', (origin, chromium, firefox) => {
    expect(originPattern(origin, 'chrome')).toBe(chromium);
    expect(originPattern(origin, 'firefox')).toBe(firefox);
  });

  it('follows the build: this test build is a Chromium one', () => {
    expect(originPattern('http://10.1.2.3:8080')).toBe('http://10.1.2.3:8080/*');
  });
});
