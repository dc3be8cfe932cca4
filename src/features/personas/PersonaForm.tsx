import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf, runCommand } from '../../app/commands';
import { randomId } from '../../domain/ids';
import {
  createPersona,
  emptyPersona,
  PERSONA_LIST_FIELDS,
  updatePersona,
  type PersonaFields,
  personaProblems,
} from '../../domain/persona-commands';
import { LIMITS, CHANNELS, isColor, type Channel, type PersonaRec } from '../../domain/types';
import { Avatar } from '../../ui/Avatar';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { LimitHint } from '../../ui/LimitHint';
import { TextField } from '../../ui/Field';
import { avatarFromFile } from './avatar-image';
import { ListEditor } from './ListEditor';
import { confirmDeletePersona } from './persona-actions';
import { useApp } from '../../app/app-context';

function fieldsOf(p: PersonaRec | null): PersonaFields {
  if (!p) return emptyPersona();
  const { id: _id, updatedAt: _u, ...fields } = p;
  return structuredClone(fields);
}

/** Create or edit a persona: every field of the file format, lists edited as lists. */
export function PersonaForm({ persona, onClose }: { persona: PersonaRec | null; onClose: () => void }) {
  const app = useApp();
  const { t } = useTranslation();
  const [f, setF] = useState<PersonaFields>(() => fieldsOf(persona));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [colorText, setColorText] = useState(persona?.color ?? '');
  const [ageText, setAgeText] = useState(persona?.age?.toString() ?? '');
  const ids = { bio: useId(), color: useId(), picker: useId(), emoji: useId(), upload: useId() };
  const set = <K extends keyof PersonaFields>(key: K, value: PersonaFields[K]) => {
    setF((prev) => ({ ...prev, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const fieldError = (key: string) => errors[key] || null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The texts as typed go to the domain, whose checks say what is wrong with each field.
    const next: PersonaFields = { ...f };
    const color = colorText.trim();
    if (color === '') delete next.color;
    else next.color = isColor(color) ? color.toLowerCase() : color;
    const age = ageText.trim();
    if (age === '') delete next.age;
    else next.age = /^\d+$/.test(age) ? Number(age) : Number.NaN;
    const problems = personaProblems(next);
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.reverse().map((p) => [String(p.params.field ?? 'name'), messageOf(p)])));
      return;
    }
    const result = runCommand(app, persona ? updatePersona(persona.id, next) : createPersona(randomId(), next));
    if (!result.ok) {
      setErrors({ [String(result.error.params.field ?? 'name')]: result.message });
      return;
    }
    app.toasts.show(t('personas.saved'));
    onClose();
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const result = await avatarFromFile(file);
    if (result.ok) set('avatar', { image: result.dataUrl });
    else setErrors((e) => ({ ...e, avatar: t(`personas.pictureErrors.${result.reason}`) }));
  };

  const emoji = f.avatar && 'emoji' in f.avatar ? f.avatar.emoji : '';
  const picture = f.avatar && 'image' in f.avatar ? f.avatar.image : null;
  const preview: PersonaRec = {
    ...f,
    id: 'preview',
    updatedAt: 0,
    color: isColor(colorText) ? colorText : f.color,
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={persona ? t('personas.editTitle') : t('personas.newTitle')}
    >
      <form className="form persona-form" onSubmit={submit} noValidate>
        <div className="persona-form__top">
          <Avatar persona={preview} size={72} />
          <div className="persona-form__avatar">
            <label htmlFor={ids.emoji}>{t('personas.emoji')}</label>
            <input
              id={ids.emoji}
              className="input"
              value={emoji}
              maxLength={16}
              disabled={!!picture}
              onChange={(e) => set('avatar', e.target.value.trim() ? { emoji: e.target.value.trim() } : undefined)}
            />
            <label htmlFor={ids.upload}>{t('personas.upload')}</label>
            <input
              id={ids.upload}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              onChange={(e) => void upload(e.target.files?.[0])}
            />
            {picture && (
              <button type="button" className="button button--small" onClick={() => set('avatar', undefined)}>
                {t('personas.removePicture')}
              </button>
            )}
            {fieldError('avatar') && (
              <p className="field-error" role="alert" aria-label={fieldError('avatar')!}>
                {fieldError('avatar')}
              </p>
            )}
          </div>
        </div>
        <TextField
          label={t('personas.name')}
          value={f.name}
          maxLength={LIMITS.nameLength}
          autoFocus
          error={fieldError('name')}
          onChange={(v) => set('name', v)}
        />
        <TextField
          label={t('personas.role')}
          value={f.role ?? ''}
          maxLength={LIMITS.personaTextLength}
          onChange={(v) => set('role', v)}
        />
        <div className="form__row">
          <div className="form__cell">
            {/* Text, not a number box: a number box reports "abc" as empty, and the age would be dropped unsaid. */}
            <TextField
              label={t('personas.age')}
              value={ageText}
              inputMode="numeric"
              error={fieldError('age')}
              onChange={(v) => {
                setAgeText(v);
                setErrors((x) => ({ ...x, age: '' }));
              }}
            />
          </div>
          <div className="form__cell">
            <TextField
              label={t('personas.gender')}
              value={f.gender ?? ''}
              maxLength={LIMITS.genderLength}
              onChange={(v) => set('gender', v)}
            />
          </div>
          <div className="form__cell">
            <TextField
              label={t('personas.location')}
              value={f.location ?? ''}
              maxLength={LIMITS.personaTextLength}
              onChange={(v) => set('location', v)}
            />
          </div>
        </div>
        <TextField
          label={t('personas.quote')}
          value={f.quote ?? ''}
          maxLength={LIMITS.quoteLength}
          onChange={(v) => set('quote', v)}
        />
        <label htmlFor={ids.bio}>{t('personas.bio')}</label>
        <textarea
          id={ids.bio}
          className="input"
          dir="auto"
          rows={3}
          maxLength={LIMITS.bioLength}
          value={f.bio ?? ''}
          aria-describedby={`${ids.bio}-limit`}
          onChange={(e) => set('bio', e.target.value)}
        />
        <LimitHint
          id={`${ids.bio}-limit`}
          label={t('personas.bio')}
          length={(f.bio ?? '').length}
          maxLength={LIMITS.bioLength}
        />
        {PERSONA_LIST_FIELDS.map((key) => (
          <ListEditor
            key={key}
            label={t(`personas.lists.${key}`)}
            itemLabel={t(`personas.items.${key}`)}
            items={f[key]}
            onChange={(items) => set(key, items)}
          />
        ))}
        <fieldset className="channels">
          <legend>{t('personas.channels')}</legend>
          {CHANNELS.map((c) => (
            <label key={c} className="channels__item">
              <input
                type="checkbox"
                checked={f.channels.includes(c)}
                onChange={(e) =>
                  set('channels', e.target.checked ? [...f.channels, c] : f.channels.filter((x: Channel) => x !== c))
                }
              />
              {t(`channel.${c}`)}
            </label>
          ))}
        </fieldset>
        <div className="form__row">
          <div className="form__cell">
            <label htmlFor={ids.color}>{t('personas.color')}</label>
            <input
              id={ids.color}
              className="input"
              value={colorText}
              placeholder="#2e86ab"
              maxLength={20}
              aria-invalid={errors.color ? true : undefined}
              aria-describedby={errors.color ? `${ids.color}-e` : undefined}
              onChange={(e) => {
                setColorText(e.target.value);
                setErrors((x) => ({ ...x, color: '' }));
              }}
            />
            {fieldError('color') && (
              <p id={`${ids.color}-e`} className="field-error">
                {fieldError('color')}
              </p>
            )}
          </div>
          <div className="form__cell">
            <label htmlFor={ids.picker}>{t('personas.pickColor')}</label>
            <input
              id={ids.picker}
              type="color"
              value={isColor(colorText) ? colorText : '#2e86ab'}
              onChange={(e) => {
                setColorText(e.target.value);
                setErrors((x) => ({ ...x, color: '' }));
              }}
            />
          </div>
        </div>
        {persona && (
          <button
            type="button"
            className="button button--danger persona-form__delete"
            onClick={() => void confirmDeletePersona(app, persona.id).then((deleted) => deleted && onClose())}
          >
            {t('personas.delete')}
          </button>
        )}
        <DialogButtons cancel={t('personas.cancel')} submit={t('personas.save')} />
      </form>
    </Dialog>
  );
}
