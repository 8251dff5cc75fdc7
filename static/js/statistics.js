/* Draws the dashboard charts from the JSON next to each canvas; the tables beside them hold the same numbers. */
(function () {
  "use strict";
  if (!window.Chart) {
    return;
  }
  var whole = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
  var one = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var two = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  var colours = ["#163f73", "#3f8f5a", "#b3001b", "#8a6d00", "#6b3fa0"];
  var percent = function (value) { return one.format(value) + "%"; };

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#1d232b";
  Chart.defaults.animation = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : Chart.defaults.animation;

  function tooltip(format) {
    return { callbacks: { label: function (item) { return item.dataset.label + ": " + format(item.dataset, item.raw); } } };
  }

  function combo(spec) {
    return {
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series, i) {
          var line = series.type === "line";
          return {
            type: series.type, label: series.label, data: series.data, percent: !!series.percent,
            yAxisID: line ? "rate" : "count", order: line ? 0 : 1,
            backgroundColor: line ? colours[2] : colours[i], borderColor: line ? colours[2] : colours[i],
            pointStyle: line ? "rectRot" : undefined, pointRadius: line ? 4 : undefined
          };
        })
      },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          count: { position: "left", beginAtZero: true, ticks: { callback: function (v) { return whole.format(v); } } },
          rate: { position: "right", suggestedMin: 80, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: percent } }
        },
        plugins: { tooltip: tooltip(function (dataset, value) { return dataset.percent ? percent(value) : whole.format(value); }) }
      }
    };
  }

  function floor(spec) {
    var values = spec.series[0].data.filter(function (v) { return v !== null; });
    return values.length ? Math.max(0, Math.floor(Math.min.apply(null, values) / 5) * 5 - 5) : 0;
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1).trim() + "…" : text;
  }

  /* Long agency names on the category axis: wrapped on word boundaries into at most two lines that fit
     about two fifths of the chart's width; the tooltip and the table beside keep the full name. */
  function wrapLabel(text, max) {
    var lines = [];
    var line = "";
    String(text).split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > max) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    if (line) { lines.push(line); }
    if (lines.length > 2) { lines = [lines[0], lines.slice(1).join(" ")]; }
    return lines.map(function (part) { return shorten(part, max); });
  }

  function categoryTicks() {
    return {
      autoSkip: false,
      callback: function (value) {
        var width = this.chart.width || 320;
        return wrapLabel(this.getLabelForValue(value), Math.max(12, Math.floor(width * 0.4 / 7)));
      }
    };
  }

  function horizontal(spec, max) {
    var min = max === 100 ? floor(spec) : 0;
    return {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series, i) {
          return { label: series.label, data: series.data, percent: !!series.percent, backgroundColor: i ? "#c9d3df" : colours[0] };
        })
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        grouped: true,
        scales: {
          x: { min: min, max: max, ticks: { callback: function (v) { return max === 100 ? percent(v) : two.format(v); } } },
          y: { ticks: categoryTicks() }
        },
        plugins: { tooltip: tooltip(function (dataset, value) { return dataset.percent ? percent(value) : two.format(value); }) }
      }
    };
  }

  var builders = {
    combo: combo,
    hbar: function (spec) { return horizontal(spec, 100); },
    score: function (spec) { return horizontal(spec, undefined); }
  };

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    var figure = canvas.parentElement;
    if (!source || !builders[figure.getAttribute("data-kind")]) {
      return;
    }
    var spec = JSON.parse(source.textContent);
    if (spec.kind !== "combo") {
      figure.style.height = Math.max(220, spec.labels.length * (spec.series.length > 1 ? 48 : 38) + 60) + "px";
    }
    new Chart(canvas, builders[spec.kind](spec));
  });
})();
