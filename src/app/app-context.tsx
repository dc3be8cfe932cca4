import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState } from '../features/editor/editor-state';
import type { WorkshopState } from '../features/workshop/workshop-state';
import type { StorageStatus } from '../storage/status';
import type { WorkspaceState } from '../store/workspace-store';
import type { App } from './create-app';

const AppContext = createContext<App | null>(null);

export function AppProvider({ app, children }: { app: App; children: ReactNode }) {
  return <AppContext.Provider value={app}>{children}</AppContext.Provider>;
}

/** The app of the tree this component is in. */
export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppProvider');
  return app;
}

export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useStore(useApp().workspace.state, selector);
}

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useApp().editor, selector);
}

export function useWorkshop<T>(selector: (s: WorkshopState) => T): T {
  return useStore(useApp().workshop, selector);
}

export function useStorageStatus<T>(selector: (s: StorageStatus) => T): T {
  return useStore(useApp().status, selector);
}
