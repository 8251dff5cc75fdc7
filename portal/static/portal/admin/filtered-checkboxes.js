/*
 * The filter box of FilteredCheckboxes (portal/widgets.py): shows the choices whose name holds what was
 * typed, without regard to case or diacritics ("ho tich" finds "Hộ tịch"); ticked choices stay shown.
 * Listens on the document, so fields the editor adds later work too.
 */
(() => {
  const fold = (text) =>
    text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();

  document.addEventListener('input', (event) => {
    const filter = event.target.closest('[data-filtered-checkboxes-filter]');
    if (!filter) return;
    const box = filter.closest('[data-filtered-checkboxes]');
    const wanted = fold(filter.value);
    let shown = 0;
    const labels = box.querySelectorAll('.filtered-checkboxes__options label');
    for (const label of labels) {
      const input = label.querySelector('input');
      const visible = !wanted || input.checked || fold(label.textContent).includes(wanted);
      label.parentElement.hidden = !visible;
      if (visible) shown += 1;
    }
    const count = box.querySelector('[data-filtered-checkboxes-count]');
    count.textContent = wanted ? `${shown}/${labels.length}` : '';
  });

  // Enter in the filter box must not submit the page form.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.closest('[data-filtered-checkboxes-filter]')) event.preventDefault();
  });
})();
