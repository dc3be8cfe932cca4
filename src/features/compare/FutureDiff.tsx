import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../domain/compare-summary';
import { futureReadingText } from '../../domain/compare-tables';
import { stateDiff, type MetricChange } from '../../domain/future-state';
import type { JourneyParts } from '../../domain/queries';

/** What a future state changes from its current state, stage by stage. */
export function FutureDiff({ current, future }: { current: JourneyParts; future: JourneyParts }) {
  const { t } = useTranslation();
  const diff = useMemo(() => stateDiff(current, future), [current, future]);
  const reading = (m: MetricChange) => (
    <li key={`${m.metric}|${m.title}`} className={`reading--${m.status}`}>
      {futureReadingText(m, t)}
    </li>
  );
  return (
    <section className="panel" aria-labelledby="future-diff">
      <h2 id="future-diff">{t('future.title')}</h2>
      <p className="field__hint">{t('future.hint')}</p>
      <div className="curves-scroll">
        <table className="compare-table panel__table" aria-labelledby="future-diff">
          <thead>
            <tr>
              <th scope="col">{t('compare.stage')}</th>
              <th scope="col">{t('future.emotion')}</th>
              <th scope="col">{t('future.removed')}</th>
              <th scope="col">{t('future.added')}</th>
              <th scope="col">{t('future.metrics')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d, i) => (
              <tr key={i}>
                <th scope="row">
                  <bdi>{d.name}</bdi>
                  {(!d.inCurrent || !d.inFuture) && (
                    <span className="compare-table__only">{t(d.inCurrent ? 'future.onlyNow' : 'future.onlyThen')}</span>
                  )}
                </th>
                <td>
                  {d.emotionNow === null && d.emotionThen === null
                    ? t('future.noScores')
                    : t('future.change', {
                        now: formatScore(d.emotionNow),
                        then: formatScore(d.emotionThen),
                        change: formatScore(d.emotionChange),
                      })}
                </td>
                {[d.painsRemoved, d.painsAdded].map((list, k) => (
                  <td key={k}>
                    {list.length === 0 ? (
                      t('future.none')
                    ) : (
                      <ul className="plan-table__answers">
                        {list.map((p, j) => (
                          <li key={j}>
                            <bdi>{p.title}</bdi>
                            {p.severity && ` · ${t(`severity.${p.severity}`)}`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
                <td>
                  {d.metrics.length === 0 ? (
                    t('future.none')
                  ) : (
                    <ul className="plan-table__answers">{d.metrics.map(reading)}</ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
