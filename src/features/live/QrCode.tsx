import { useEffect, useState } from 'react';

/** A QR code of a link, for phones in the room; drawn once its small library has loaded. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode-generator').then(({ default: qrcode }) => {
      const qr = qrcode(0, 'M');
      qr.addData(text);
      qr.make();
      if (live) setSrc(qr.createDataURL(6, 2));
    });
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img className="live-qr" src={src} alt={label} width={200} height={200} /> : null;
}
