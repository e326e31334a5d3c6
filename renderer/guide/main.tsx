import '../shared/base.css';
import '../terminal/terminal.css';
import '../kiosk/kiosk.css';
import './guide-page.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUpI18n } from '../shared/i18n';
import { GuideApp } from './guide-app';

setUpI18n('guide.title');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GuideApp />
    </StrictMode>,
  );
}
