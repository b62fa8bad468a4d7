// 领导驾驶舱: the 12-month trend charts, drawn from the figures the page embeds (no second request).
(function () {
  'use strict';

  function number(v) { return v === null || v === undefined ? null : Number(v); }

  function line(id, months, series, labels, percentAxis) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var chart = window.echarts.init(el);
    var axes = [{type: 'value', min: percentAxis ? 0 : null, max: percentAxis ? 1 : null}];
    if (!percentAxis) { axes.push({type: 'value', splitLine: {show: false}}); }
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {bottom: 0},
      grid: {left: 45, right: 45, top: 15, bottom: 50},
      xAxis: {type: 'category', data: months},
      yAxis: axes,
      series: series.map(function (s) {
        return {name: labels[s.key], type: s.bar ? 'bar' : 'line', yAxisIndex: s.axis || 0, connectNulls: false,
          data: s.values};
      })
    });
    el.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function draw() {
    var holder = document.getElementById('dashboard-data');
    if (!holder) { return; }
    var view = JSON.parse(holder.textContent);
    var labels = JSON.parse(document.getElementById('dashboard-labels').textContent);
    var months = view.trends.map(function (p) { return p.month; });
    function values(key) { return view.trends.map(function (p) { return number(p.company[key]); }); }
    function s(key, extra) {
      var o = {key: key, values: values(key)};
      Object.keys(extra || {}).forEach(function (k) { o[k] = extra[k]; });
      return o;
    }
    line('chart-Orders', months, [s('orderSuccessRate'), s('electronicSettlementRate')], labels, true);
    line('chart-Complaints', months, [s('complaints', {bar: true}), s('complaintRate', {axis: 1})], labels, false);
    var satisfaction = view.trends.map(function (p) {
      var v = number(p.company.callbackSatisfaction);
      return v === null ? null : Math.round(v * 10000) / 100;
    });
    line('chart-Satisfaction', months, [s('surveyIndex'), {key: 'callbackSatisfaction', values: satisfaction}],
      labels, false);
    line('chart-Service', months, [s('visitCoverage'), s('onTimeResolution'), s('changesOnTime')], labels, true);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
