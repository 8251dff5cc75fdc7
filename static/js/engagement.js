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
  var number = new Intl.NumberFormat(document.documentElement.lang === "en" ? "en-GB" : "vi-VN");
  // The server refuses comment forms older than 15 minutes and younger than 3 seconds.
  var TOKEN_FRESH_FOR = 10 * 60 * 1000;
  var MIN_FILL = 3500;
  var tokenAt = 0;

  function setToken(token) {
    document.querySelectorAll("[data-form-token]").forEach(function (input) { input.value = token; });
    tokenAt = Date.now();
  }

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
    setToken(data.form_token);
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

  function loadFigures(fresh) {
    var url = figuresUrl + (pageId ? "?p=" + encodeURIComponent(pageId) : "");
    var options = { headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (fresh) { options.cache = "no-store"; }
    return fetch(url, options)
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

  function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  // A comment written over a long time gets a fresh form token first (and the 3 seconds it must age).
  function freshToken(form) {
    if (!form.querySelector("[data-form-token]") || Date.now() - tokenAt < TOKEN_FRESH_FOR) {
      return Promise.resolve();
    }
    return loadFigures(true).then(function () { return wait(MIN_FILL); });
  }

  function enhance(form, onSuccess) {
    var status = form.querySelector("[data-status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      freshToken(form).then(function () { return post(form); }).then(function (result) {
        if (result.data.form_token) { setToken(result.data.form_token); }
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

  function start() { countVisit().then(function () { return loadFigures(); }); }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", start, { once: true });
  } else {
    start();
  }
})();
