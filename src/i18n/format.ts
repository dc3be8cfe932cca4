import type { FormatIssue } from '../domain/format/issues';
import { i18n } from './index';

export function describeIssue(issue: FormatIssue): string {
  const text = i18n.t(`issue.${issue.code}`, { ...issue.params, defaultValue: issue.code });
  return issue.path ? `${issue.path}: ${text}` : text;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}

export function formatRelativeTime(ms: number, now: number = Date.now()): string {
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return i18n.t('time.justNow');
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [31557600, 'year'],
    [2629800, 'month'],
    [604800, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  const [size, unit] = units.find(([s]) => abs >= s) ?? [1, 'second'];
  return rtf.format(Math.round(diff / size), unit);
}
