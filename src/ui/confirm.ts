import { createStore } from 'zustand/vanilla';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  resolve: (ok: boolean) => void;
}

/** Confirmations of destructive actions, shown one at a time by ConfirmHost. */
export function createConfirms() {
  const store = createStore<{ current: ConfirmRequest | null }>(() => ({ current: null }));
  return {
    store,
    /** Asks the user to confirm in an accessible dialog; a newer question cancels an older one. */
    ask(request: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
      return new Promise((resolve) => {
        store.getState().current?.resolve(false);
        store.setState({
          current: {
            ...request,
            resolve: (ok) => {
              store.setState({ current: null });
              resolve(ok);
            },
          },
        });
      });
    },
  };
}

export type Confirms = ReturnType<typeof createConfirms>;
