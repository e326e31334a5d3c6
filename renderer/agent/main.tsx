import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './agent.css';
import { setUpI18n } from '../shared/i18n';
import { AgentApp } from './agent-app';
import { takeKeyFromAddress } from './node-key';

takeKeyFromAddress(window.location, window.history);
setUpI18n('agent.title');
document.body.classList.add('page-agent');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AgentApp />
    </StrictMode>,
  );
}
