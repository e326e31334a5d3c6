import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './staff.css';
import { setUpI18n } from '../shared/i18n';
import { StaffApp } from './staff-app';

setUpI18n('app.title');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StaffApp />
    </StrictMode>,
  );
}
