import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import { useEditor } from '../app/app-context';
import { GRID, type JourneyLayout } from '../domain/layout';
import { framePreset, frameStage } from './framing';

/** Present: the map frames the presented stage; ending it goes back to the usual frame. */
export function usePresentFrame(
  layout: JourneyLayout,
  fit: { fitting: { current: boolean }; reframe: () => void },
): void {
  const flow = useReactFlow();
  const store = useStoreApi();
  const presenting = useEditor((s) => s.presenting);
  const column = presenting ? layout.columns.find((c) => c.stageId === presenting) : undefined;
  const was = useRef(false);
  const latest = useRef(fit);
  latest.current = fit;
  useLayoutEffect(() => {
    if (!column) {
      if (was.current) latest.current.reframe();
      was.current = false;
      return;
    }
    was.current = true;
    latest.current.fitting.current = false;
    const { width, height } = store.getState();
    // A cut, as slides change: the room sees the next stage at once.
    void flow.setViewport(frameStage(column, layout.height, GRID.laneHeaderWidth, { width, height }));
  }, [flow, store, column?.x, column?.width, layout.height]); // eslint-disable-line react-hooks/exhaustive-deps -- the column is what its place says
}

/** Present: the stages other than the presented one step back behind a veil. */
export function PresentVeil({ layout, stageId }: { layout: JourneyLayout; stageId: string | null }) {
  const column = stageId ? layout.columns.find((c) => c.stageId === stageId) : undefined;
  if (!column) return null;
  const left = GRID.laneHeaderWidth;
  const right = column.x + column.width;
  return (
    <>
      <div className="present-veil" style={{ left, width: Math.max(0, column.x - left), height: layout.height }} />
      <div
        className="present-veil"
        style={{ left: right, width: Math.max(0, layout.width - right), height: layout.height }}
      />
    </>
  );
}

/** A zoom preset asked for from the workshop bar: set once, then the map is the user's to move. */
export function usePresetFrame(layout: JourneyLayout, fit: { fitting: { current: boolean } }): void {
  const flow = useReactFlow();
  const store = useStoreApi();
  const asked = useEditor((s) => s.fitPreset);
  const latest = useRef({ layout, fit });
  latest.current = { layout, fit };
  useLayoutEffect(() => {
    if (!asked) return;
    const { layout: map, fit: mode } = latest.current;
    mode.fitting.current = false;
    const { width, height } = store.getState();
    void flow.setViewport(
      framePreset(
        asked.preset,
        { width: map.width, columnWidth: GRID.columnWidth, laneHeaderWidth: GRID.laneHeaderWidth },
        { width, height },
      ),
    );
  }, [flow, store, asked]);
}
