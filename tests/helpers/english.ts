import { addCatalogue } from '../../src/i18n';
import { enAll } from '../../src/i18n/en-all';

// The app fetches its catalogue before rendering; tests outside a browser have it at once.
addCatalogue('en', enAll);
