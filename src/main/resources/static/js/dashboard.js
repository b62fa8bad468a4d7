// 领导驾驶舱: the 12-month trend charts, drawn from the figures the page embeds (no second request).
(function () {
  'use strict';

  function number(v) { return v === null || v === undefined ? null : Number(v); }

  function empty(series) {
    return series.every(function (s) { return s.values.every(function (v) { return v === null; }); });
  }

  // a chart without a single value says so instead of showing bare axes
  function noData(el, chart, text) {
    chart.setOption({
      animation: false,
      title: {text: text, left: 'center', top: 'middle', textStyle: {color: '#6c757d', fontSize: 20, fontWeight: 'normal'}}
    });
    el.setAttribute('data-empty', 'true');
    el.setAttribute('aria-label', text);
  }

  function line(id, months, series, labels, percentAxis) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var chart = window.echarts.init(el);
    window.addEventListener('resize', function () { chart.resize(); });
    if (empty(series)) {
      noData(el, chart, labels.noData);
      el.setAttribute('data-drawn', 'true');
      return;
    }
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
  }

  function draw() {
    var holder = document.getElementById('dashboard-data');
    if (!holder) { return; }
    var view = JSON.parse(holder.textContent);
    var labels = JSON.parse(document.getElementById('dashboard-labels').textContent);
    var months = view.trends.map(function (p) { return p.month; });
    // a month not computed yet has no figures at all, not zeros
    function values(key) {
      return view.trends.map(function (p) { return p.computed ? number(p.company[key]) : null; });
    }
    function s(key, extra) {
      var o = {key: key, values: values(key)};
      Object.keys(extra || {}).forEach(function (k) { o[k] = extra[k]; });
      return o;
    }
    line('chart-Orders', months, [s('orderSuccessRate'), s('electronicSettlementRate')], labels, true);
    line('chart-Complaints', months, [s('complaints', {bar: true}), s('complaintRate', {axis: 1})], labels, false);
    var satisfaction = view.trends.map(function (p) {
      var v = p.computed ? number(p.company.callbackSatisfaction) : null;
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
