/*
 * Progress of a confirmed procedure import: asks the status address every two seconds, moves the bar,
 * and reloads the page for the result once the task has finished.
 */
(() => {
  const box = document.querySelector('[data-import-progress]');
  if (!box) return;
  const bar = box.querySelector('progress');
  const count = box.querySelector('[data-import-count]');
  const label = document.querySelector('[data-import-label]');

  const poll = async () => {
    try {
      const response = await fetch(box.dataset.url, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const state = await response.json();
        if (state.finished) {
          window.location.reload();
          return;
        }
        bar.value = state.processed;
        count.textContent = `${state.processed}/${state.valid}`;
        label.textContent = state.label;
      }
    } catch (error) {
      // The network may drop for a moment; the next poll tries again.
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 2000);
})();
