import { useStore } from 'zustand';
import { createWorkspaceStore, type WorkspaceState } from './workspace-store';

/** The app's one workspace store; tests make their own with createWorkspaceStore. */
export const workspace = createWorkspaceStore();

export function useWorkspace<T>(selector: (s: WorkspaceState) => T): T {
  return useStore(workspace.store, selector);
}
