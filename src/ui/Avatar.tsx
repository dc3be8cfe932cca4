import type { PersonaRec } from '../domain/types';

/** A persona's emoji or picture; initials on the persona's colour when it has neither. */
export function Avatar({ persona, size = 40 }: { persona: PersonaRec | null; size?: number }) {
  const style = { width: size, height: size, fontSize: size * 0.55, background: persona?.color ?? '#d7dbe3' };
  if (persona?.avatar && 'image' in persona.avatar) {
    return <img className="avatar" src={persona.avatar.image} alt="" width={size} height={size} style={style} />;
  }
  const content =
    persona?.avatar && 'emoji' in persona.avatar
      ? persona.avatar.emoji
      : (persona?.name
          .trim()
          .split(/\s+/)
          .slice(0, 2)
          .map((w) => [...w][0] ?? '')
          .join('') ?? '');
  return (
    <span className="avatar" aria-hidden="true" style={style}>
      {content}
    </span>
  );
}
