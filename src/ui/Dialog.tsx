import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  /** For a dialog that shows pictures (a preview): as wide as the window allows. */
  wide?: boolean;
  children: ReactNode;
}

/** A modal dialog named by its title, with focus trapped inside and Escape to close (Radix). */
export function Dialog({ open, onOpenChange, title, description, wide, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={wide ? 'dialog dialog--wide' : 'dialog'}
          aria-describedby={description ? undefined : undefined}
        >
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The row of buttons that ends a dialog: an optional closing button and the form's submit. */
export function DialogButtons({ cancel, submit }: { cancel: string; submit?: string }) {
  return (
    <div className="dialog__actions">
      <RadixDialog.Close asChild>
        <button type="button" className={submit ? 'button button--ghost' : 'button'}>
          {cancel}
        </button>
      </RadixDialog.Close>
      {submit && (
        <button type="submit" className="button button--primary">
          {submit}
        </button>
      )}
    </div>
  );
}
