import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TemplateRec } from '../../storage/db';

export interface TemplateState {
  /** The user's saved templates, by name; null until read. */
  list: TemplateRec[] | null;
}

export type TemplateStore = StoreApi<TemplateState>;
export const createTemplateStore = (): TemplateStore => createStore<TemplateState>(() => ({ list: null }));
