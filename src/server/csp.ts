/**
 * The app's Content-Security-Policy, one text for the page's <meta> tag and `npm run serve`'s
 * header. Scripts only from the app's own files (no inline script, no eval); connections only to
 * its own origin, which also serves the live sessions' WebSocket ('self' covers ws: and wss: of
 * the same host); pictures from the app, or made in the page (data: and blob: URLs). Styles may
 * be set inline, as React and React Flow position everything with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
