// Dexie reads the IndexedDB globals when it loads, so they must exist before any test module.
import 'fake-indexeddb/auto';
