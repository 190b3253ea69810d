import React from 'react';
import { createRoot } from 'react-dom/client';
import { takeTokenFromLocation } from './api';
import App from './App';

// The token must leave the address bar before anything else reads the hash as a route.
takeTokenFromLocation();
if (!window.location.hash || window.location.hash === '#' || window.location.hash === '#/') window.location.hash = '#/projects';

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
