import { lazy, useState, type ComponentType } from 'react';

/**
 * A code-split screen that renders at once when its chunk has already arrived. React.lazy always
 * suspends on its first render, even for a loaded module, and React then holds the revealed
 * screen back for its fallback throttle (300 ms): a journey opened by its address would wait for
 * nothing.
 */
export function lazyScreen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        pending = null; // a failed fetch may be retried on the next visit
        throw error;
      },
    ));
  const Lazy = lazy(preload);
  function Screen(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the module would remount the screen.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { Screen, preload };
}
