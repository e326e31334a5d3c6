import { createContext, useContext } from 'react';
import type { ApiClient } from '../shared/api-client';
import type { Session } from '../shared/session-store';

export interface StaffContextValue {
  api: ApiClient;
  session: Session;
  hallName: string;
  /** The host address staff pages talk to; terminals are sent to this origin to pair. */
  hostUrl: string;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff outside the signed-in staff app');
  return value;
}
