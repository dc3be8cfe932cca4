import { DomainError, type Command } from '../domain/command';
import { i18n } from '../i18n';
import type { DispatchOptions, HistoryEntry, StoreChange } from '../store/workspace-store';
import type { App } from './create-app';

export type CommandResult = { ok: true; entry: HistoryEntry } | { ok: false; error: DomainError; message: string };
export type StepResult = { ok: true; entry: HistoryEntry | null } | { ok: false; error: DomainError; message: string };

/** The message of a refusal, from the one catalogue keyed by DomainError code. */
export function messageOf(error: DomainError): string {
  return i18n.t(`domainError.${error.code}`, { ...error.params, defaultValue: i18n.t('domainError.generic') });
}

/**
 * The one way a feature or the canvas changes a document: the command runs through the store
 * (patches, then render, storage and history), and a refusal of the domain comes back as a result
 * with its message instead of an exception. Any other error is a bug and is thrown.
 */
export function runCommand(app: Pick<App, 'workspace'>, command: Command, options?: DispatchOptions): CommandResult;
export function runCommand(app: Pick<App, 'workspace'>, change: StoreChange, options?: DispatchOptions): StepResult;
export function runCommand(
  { workspace }: Pick<App, 'workspace'>,
  change: Command | StoreChange,
  options?: DispatchOptions,
): StepResult {
  try {
    return {
      ok: true,
      entry: 'run' in change ? workspace.dispatch(change, options) : workspace.dispatch(change, options),
    };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e, message: messageOf(e) };
    throw e;
  }
}

/** Runs a command and says why in a toast if it is refused: for gestures with no field to speak by. */
export function runOrToast(
  app: Pick<App, 'workspace' | 'toasts'>,
  command: Command,
  options?: DispatchOptions,
): CommandResult;
export function runOrToast(
  app: Pick<App, 'workspace' | 'toasts'>,
  change: StoreChange,
  options?: DispatchOptions,
): StepResult;
export function runOrToast(
  app: Pick<App, 'workspace' | 'toasts'>,
  change: Command | StoreChange,
  options?: DispatchOptions,
): StepResult {
  const result = 'run' in change ? runCommand(app, change, options) : runCommand(app, change, options);
  if (!result.ok) app.toasts.show(result.message);
  return result;
}
