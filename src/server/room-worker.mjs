// The room worker's entry: the server runs from TypeScript sources, so the worker thread loads
// them through tsx as the main thread does.
import { register } from 'tsx/esm/api';

register();
await import('./room-worker.ts');
