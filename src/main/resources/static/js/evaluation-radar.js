// 客户评价 radar: draws the five dimensions of the latest period (and the one before) from data-radar (JSON).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('evaluation-radar');
  if (!el || !window.echarts) {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-radar'));
  var chart = window.echarts.init(el);
  chart.setOption({
    color: ['#0d6efd', '#adb5bd'],
    animationDuration: 400,
    tooltip: {},
    legend: {bottom: 0, data: data.series.map(function (s) { return s.name; })},
    radar: {
      indicator: data.indicators.map(function (name) { return {name: name, max: 100}; }),
      radius: '65%',
      axisName: {color: '#212529', fontSize: 14}
    },
    series: [{
      type: 'radar',
      data: data.series.map(function (s, i) {
        return {name: s.name, value: s.value.map(Number), areaStyle: i === 0 ? {opacity: 0.25} : undefined};
      })
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
