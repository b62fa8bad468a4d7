// 测评结果: a bar per group with its satisfaction index (0–100), from the JSON the page carries.
(function () {
  'use strict';
  function draw() {
    var data = document.getElementById('survey-data');
    var el = document.getElementById('chart-groups');
    if (!data || !el || !window.echarts) { return; }
    var report = JSON.parse(data.textContent);
    var groups = report.groups || [];
    var chart = window.echarts.init(el);
    window.addEventListener('resize', function () { chart.resize(); });
    if (groups.every(function (g) { return g.index === null && (g.previous === null || g.previous === undefined); })) {
      // nothing answered yet: say so instead of drawing bare axes
      chart.setOption({ title: { text: el.getAttribute('data-no-data') || '暂无数据', left: 'center', top: 'middle',
        textStyle: { color: '#6c757d', fontSize: 20, fontWeight: 'normal' } } });
      el.setAttribute('data-empty', 'true');
      return;
    }
    var series = [{ name: '满意度指数', type: 'bar', data: groups.map(function (g) { return g.index === null ? null : Number(g.index); }),
      label: { show: true, position: 'right' } }];
    if (report.compareTo) {
      series.push({ name: '上期', type: 'bar', data: groups.map(function (g) { return g.previous === null ? null : Number(g.previous); }) });
    }
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { show: !!report.compareTo },
      grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: groups.map(function (g) {
        return g.name && g.name.length > 14 ? g.name.substring(0, 14) + '…' : g.name; }) },
      series: series
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
}());
