/* The feedback form on a cached page: a fresh time stamp for the form, the chosen agency's procedures
   without a reload, and a filter over them that ignores diacritics. Without this script the form still
   works: the agency picker reloads the page and the stamp printed in the page is used. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-feedback-form]");
  if (!form || !window.fetch) {
    return;
  }
  var select = form.querySelector("[data-procedure-select]");
  var filter = form.querySelector("[data-procedure-filter]");
  var concerned = form.querySelector("[data-concerned-agency]");
  var picker = document.querySelector("form[data-feedback-picker]");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  fetch(form.getAttribute("data-token-url"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { if (data && data.token) { form.querySelector("[data-feedback-token]").value = data.token; } })
    .catch(function () {});

  function fill(procedures) {
    var keep = select.options[0];
    select.innerHTML = "";
    select.appendChild(keep);
    procedures.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.code;
      option.textContent = item.title + " (" + item.code + ")";
      select.appendChild(option);
    });
    filter.hidden = procedures.length < 8;
    filter.value = "";
  }

  if (select && filter) {
    filter.hidden = select.options.length < 9;
    filter.addEventListener("input", function () {
      var words = fold(filter.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(select.options, function (option, index) {
        var text = fold(option.textContent);
        option.hidden = index > 0 && !words.every(function (w) { return text.indexOf(w) !== -1; });
      });
    });
  }

  if (picker && select) {
    var agency = picker.querySelector("select");
    var button = picker.querySelector("[data-picker-button]");
    button.hidden = true;
    agency.addEventListener("change", function () {
      concerned.value = agency.value;
      if (!agency.value) {
        fill([]);
        return;
      }
      var url = form.getAttribute("data-procedures-url") + "?co_quan=" + encodeURIComponent(agency.value);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { procedures: [] }; })
        .then(function (data) { fill(data.procedures || []); })
        .catch(function () { button.hidden = false; });
    });
  }
})();
