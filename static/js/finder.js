/* Autocomplete for the procedure finder: an ARIA combobox over /tim-kiem/goi-y/. Without JavaScript
   the form simply submits. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete]");
  if (!input || !window.fetch) {
    return;
  }
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var endpoint = input.getAttribute("data-autocomplete");
  var timer = null;
  var active = -1;
  var lastQuery = "";

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function render(items) {
    list.innerHTML = "";
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = "finder-option-" + i;
      li.setAttribute("role", "option");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      link.tabIndex = -1;
      li.appendChild(link);
      if (item.code) {
        var code = document.createElement("span");
        code.className = "code";
        code.textContent = item.code;
        li.appendChild(code);
      }
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }

  function move(step) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) {
      return;
    }
    if (active >= 0) {
      options[active].removeAttribute("aria-selected");
    }
    active = (active + step + options.length) % options.length;
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) {
      close();
      return;
    }
    timer = setTimeout(function () {
      lastQuery = query;
      fetch(endpoint + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (query === lastQuery) { render(data.results); } })
        .catch(close);
    }, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll("[role=option] a")[active].href;
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 200); });
})();
