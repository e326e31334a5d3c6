// Who acted on a case and from where, as the timeline and the notices list show it:
// "王芳（窗口人员）" · "127.0.0.1", a paired device by its name, the county platform by what it is.
import type { CaseDetail } from './cases-contract';

type Translate = (key: string, options?: Record<string, unknown>) => string;
export type ActorFields = Pick<CaseDetail['events'][number], 'actorName' | 'actorKind' | 'actorRole' | 'terminal'>;

export interface ActorText {
  who: string;
  /** The terminal's name or address; null when there is nothing more to say than `who`. */
  where: string | null;
}

export function actorText(t: Translate, e: ActorFields): ActorText {
  if (e.actorKind === 'system') {
    // A system entry's terminal is a code (county-platform, cli), not a place a person sat at.
    return { who: t(`caseDetail.actor.${e.actorName}`, { defaultValue: e.actorName }), where: null };
  }
  const who = e.actorKind === 'user' && e.actorRole ? t('caseDetail.actor.withRole', { name: e.actorName, role: t(`roles.${e.actorRole}`) }) : e.actorName;
  return { who, where: e.terminal && e.terminal !== e.actorName ? e.terminal : null };
}

/** One line: "王芳（窗口人员）· 127.0.0.1". */
export function actorLine(t: Translate, e: ActorFields): string {
  const { who, where } = actorText(t, e);
  return where ? `${who} · ${where}` : who;
}
