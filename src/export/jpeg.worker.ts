/// <reference lib="webworker" />

/**
 * Encodes slide pictures as JPEG away from the page: on the page, the browser encodes them in the
 * main thread's idle time, so the next slide could not be drawn meanwhile.
 */
self.onmessage = async (event: MessageEvent<{ id: number; bitmap: ImageBitmap; quality: number }>) => {
  const { id, bitmap, quality } = event.data;
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    const buffer = await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer();
    self.postMessage({ id, buffer }, [buffer]);
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
