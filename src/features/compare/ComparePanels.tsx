import { createContext, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { journeyHref } from '../../app/router';
import type { Alignment } from '../../domain/compare';
import {
  channelRows,
  emptyStages,
  metricRows,
  missesTarget,
  painHeatmap,
  stagesIn,
  votesPerStage,
  type MetricRow,
} from '../../domain/compare-panels';
import { metricReadingText } from '../../domain/compare-tables';
import type { JourneyParts } from '../../domain/queries';
import type { Id, LaneKind } from '../../domain/types';
import { cardDetails } from '../../export/card-details';
import { Dialog, DialogButtons } from '../../ui/Dialog';

interface Opened {
  title: string;
  journey: number;
  cardIds: Id[];
}

/** Pain points, metrics, channels and votes of the compared journeys, stage by stage. */
export function ComparePanels({
  parts,
  alignment,
  names,
}: {
  parts: readonly JourneyParts[];
  alignment: Alignment;
  names: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const heat = useMemo(() => painHeatmap(parts, alignment), [parts, alignment]);
  const metrics = useMemo(() => metricRows(parts, alignment), [parts, alignment]);
  const channels = useMemo(() => channelRows(parts, alignment), [parts, alignment]);
  const votes = useMemo(() => votesPerStage(parts, alignment), [parts, alignment]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const stageName = (i: number) => alignment.stages[i]!.name;
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const without = (key: string, stages: number[]) =>
    stages.length > 0 && (
      <p className="panel__empty">
        {t(key, { stages: list.format(stages.map((i) => `“${stageName(i)}”`)), count: stages.length })}
      </p>
    );
  const stageCount = alignment.stages.length;

  /** A cell that opens the cards behind it; a cell without cards is plain text. */
  const cell = (
    kind: LaneKind,
    journey: number,
    stage: number,
    what: string,
    cardIds: Id[],
    text: ReactNode,
    className = '',
  ) =>
    cardIds.length ? (
      <button
        type="button"
        className={`panel__cell ${className}`}
        aria-label={t('panels.cellLabel', { name: names[journey], stage: stageName(stage), what })}
        onClick={() =>
          setOpened({
            title: t('panels.cards', { kind: t(`lane.${kind}`), name: names[journey], stage: stageName(stage) }),
            journey,
            cardIds,
          })
        }
      >
        {text}
      </button>
    ) : (
      <span className={`panel__cell ${className}`}>{text}</span>
    );
  const missing = () => (
    <span className="panel__missing" title={t('panels.notAStage')}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('panels.notAStage')}</span>
    </span>
  );
  const painStages = stagesIn(heat, (c) => c.count > 0);
  const metricStages = [...new Set(metrics.map((r) => r.stage))];
  const channelStages = [...new Set(channels.map((r) => r.stage))];
  const missed = metrics.filter(missesTarget).length;

  return (
    <div className="panels">
      <Panel
        title={t('panels.pains')}
        empty={painStages.length === 0 ? t('panels.noPains') : null}
        hint={t('panels.painsHint')}
      >
        <PanelTable names={names}>
          <tbody>
            {painStages.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <bdi>{stageName(s)}</bdi>
                </th>
                {heat[s]!.map((c, j) => (
                  <td key={j}>
                    {c === null
                      ? missing()
                      : c.count === 0
                        ? cell('painPoints', j, s, t('panels.none'), [], t('panels.none'), 'heat heat--none')
                        : c.highest
                          ? cell(
                              'painPoints',
                              j,
                              s,
                              t('panels.painWhat', { count: c.count, severity: t(`severity.${c.highest}`) }),
                              c.cardIds,
                              t('panels.painCell', { count: c.count, severity: t(`severity.${c.highest}`) }),
                              `heat heat--${c.highest}`,
                            )
                          : cell(
                              'painPoints',
                              j,
                              s,
                              t('panels.painWhatUnrated', { count: c.count }),
                              c.cardIds,
                              t('panels.painCellUnrated', { count: c.count }),
                              'heat heat--unrated',
                            )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </PanelTable>
        {without('panels.noPainsAt', emptyStages(stageCount, painStages))}
      </Panel>

      <Panel
        title={t('panels.metrics')}
        empty={metrics.length === 0 ? t('panels.noMetrics') : null}
        hint={t('panels.metricsHint')}
      >
        {missed > 0 && <p className="panel__alert">{t('panels.missedRows', { count: missed })}</p>}
        <PanelTable names={names} extra={t('panels.measure')}>
          <tbody>
            {metrics.map((row, r) => (
              <tr key={r} className={missesTarget(row) ? 'panel__row--missed' : undefined}>
                <th scope="row">
                  <bdi>{stageName(row.stage)}</bdi>
                </th>
                <th scope="row">
                  <bdi>{measureName(row, t)}</bdi>
                </th>
                {row.cells.map((readings, j) => (
                  <td key={j}>
                    {readings === null
                      ? missing()
                      : readings.length === 0
                        ? t('panels.notMeasured')
                        : cell(
                            'metrics',
                            j,
                            row.stage,
                            `${measureName(row, t)} ${readings.map((x) => metricReadingText(x, t)).join('; ')}`,
                            readings.map((x) => x.cardId),
                            readings.map((x, k) => (
                              <span key={k} className={`reading reading--${x.status}`}>
                                {metricReadingText(x, t)}
                              </span>
                            )),
                          )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </PanelTable>
        {without('panels.noMetricsAt', emptyStages(stageCount, metricStages))}
      </Panel>

      <Panel
        title={t('panels.channels')}
        empty={channels.length === 0 ? t('panels.noChannels') : null}
        hint={t('panels.channelsHint')}
      >
        <PanelTable names={names} extra={t('panels.channel')}>
          <tbody>
            {channels.map((row, r) => {
              const channel = row.channel ? t(`channel.${row.channel}`) : t('panels.noChannel');
              return (
                <tr key={r}>
                  <th scope="row">
                    <bdi>{stageName(row.stage)}</bdi>
                  </th>
                  <th scope="row">{channel}</th>
                  {row.cells.map((ids, j) => (
                    <td key={j}>
                      {ids === null
                        ? missing()
                        : ids.length === 0
                          ? t('panels.none')
                          : cell(
                              'touchpoints',
                              j,
                              row.stage,
                              `${channel}: ${t('panels.used', { count: ids.length })}`,
                              ids,
                              t('panels.used', { count: ids.length }),
                              'used',
                            )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </PanelTable>
        {without('panels.noChannelsAt', emptyStages(stageCount, channelStages))}
      </Panel>

      {votes.ran.some(Boolean) && (
        <Panel title={t('panels.votes')} empty={null} hint={t('panels.votesHint')}>
          <PanelTable names={names}>
            <tbody>
              {alignment.stages.map((_, s) => (
                <tr key={s}>
                  <th scope="row">
                    <bdi>{stageName(s)}</bdi>
                  </th>
                  {votes.cells[s]!.map((c, j) => (
                    <td key={j}>
                      {!votes.ran[j]
                        ? t('panels.noVote')
                        : c === null
                          ? missing()
                          : cell(
                              'opportunities',
                              j,
                              s,
                              t('panels.votesCell', { count: c.votes }),
                              c.cardIds,
                              t('panels.votesCell', { count: c.votes }),
                            )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </PanelTable>
        </Panel>
      )}

      {opened && (
        <Dialog open onOpenChange={(o) => !o && setOpened(null)} title={opened.title}>
          <CellCards parts={parts[opened.journey]!} cardIds={opened.cardIds} />
          <p>
            <a className="button" href={journeyHref(parts[opened.journey]!.journey.id)}>
              {t('panels.openJourney', { title: parts[opened.journey]!.journey.title })}
            </a>
          </p>
          <DialogButtons cancel={t('panels.close')} />
        </Dialog>
      )}
    </div>
  );
}

/** A panel: its heading names the section and its table; a sentence instead when it has nothing. */
function Panel({
  title,
  empty,
  hint,
  children,
}: {
  title: string;
  empty: string | null;
  hint: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? (
        <p className="panel__empty">{empty}</p>
      ) : (
        <>
          <p className="field__hint">{hint}</p>
          <TableName.Provider value={id}>{children}</TableName.Provider>
        </>
      )}
    </section>
  );
}

const TableName = createContext<string | undefined>(undefined);

/** A panel's table, named by the panel's heading: a column per compared journey. */
function PanelTable({ names, extra, children }: { names: readonly string[]; extra?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="compare-table panel__table" aria-labelledby={useContext(TableName)}>
      <thead>
        <tr>
          <th scope="col">{t('compare.stage')}</th>
          {extra && <th scope="col">{extra}</th>}
          {names.map((n, i) => (
            <th key={i} scope="col">
              <bdi>{n}</bdi>
            </th>
          ))}
        </tr>
      </thead>
      {children}
    </table>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function measureName(row: MetricRow, t: T): string {
  return row.name ?? t(`metric.${row.metric}`);
}

/** The cards behind a cell, with their fields in words. */
function CellCards({ parts, cardIds }: { parts: JourneyParts; cardIds: Id[] }) {
  const { t } = useTranslation();
  const kinds = new Map(parts.lanes.map((l) => [l.id, l.kind]));
  const cards = cardIds.flatMap((id) => parts.cards.find((c) => c.id === id) ?? []);
  return (
    <ul className="cell-cards">
      {cards.map((c) => {
        const details = cardDetails(c, kinds.get(c.laneId)!, parts.journey.state);
        return (
          <li key={c.id}>
            <bdi className="cell-cards__title">{c.title.trim() || t('card.untitled')}</bdi>
            {details && <span className="cell-cards__details">{details}</span>}
          </li>
        );
      })}
    </ul>
  );
}
