// The static message pages' only script (written next to them by the `site` example, as
// cite-<hash>.js): it makes the "Copy" buttons of "Cite this message" work. The buttons
// are in the page from the start, invisible (they keep their place, so nothing moves when
// they appear) until this script shows them; with no script the references are text to
// select, and the files are links.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const text = document.getElementById(button.dataset.copy);
  const status = document.getElementById('cite-status');
  if (!text || !status || !navigator.clipboard) continue;
  button.addEventListener('click', async () => {
    const style = button.dataset.style;
    try {
      await navigator.clipboard.writeText(text.textContent.trim());
      status.textContent = `${style} reference copied.`;
    } catch {
      status.textContent = `Could not copy: select the ${style} reference and copy it.`;
    }
  });
  button.classList.remove('needs-script');
}
