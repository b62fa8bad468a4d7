// Visit coverage page: the bar chart of coverage per manager, drawn from the JSON the page carries.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('coverage-chart');
    var data = document.getElementById('coverage-data');
    if (!el || !data || !window.echarts) { return; }
    var figures = JSON.parse(data.textContent || '{}');
    var rows = (figures.managers || []);
    var chart = window.echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {bottom: 0},
      grid: {left: 40, right: 40, top: 20, bottom: 60},
      xAxis: {type: 'category', data: rows.map(function (r) { return r.managerName; }),
        axisLabel: {interval: 0, rotate: rows.length > 6 ? 30 : 0}},
      yAxis: [{type: 'value', minInterval: 1}, {type: 'value', min: 0, max: 1}],
      series: [
        {name: el.getAttribute('data-due') || '应拜访', type: 'bar', data: rows.map(function (r) { return r.due; })},
        {name: el.getAttribute('data-visited') || '已拜访', type: 'bar', data: rows.map(function (r) { return r.visited; })},
        {name: el.getAttribute('data-rate') || '覆盖率', type: 'line', yAxisIndex: 1,
          data: rows.map(function (r) { return r.coverage === null ? null : Number(r.coverage); })}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
