/* Progressive enhancements; every feature works without this file. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "portal-font-step";

  function setStep(step) {
    step = Math.max(-1, Math.min(3, step));
    if (step) root.setAttribute("data-font-step", String(step));
    else root.removeAttribute("data-font-step");
    try { window.localStorage.setItem(KEY, String(step)); } catch (e) { /* ignore */ }
  }

  document.querySelectorAll("[data-font-size]").forEach(function (button) {
    button.addEventListener("click", function () {
      var delta = parseInt(button.getAttribute("data-font-size"), 10);
      var current = parseInt(root.getAttribute("data-font-step") || "0", 10);
      setStep(delta === 0 ? 0 : current + delta);
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
