/* Counts a page load, fills the visit and rating figures, and sends ratings and comments without a reload.
   The page HTML is the same for everyone (it may come from a cache); all per-visit work happens here. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  var hitUrl = script.getAttribute("data-hit");
  var figuresUrl = script.getAttribute("data-figures");
  var pageId = script.getAttribute("data-page");
  var number = new Intl.NumberFormat("vi-VN");

  function fill(name, text) {
    document.querySelectorAll('[data-stat="' + name + '"]').forEach(function (el) { el.textContent = text; });
  }

  function show(data) {
    Object.keys(data.site || {}).forEach(function (key) { fill(key, number.format(data.site[key])); });
    if (data.page) {
      fill("page_views", number.format(data.page.views));
      showRating(data.page.rating);
      showYours(data.page.yours);
    }
    document.querySelectorAll("[data-form-token]").forEach(function (input) { input.value = data.form_token; });
  }

  function showRating(rating) {
    fill("rating_average", rating.average_text);
    fill("rating_count", number.format(rating.count));
  }

  function showYours(stars) {
    if (!stars) {
      return;
    }
    document.querySelectorAll('form[data-engagement="rate"]').forEach(function (form) {
      var choice = form.querySelector('input[name="stars"][value="' + stars + '"]');
      var status = form.querySelector("[data-status]");
      if (choice) { choice.checked = true; }
      if (status && !status.textContent) {
        status.textContent = (form.getAttribute("data-yours") || "").replace("%(stars)s", stars);
      }
    });
  }

  function loadFigures() {
    var url = figuresUrl + (pageId ? "?p=" + encodeURIComponent(pageId) : "");
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { show(data); } })
      .catch(function () {});
  }

  function countVisit() {
    var body = new FormData();
    body.append("page", pageId || "");
    return fetch(hitUrl, { method: "POST", body: body, credentials: "same-origin", keepalive: true }).catch(function () {});
  }

  function post(form) {
    return fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin", headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) { return { ok: response.ok, data: data }; });
    });
  }

  function enhance(form, onSuccess) {
    var status = form.querySelector("[data-status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      post(form).then(function (result) {
        status.classList.toggle("error", !result.ok);
        status.textContent = result.ok ? onSuccess(result.data) : (result.data.error || form.getAttribute("data-failed"));
      }).catch(function () {
        status.classList.add("error");
        status.textContent = form.getAttribute("data-failed");
      }).then(function () { button.disabled = false; });
    });
  }

  document.querySelectorAll('form[data-engagement="rate"]').forEach(function (form) {
    enhance(form, function (data) { showRating(data); return form.getAttribute("data-thanks"); });
  });
  document.querySelectorAll('form[data-engagement="comment"]').forEach(function (form) {
    enhance(form, function (data) { form.reset(); loadFigures(); return data.message; });
  });

  function start() { countVisit().then(loadFigures); }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", start, { once: true });
  } else {
    start();
  }
})();
