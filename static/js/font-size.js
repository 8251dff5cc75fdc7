/* Runs before first paint (loaded synchronously in <head>): marks that scripts run, so controls that need
   them show, and applies the remembered font size. */
(function () {
  document.documentElement.classList.add("js");
  try {
    var step = parseInt(window.localStorage.getItem("portal-font-step") || "0", 10);
    if (step) document.documentElement.setAttribute("data-font-step", String(step));
  } catch (e) { /* storage disabled: default size */ }
})();
