import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUpI18n } from '../shared/i18n';
import type { PairedRole } from './pairing';
import type { TerminalScreen } from './paired-screen';
import { TerminalApp } from './terminal-app';

/** Starts a terminal page; each role's main.tsx imports its CSS and calls this. */
export function mountTerminal(role: PairedRole, titleKey: string, screen?: TerminalScreen): void {
  setUpI18n(titleKey);
  document.body.classList.add(`page-${role}`);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <TerminalApp role={role} {...(screen ? { screen } : {})} />
    </StrictMode>,
  );
}
