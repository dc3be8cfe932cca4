import '@testing-library/react';
import 'fake-indexeddb/auto';
import '../../src/i18n';
