import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProvider } from '../../src/app/app-context';
import { createApp, type App } from '../../src/app/create-app';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { importDocument } from '../../src/domain/format/import-document';

/** An app of its own for one test, holding a journey file's records (not stored anywhere). */
export function testApp(fileText?: string): App {
  const app = createApp();
  if (fileText) {
    const parsed = parseJourneyFile(fileText);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    app.workspace.dispatch(importDocument(parsed.doc), { history: false });
  }
  return app;
}

/** Renders inside the app's provider, as main.tsx does. */
export function renderIn(app: App, ui: ReactElement) {
  const view = render(<AppProvider app={app}>{ui}</AppProvider>);
  return { ...view, rerender: (next: ReactElement) => view.rerender(<AppProvider app={app}>{next}</AppProvider>) };
}
