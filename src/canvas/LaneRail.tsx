import { useStore } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { useViewOnly } from './use-view-only';
import { useTranslation } from 'react-i18next';
import { GRID, type JourneyLayout } from '../domain/layout';
import { randomId } from '../domain/ids';
import { addLane, deleteLane, moveLane, renameLane } from '../domain/stage-commands';
import { LIMITS, type LaneRec } from '../domain/types';
import { i18n } from '../i18n';
import { InlineText } from '../ui/InlineText';
import { Menu } from '../ui/Menu';
import { run } from '../features/editor/editor-actions';
import { startRenaming, toggleLane } from '../features/editor/editor-state';
import { LANE_COLORS } from './visuals';
import { COMPACT_RAIL_PX } from './follow-frame';
import { useEditor, useApp } from '../app/app-context';
import { type App } from '../app/create-app';

async function confirmDeleteLane(app: App, lane: LaneRec, title: string, cardCount: number) {
  const t = i18n.t;
  const ok = await app.confirms.ask({
    title: t('editor.deleteLaneTitle', { title }),
    message: t('editor.deleteLaneMessage', { title, count: cardCount }),
    confirmLabel: t('editor.deleteLaneConfirm'),
    cancelLabel: t('editor.cancel'),
  });
  if (ok) run(app, deleteLane(lane.id));
}

function LaneHeader({
  lane,
  index,
  count,
  title,
  cardCount,
  height,
}: {
  lane: LaneRec;
  index: number;
  count: number;
  title: string;
  cardCount: number;
  height: number;
}) {
  const app = useApp();
  const { t } = useTranslation();
  const collapsed = useEditor((s) => !!s.collapsedLanes[lane.id]);
  const renaming = useEditor((s) => s.renaming?.kind === 'lane' && s.renaming.id === lane.id);
  const viewOnly = useViewOnly(lane.journeyId);
  return (
    <div
      className="lane-header"
      style={{ height, borderLeftColor: LANE_COLORS[lane.kind] }}
      role="group"
      aria-label={t('editor.lane', { title })}
    >
      <button
        type="button"
        className="icon-button lane-header__toggle"
        aria-expanded={!collapsed}
        aria-label={collapsed ? t('editor.expandLane', { title }) : t('editor.collapseLane', { title })}
        onClick={() => toggleLane(app.editor, lane.id)}
      >
        {collapsed ? '▸' : '▾'}
      </button>
      {renaming ? (
        <InlineText
          value={lane.title ?? title}
          label={t('editor.laneName')}
          maxLength={LIMITS.nameLength}
          onCommit={(text) => {
            if (text.trim() !== title) run(app, renameLane(lane.id, text));
            startRenaming(app.editor, 'lane', null);
          }}
          onCancel={() => startRenaming(app.editor, 'lane', null)}
        />
      ) : (
        <span
          className="lane-header__title"
          dir="auto"
          onDoubleClick={() => !viewOnly && startRenaming(app.editor, 'lane', lane.id)}
        >
          {title}
        </span>
      )}
      {!viewOnly && (
        <Menu
          label={t('editor.laneActions', { title })}
          trigger={<span aria-hidden="true">⋯</span>}
          items={[
            { label: t('editor.renameLane'), onSelect: () => startRenaming(app.editor, 'lane', lane.id) },
            ...(index > 0
              ? [{ label: t('editor.moveLaneUp'), onSelect: () => run(app, moveLane(lane.id, index - 1)) }]
              : []),
            ...(index < count - 1
              ? [{ label: t('editor.moveLaneDown'), onSelect: () => run(app, moveLane(lane.id, index + 1)) }]
              : []),
            {
              label: collapsed ? t('editor.expand') : t('editor.collapse'),
              onSelect: () => toggleLane(app.editor, lane.id),
            },
            ...(lane.kind === 'notes'
              ? [
                  {
                    label: t('editor.addNotesLaneBelow'),
                    onSelect: () =>
                      run(
                        app,
                        addLane({ id: randomId(), journeyId: lane.journeyId, kind: 'notes', afterLaneId: lane.id }),
                      ),
                  },
                ]
              : []),
            ...(count > 1
              ? [
                  {
                    label: t('editor.deleteLane'),
                    danger: true,
                    onSelect: () => void confirmDeleteLane(app, lane, title, cardCount),
                  },
                ]
              : []),
          ]}
        />
      )}
    </div>
  );
}

/**
 * Lane titles drawn over the canvas: they follow the map up and down and in zoom, but stay at the
 * left edge of the screen when the map is panned sideways.
 */
export const LaneRail = memo(function LaneRail({
  lanes,
  layout,
  titles,
  cardCounts,
  compact = false,
}: {
  lanes: LaneRec[];
  layout: JourneyLayout;
  titles: Map<string, string>;
  cardCounts: Map<string, number>;
  /** On a phone the rail is a thin strip of upright titles, whatever the zoom: the cards need the width. */
  compact?: boolean;
}) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  // Never wider than the map's own lane-title column: zoomed far out, the strip would cover the first cards.
  const width = compact ? Math.min(COMPACT_RAIL_PX / zoom, GRID.laneHeaderWidth) : GRID.laneHeaderWidth;
  return (
    <div
      className={compact ? 'lane-rail lane-rail--compact' : 'lane-rail'}
      style={
        {
          transform: `translate(${Math.max(tx, 0)}px, ${ty}px) scale(${zoom})`,
          width,
          '--rail-zoom': zoom,
        } as CSSProperties
      }
    >
      {lanes.map((lane, i) => {
        const row = layout.rows[i];
        if (!row) return null;
        return (
          <div key={lane.id} style={{ position: 'absolute', top: row.y, left: 0, width }}>
            <LaneHeader
              lane={lane}
              index={i}
              count={lanes.length}
              title={titles.get(lane.id) ?? ''}
              cardCount={cardCounts.get(lane.id) ?? 0}
              height={row.height}
            />
          </div>
        );
      })}
    </div>
  );
});
