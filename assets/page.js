// The static message pages' one script (written next to them by the `site` example, as
// page-<hash>.js). With no script a message's page reads fully: the references are text to
// select, the files are links, and the controls below stay unseen in their place. With it:
// - "Copy" in "Cite this message" copies that reference;
// - "Copy link" in the header copies the page's own address (the one that previews and is
//   found by search engines);
// - "Add to set" starts the app in the page: the address becomes the app's address of the
//   message, the loader starts the full app, which draws the same page over this one (the
//   page is its header and message page, rendered at build time by the same components)
//   and adds the message to the set. Nothing is fetched for the app before that tap.
const script = document.currentScript;
// Both resolved now: the app's address replaces the page's before the loader is imported.
const loader = script?.dataset.loader ? new URL(script.dataset.loader, document.baseURI).href : null;
const appAddress = script?.dataset.app ? new URL(script.dataset.app, document.baseURI).href : null;
document.documentElement.classList.add('runs-script');

async function copy(text, status, done, failed) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch {
    status.textContent = failed;
  }
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  const text = document.getElementById(button.dataset.copy);
  const status = document.getElementById('cite-status');
  if (!text || !status) continue;
  const style = button.dataset.style;
  button.addEventListener('click', () => copy(text.textContent.trim(), status,
    `${style} reference copied.`, `Could not copy: select the ${style} reference and copy it.`));
  button.classList.remove('needs-script');
}

const copyLink = document.querySelector('#prerendered [data-testid="copy-link"]');
const copyStatus = document.querySelector('#prerendered [data-testid="copy-status"]');
copyLink?.addEventListener('click', () => {
  const address = new URL(location.href);
  address.hash = '';
  copy(address.href, copyStatus, 'Link copied', 'Could not copy: copy the address from the address bar');
});

let starting = false;
document.addEventListener('click', (event) => {
  const add = event.target.closest?.('#prerendered [data-testid="set-toggle"]');
  if (!add || !loader || !appAddress) return;
  event.preventDefault();
  if (starting) return;
  starting = true;
  const id = add.closest('[data-id]')?.dataset.id;
  // Said where the reader is, in the button's own line (nothing else moves).
  add.textContent = 'Adding to set…';
  add.setAttribute('aria-busy', 'true');
  // Read by the loader (assets/loader.js): start the full app here and add the message.
  window.messagesExplorerTakeover = { action: `set-add:${id}` };
  // The page's own addresses are relative to the page: written in full first, so that its
  // links (and the icon, which the browser fetches again) still lead where they say
  // while the app loads at its own address.
  for (const link of document.querySelectorAll('a[href]:not([href^="#"]), link[rel~="icon"]')) {
    link.setAttribute('href', link.href);
  }
  // A link within the page ("Skip to content") would now write into the app's address:
  // it moves focus itself.
  for (const link of document.querySelectorAll('#prerendered a[href^="#"]')) {
    link.addEventListener('click', (inPage) => {
      const target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      inPage.preventDefault();
      target.setAttribute('tabindex', '-1');
      target.focus();
    });
  }
  history.replaceState(history.state, '', appAddress);
  import(loader).catch(() => location.reload());
});
