import { useTranslation } from 'react-i18next';
import type { LaneVisibility } from '../../domain/lane-visibility';
import type { JourneyParts } from '../../domain/queries';
import { LANE_KINDS, type LaneKind } from '../../domain/types';

type Choice = Omit<LaneVisibility, 'collapsed'>;

/** The lanes an export leaves out: without cards, collapsed, and chosen kinds of this journey. */
export function LaneVisibilityFields({
  parts,
  value,
  onChange,
}: {
  parts: JourneyParts;
  value: Choice;
  onChange: (change: Partial<Choice>) => void;
}) {
  const { t } = useTranslation();
  const kindsHere = LANE_KINDS.filter((k) => parts.lanes.some((l) => l.kind === k));
  const toggleKind = (kind: LaneKind, hidden: boolean) =>
    onChange({ hiddenKinds: hidden ? [...value.hiddenKinds, kind] : value.hiddenKinds.filter((k) => k !== kind) });
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={value.hideEmpty} onChange={(e) => onChange({ hideEmpty: e.target.checked })} />
        {t('slides.hideEmpty')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.hideCollapsed}
          onChange={(e) => onChange({ hideCollapsed: e.target.checked })}
        />
        {t('slides.hideCollapsed')}
      </label>
      <fieldset className="slides-kinds">
        <legend>{t('slides.hideKinds')}</legend>
        {kindsHere.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={value.hiddenKinds.includes(kind)}
              onChange={(e) => toggleKind(kind, e.target.checked)}
            />
            {t(`lane.${kind}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
