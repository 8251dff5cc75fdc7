/*
 * Names for admin inputs that Wagtail leaves without one (axe: aria-input-field-name, label): the rich
 * text editor's text box (Draftail, https://github.com/wagtail/wagtail/issues/14205) and the tag
 * field's typing box take the label of the field they stand for. Runs again whenever the editor
 * adds fields (StreamField blocks, inline panels).
 */
(() => {
  const UNNAMED = [
    '[role="textbox"][contenteditable="true"]:not([aria-label]):not([aria-labelledby])',
    'input.ui-autocomplete-input:not([aria-label]):not([aria-labelledby]):not([id])',
  ].join(', ');
  let counter = 0;

  const idOf = (element) => {
    if (!element.id) {
      counter += 1;
      element.id = `portal-field-label-${counter}`;
    }
    return element.id;
  };

  // The label of the form field the widget stands for, else the heading of its StreamField block.
  const labelOf = (widget) => {
    const field = widget.closest('[data-field-input]');
    const input = field && field.querySelector('input[id], textarea[id]');
    const label = input && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (label) return label;
    const section = widget.closest('section[aria-labelledby]');
    const heading = section && document.getElementById(section.getAttribute('aria-labelledby'));
    return heading && (heading.querySelector('.c-sf-block__type') || heading);
  };

  const nameWidgets = (root) => {
    root.querySelectorAll(UNNAMED).forEach((widget) => {
      const label = labelOf(widget);
      if (label) widget.setAttribute('aria-labelledby', idOf(label));
    });
  };

  const start = () => {
    nameWidgets(document);
    new MutationObserver((changes) => {
      if (changes.some((change) => change.addedNodes.length)) nameWidgets(document);
    }).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
