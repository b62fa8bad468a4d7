// 客户分类 run page: the distribution charts (ECharts) from the JSON the server puts in data-chart.
(function () {
  function draw() {
    var scaleEl = document.getElementById('scale-chart');
    var tierEl = document.getElementById('tier-chart');
    if (!scaleEl || !window.echarts) {
      return;
    }
    var data = JSON.parse(scaleEl.getAttribute('data-chart'));
    var colors = ['#198754', '#0d6efd', '#adb5bd'];
    var scales = echarts.init(scaleEl);
    scales.setOption({
      animation: false,
      title: {text: scaleEl.getAttribute('data-title'), textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 0, right: 0},
      grid: {left: 40, right: 10, top: 40, bottom: 25},
      xAxis: {type: 'category', data: data.formats},
      yAxis: {type: 'value', name: data.customersLabel, minInterval: 1},
      series: data.scales.map(function (s, i) {
        return {name: s.name, type: 'bar', stack: 'scale', data: s.data, itemStyle: {color: colors[i]}};
      })
    });
    var tierLabels = data.tiers.map(function (_, i) { return String(i + 1); });
    var tiers = echarts.init(tierEl);
    tiers.setOption({
      animation: false,
      title: {text: tierEl.getAttribute('data-title'), textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis'},
      grid: {left: 40, right: 10, top: 35, bottom: 25},
      xAxis: {type: 'category', data: tierLabels, name: data.tierLabel},
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: data.customersLabel, type: 'bar', data: data.tiers, itemStyle: {color: '#6f42c1'}}]
    });
    window.addEventListener('resize', function () { scales.resize(); tiers.resize(); });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
