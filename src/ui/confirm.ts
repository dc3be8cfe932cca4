import { createStore } from 'zustand/vanilla';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  resolve: (ok: boolean) => void;
}

export const confirmRequests = createStore<{ current: ConfirmRequest | null }>(() => ({ current: null }));

/** Asks the user to confirm a destructive action in an accessible dialog. */
export function confirmAction(request: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) => {
    confirmRequests.getState().current?.resolve(false);
    confirmRequests.setState({
      current: {
        ...request,
        resolve: (ok) => {
          confirmRequests.setState({ current: null });
          resolve(ok);
        },
      },
    });
  });
}
