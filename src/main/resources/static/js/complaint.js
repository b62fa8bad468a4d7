// Complaint pages: picking a customer from the intake look-up, live countdowns, and the monthly report's charts.
(function () {
  'use strict';

  // Choosing a match fills the customer code (keyboard: Tab to a match, Enter).
  document.addEventListener('click', function (e) {
    var pick = e.target.closest && e.target.closest('[data-pick-code]');
    if (!pick) { return; }
    e.preventDefault();
    document.getElementById('customerCode').value = pick.getAttribute('data-pick-code');
    document.getElementById('customerLabel').textContent = pick.getAttribute('data-pick-label');
    document.getElementById('customerLabelInput').value = pick.getAttribute('data-pick-label');
    document.getElementById('lookup-results').innerHTML = '';
    document.getElementById('contactName').focus();
  });

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var c = window.echarts.init(el);
    option.animation = false;
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
  }

  function names(list) { return list.map(function (x) { return x.name; }); }
  function counts(list) { return list.map(function (x) { return x.count; }); }

  function bar(list, color) {
    return {
      tooltip: {}, grid: {left: 40, right: 10, top: 10, bottom: 40},
      xAxis: {type: 'category', data: names(list), axisLabel: {interval: 0, rotate: list.length > 5 ? 30 : 0}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{type: 'bar', data: counts(list), itemStyle: {color: color}}]
    };
  }

  function pie(list) {
    return {
      tooltip: {trigger: 'item'}, legend: {bottom: 0},
      series: [{type: 'pie', radius: ['35%', '65%'], data: list.map(function (x) { return {name: x.name, value: x.count}; })}]
    };
  }

  function report() {
    var holder = document.getElementById('report-data');
    if (!holder) { return; }
    var f = JSON.parse(holder.textContent);
    chart('chart-category', bar(f.byCategory, '#0d6efd'));
    chart('chart-channel', pie(f.byChannel));
    chart('chart-department', bar(f.byDepartment, '#6f42c1'));
    chart('chart-satisfaction', pie(f.callbackSatisfaction));
    var prev = {};
    f.previousMonth.byCategory.forEach(function (x) { prev[x.category] = x.count; });
    var cats = {};
    f.byCategory.concat(f.previousMonth.byCategory).forEach(function (x) { cats[x.category] = x.name; });
    var keys = Object.keys(cats);
    var now = {};
    f.byCategory.forEach(function (x) { now[x.category] = x.count; });
    chart('chart-mom', {
      tooltip: {}, legend: {bottom: 0}, grid: {left: 40, right: 10, top: 10, bottom: 60},
      xAxis: {type: 'category', data: keys.map(function (k) { return cats[k]; })},
      yAxis: {type: 'value', minInterval: 1},
      series: [
        {name: f.previousMonth.month, type: 'bar', data: keys.map(function (k) { return prev[k] || 0; }), itemStyle: {color: '#adb5bd'}},
        {name: f.month, type: 'bar', data: keys.map(function (k) { return now[k] || 0; }), itemStyle: {color: '#0d6efd'}}
      ]
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', report);
  } else {
    report();
  }
})();
