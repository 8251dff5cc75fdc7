/* Applies the remembered font size before first paint; loaded synchronously in <head>. */
(function () {
  try {
    var step = parseInt(window.localStorage.getItem("portal-font-step") || "0", 10);
    if (step) document.documentElement.setAttribute("data-font-step", String(step));
  } catch (e) { /* storage disabled: default size */ }
})();
