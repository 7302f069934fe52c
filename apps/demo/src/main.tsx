import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './demo.css';

const root = document.getElementById('root');
if (!root) throw new Error('The demo page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
