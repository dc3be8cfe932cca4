import { useTranslation } from 'react-i18next';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { useEditor, useApp } from '../../app/app-context';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Every key of the editor in one list, opened with ? or the toolbar's ? button. */
export function ShortcutsDialog() {
  const app = useApp();
  const { t } = useTranslation();
  const open = useEditor((s) => s.shortcutsOpen);
  if (!open) return null;
  const mod = isMac ? '⌘' : 'Ctrl';
  const rows: [string, string][] = [
    [`${mod}+Z`, t('shortcuts.undo')],
    [`${mod}+Shift+Z · ${mod}+Y`, t('shortcuts.redo')],
    ['Enter', t('shortcuts.enterCell')],
    [`${mod}+Enter`, t('shortcuts.nextCard')],
    ['Enter · F2', t('shortcuts.enterCard')],
    ['Escape', t('shortcuts.escape')],
    ['Delete · Backspace', t('shortcuts.delete')],
    ['↑ · ↓', t('shortcuts.score')],
    ['Alt+↑ · Alt+↓ · Alt+← · Alt+→', t('shortcuts.step')],
    [`${mod}+C · ${mod}+V · ${mod}+D`, t('shortcuts.copy')],
    [t('shortcuts.shiftClickKeys'), t('shortcuts.shiftClick')],
    ['Tab · Shift+Tab', t('shortcuts.tab')],
    ['W', t('shortcuts.workshop')],
    ['P', t('shortcuts.presentStart')],
    ['← · → · Page Up · Page Down', t('shortcuts.present')],
    [t('shortcuts.presentEndKeys'), t('shortcuts.presentEnd')],
    [t('shortcuts.captureKeys'), t('shortcuts.capture')],
    [`Tab · Shift+Tab · ${mod}+→ · ${mod}+←`, t('shortcuts.captureMove')],
    ['N', t('shortcuts.captureFocus')],
    ['K', t('shortcuts.park')],
    ['T', t('shortcuts.timer')],
    ['M', t('shortcuts.addMinute')],
    ['0 · 3 · 1', t('shortcuts.fit')],
    ['F', t('shortcuts.fullScreen')],
    ['V', t('shortcuts.vote')],
    [t('shortcuts.voteKeys'), t('shortcuts.voteCard')],
    ['?', t('shortcuts.help')],
  ];
  return (
    <Dialog open onOpenChange={(o) => !o && app.editor.setState({ shortcutsOpen: false })} title={t('shortcuts.title')}>
      <table className="shortcuts">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DialogButtons cancel={t('shortcuts.close')} />
    </Dialog>
  );
}
