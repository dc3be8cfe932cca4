import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../app/app-context';
import type { Toast } from './toast-store';

function ToastItem({ toast }: { toast: Toast }) {
  const { toasts } = useApp();
  useEffect(() => {
    // A toast that waits for its action (an update ready to load) stays until used or dismissed.
    if (!Number.isFinite(toast.durationMs)) return;
    const timer = setTimeout(() => toasts.dismiss(toast.id), toast.durationMs);
    return () => clearTimeout(timer);
  }, [toasts, toast.id, toast.durationMs]);
  return (
    <div
      className={toast.tone === 'error' ? 'toast toast--error' : 'toast'}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      aria-label={toast.message}
    >
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            toasts.dismiss(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
    </div>
  );
}

/**
 * The messages. A modal dialog hides the rest of the page from assistive technology, except
 * elements marked `aria-live`: the container is, with "off" (each message is its own live region),
 * so a message that comes while a dialog is open is still heard and found.
 */
export function Toaster() {
  const items = useStore(useApp().toasts.store, (s) => s.items);
  return (
    <div className="toaster" aria-live="off">
      {items.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
