/** The built-in templates with content, as New journey lists them (their files load when used). */
export const CONTENT_TEMPLATES = [
  'deliveryProblem',
  'appointment',
  'supportChannels',
  'saasTrial',
  'cancellation',
  'bankAccount',
] as const;
export type ContentTemplateId = (typeof CONTENT_TEMPLATES)[number];
