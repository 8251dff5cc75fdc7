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
    document.dispatchEvent(new Event("portal:resize"));
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

  /* The phone menu: without JavaScript a link to #menu-chinh opens it (:target); here it becomes a
     disclosure button with aria-expanded, closed by Escape, by its close link or by choosing again. */
  var toggle = document.querySelector("[data-menu-toggle]");
  var menu = document.querySelector("[data-menu]");
  if (toggle && menu) {
    var setOpen = function (open, focusToggle) {
      menu.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open && window.location.hash === "#" + menu.id) {
        history.replaceState(null, "", window.location.pathname + window.location.search);
      }
      if (focusToggle) { toggle.focus(); }
    };
    toggle.setAttribute("role", "button");
    setOpen(window.location.hash === "#" + menu.id, false);
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(toggle.getAttribute("aria-expanded") !== "true", false);
    });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); toggle.click(); }
    });
    document.querySelectorAll("[data-menu-close]").forEach(function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); setOpen(false, true); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("is-open")) { setOpen(false, true); }
    });
  }

  /* Wide tables scroll in their box: say so when there is more to see than fits. */
  var boxes = document.querySelectorAll("[data-scroll-box]");
  function markScrollable() {
    boxes.forEach(function (box) {
      var hint = box.previousElementSibling;
      var scrollable = box.scrollWidth > box.clientWidth + 1;
      if (scrollable && !(hint && hint.classList.contains("scroll-hint"))) {
        hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = box.getAttribute("data-scroll-box");
        box.parentNode.insertBefore(hint, box);
      } else if (!scrollable && hint && hint.classList.contains("scroll-hint")) {
        hint.remove();
      }
    });
  }
  if (boxes.length) {
    markScrollable();
    window.addEventListener("resize", markScrollable);
    document.addEventListener("portal:resize", markScrollable);
  }

  /* Tables shown as cards on phones keep their table semantics in every screen reader. */
  document.querySelectorAll("table.stack").forEach(function (table) {
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
    table.querySelectorAll("tr").forEach(function (row) { row.setAttribute("role", "row"); });
    table.querySelectorAll("td").forEach(function (cell) { cell.setAttribute("role", "cell"); });
    table.querySelectorAll("thead th").forEach(function (cell) { cell.setAttribute("role", "columnheader"); });
    table.querySelectorAll("tbody th").forEach(function (cell) { cell.setAttribute("role", "rowheader"); });
  });
})();
