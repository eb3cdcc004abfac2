// Draws the usage view's two charts with uPlot from the JSON the server put in the page.
// Each model gets its own colour and dash pattern, so lines differ without colour too. The x axis
// ticks whole UTC days; a model whose cost is unknown on a day leaves a gap in the cost chart.
(function () {
  "use strict";
  var palette = ["#1f5fa8", "#b2401f", "#2e7d32", "#6a3d9a", "#8a6d00", "#00838f", "#ad1457", "#4e342e"];
  var dashes = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 6], [1, 4], [6, 2, 2, 2]];

  function day(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  function shortDay(seconds) {
    return day(seconds).slice(5);
  }

  function chart(element, data, values, format) {
    var series = [{ label: "day", value: function (u, v) { return v == null ? "—" : day(v); } }].concat(data.series.map(function (s, i) {
      return {
        label: s.model,
        stroke: palette[i % palette.length],
        dash: dashes[i % dashes.length],
        width: 2,
        points: { show: true, size: 6 },
        value: function (u, v) { return v == null ? "—" : format(v); }
      };
    }));
    var options = {
      width: Math.max(320, element.clientWidth),
      height: 260,
      series: series,
      axes: [
        { incrs: [86400, 7 * 86400, 30 * 86400], values: function (u, ticks) { return ticks.map(shortDay); } },
        { values: function (u, ticks) { return ticks.map(format); }, size: 70 }
      ],
      scales: { x: { time: true } }
    };
    var rows = [data.days].concat(data.series.map(values));
    return new uPlot(options, rows, element);
  }

  function draw() {
    var source = document.getElementById("usage-daily");
    if (!source || typeof uPlot === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    chart(document.getElementById("cost-chart"), data,
      function (s) { return s.costUsd; }, function (v) { return "$" + v.toFixed(2); });
    chart(document.getElementById("tokens-chart"), data,
      function (s) { return s.tokens; }, function (v) { return v.toLocaleString("en"); });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
