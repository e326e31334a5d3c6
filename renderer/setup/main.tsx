import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './setup.css';
import { setUpI18n } from '../shared/i18n';
import { SetupApp } from './setup-app';

setUpI18n('setup.title');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SetupApp />
    </StrictMode>,
  );
}
