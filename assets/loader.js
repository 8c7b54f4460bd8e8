// Starts the app. Trunk is told not to inject its inline loader (Trunk.toml:
// inject_scripts = false) so the Content-Security-Policy can forbid inline scripts;
// this file, served from the same origin, does the same job.
import init from './messages-explorer.js';

function showError(error) {
  const panel = document.createElement('div');
  panel.className = 'fatal-error';
  panel.setAttribute('role', 'alert');
  panel.textContent = 'Messages Explorer could not start: ' + error;
  document.body.prepend(panel);
}

init({ module_or_path: new URL('./messages-explorer_bg.wasm', import.meta.url) })
  .then(() => document.getElementById('loading')?.remove())
  .catch((error) => { console.error(error); showError(error); });
