import type { Role, UpdateUserRequest, UserView } from '../../shared/contract';

export interface EditValues {
  displayName: string;
  role: Role;
  active: boolean;
  password: string;
}

/** Only what changed is sent; an empty password means "keep the current one". */
export function userPatch(user: UserView, values: EditValues): UpdateUserRequest {
  const patch: UpdateUserRequest = {};
  if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName;
  if (values.role !== user.role) patch.role = values.role;
  if (values.active !== user.active) patch.active = values.active;
  if (values.password) patch.password = values.password;
  return patch;
}
