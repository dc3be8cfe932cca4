import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Headers every response of `npm run serve` carries. The page may not be framed (`frame-ancestors`
 * works only as a header, not in the page's <meta> policy; X-Frame-Options for older browsers),
 * sends no Referer (a live link's room id must not leave in one), and asks for no powerful feature
 * the app does not use.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()',
};
