import { ROLES } from '../../shared/contract';
import type { Translate } from '../../shared/translate';


export function roleOptions(t: Translate): Array<{ value: string; label: string }> {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
