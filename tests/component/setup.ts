import '@testing-library/react';
import 'fake-indexeddb/auto';
import '../helpers/english';

// jsdom lacks the layout APIs React Flow reads; these stand-ins report no size and no transform.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

class DOMMatrixStub {
  m22 = 1;
  a = 1;
  constructor(_t?: string) {}
}
globalThis.DOMMatrixReadOnly ??= DOMMatrixStub as unknown as typeof DOMMatrixReadOnly;
