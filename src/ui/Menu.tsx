import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/app-context';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

export interface MenuProps {
  label: string;
  trigger: ReactNode;
  items: MenuItem[];
  describedBy?: string;
}

/** What the loaded menu also needs: whether a press that came before its code opens it, and focuses it. */
export type MenuImplProps = MenuProps & { openAtOnce?: boolean; focusAtOnce?: boolean };

type Impl = ComponentType<MenuImplProps>;

// The menu's code (Radix and its positioning) is fetched once the page is idle, or at the first
// press of a menu button, whichever comes first: it is not in the first bundle.
let loading: Promise<Impl> | null = null;
let loaded: Impl | null = null;
function loadMenu(): Promise<Impl> {
  loading ??= import('./MenuImpl').then(
    (m) => (loaded = m.default),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** A button that opens a keyboard-navigable menu (role menu / menuitem). */
export function Menu(props: MenuProps) {
  const [impl, setImpl] = useState<Impl | null>(() => loaded);
  const [opened, setOpened] = useState<{ open: boolean; focus: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation();
  const app = useApp();

  useEffect(() => {
    if (impl) return;
    let live = true;
    const take = () =>
      void loadMenu().then(
        (m) => {
          if (!live) return;
          // The real button replaces this one: it keeps the focus if this one had it.
          setOpened((o) => o ?? { open: false, focus: document.activeElement === button.current });
          setImpl(() => m);
        },
        () => {},
      );
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(take) : setTimeout(take, 200);
    return () => {
      live = false;
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle as number);
      else clearTimeout(idle as ReturnType<typeof setTimeout>);
    };
  }, [impl]);

  if (impl) {
    const Real = impl;
    return <Real {...props} openAtOnce={opened?.open} focusAtOnce={opened?.focus} />;
  }
  const press = () => {
    setOpened({ open: true, focus: true });
    void loadMenu().then(
      (m) => setImpl(() => m),
      // Offline before the app was ever cached, or a new version replaced the files: said, never a
      // button that does nothing. The next press tries again.
      () => {
        setOpened(null);
        app.toasts.show(t('app.menuFailed'), { tone: 'error' });
      },
    );
  };
  return (
    <button
      ref={button}
      type="button"
      className="button button--icon"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={press}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          press();
        }
      }}
    >
      {props.trigger}
    </button>
  );
}
