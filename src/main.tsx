import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { caseIdFromUrl, loadCase } from './app/case/loadCase';
import { openCase } from './app/case/openCase';
import { appStore } from './app/store/appStore';
import './app/app.css';

// Loading starts outside React: the store is the source of truth, the components only read it.
void loadCase(appStore, caseIdFromUrl(window.location.search), { fetch: (url) => fetch(url), openCase });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
