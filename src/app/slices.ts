/** A new task: the page may draw and take input before the work goes on. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long one slice of long work may hold the page. */
export const SLICE_MS = 30;

/**
 * Runs long work given as steps (an iterator) in slices of about SLICE_MS, each its own task, so
 * no click or keystroke waits behind it; `between` runs at each pause (check a Cancel by
 * throwing, show progress). Returns the iterator's result.
 */
export async function runInSlices<R>(steps: Iterator<unknown, R>, between?: () => void): Promise<R> {
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started > SLICE_MS) {
      await nextTask();
      between?.();
      started = performance.now();
    }
  }
}
