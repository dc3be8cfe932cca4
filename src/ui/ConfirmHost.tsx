import * as AlertDialog from '@radix-ui/react-dialog';
import { useStore } from 'zustand';
import { useApp } from '../app/app-context';

/** Renders the pending confirmation, if any (one at a time). */
export function ConfirmHost() {
  const req = useStore(useApp().confirms.store, (s) => s.current);
  if (!req) return null;
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && req.resolve(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog" role="alertdialog">
          <AlertDialog.Title className="dialog__title">{req.title}</AlertDialog.Title>
          <AlertDialog.Description>{req.message}</AlertDialog.Description>
          <div className="dialog__actions">
            <button type="button" className="button button--ghost" onClick={() => req.resolve(false)}>
              {req.cancelLabel}
            </button>
            <button type="button" className="button button--danger" autoFocus onClick={() => req.resolve(true)}>
              {req.confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
