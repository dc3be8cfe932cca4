import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/csp';
import { SECURITY_HEADERS } from '../../src/server/security-headers';
import { baseUrl, openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

describe('Content-Security-Policy', () => {
  it('is in the page and in the server’s headers, forbids inline script and eval, and keeps connections at home', async () => {
    const { context, page } = await openApp(browser());
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    const response = await page.request.get(baseUrl() + '/');
    // The header is the page's policy, and forbids framing too (which only a header can).
    expect(response.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: blob:");

    // The browser enforces it: an inline script is refused, and said so. (Code the test evaluates
    // through the debugger is exempt from the policy, so eval is checked in the policy's text.)
    const outcome = await page.evaluate(() => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
      return new Promise<{ ran: boolean; violations: string[] }>((resolve) =>
        setTimeout(() => resolve({ ran: (window as unknown as { __ran?: boolean }).__ran === true, violations }), 100),
      );
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem']));
    await context.close();
    // This one was provoked on purpose: it is not the app's.
    const { policyBreaches } = await import('./browser');
    policyBreaches.splice(0, policyBreaches.length, ...policyBreaches.filter((b) => !b.startsWith('CSP: script-src')));
  });
});
