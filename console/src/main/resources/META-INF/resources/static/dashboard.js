// Draws the dashboard's charts from the data attribute the server rendered (no inline script).
(function () {
  'use strict';
  function band(data, metric) {
    var s = data.series || {};
    var low = s[metric + 'Low'] || [], high = s[metric + 'High'] || [];
    var width = low.map(function (l, i) { return l == null || high[i] == null ? null : +(high[i] - l).toFixed(2); });
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: 36 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: data.buckets || [] },
      yAxis: { type: 'value', scale: true },
      series: [
        { name: '95 % low', type: 'line', data: low, stack: 'ci', symbol: 'none', lineStyle: { opacity: 0 } },
        { name: '95 %', type: 'line', data: width, stack: 'ci', symbol: 'none', lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(36, 87, 197, 0.18)' } },
        { name: metric.toUpperCase(), type: 'line', data: s[metric] || [], connectNulls: false, symbolSize: 6,
          lineStyle: { width: 2, color: '#2457c5' }, itemStyle: { color: '#2457c5' } }
      ]
    };
  }
  function groups(data) {
    var g = data.groups || [];
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: 60 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: g.map(function (x) { return x.label; }), axisLabel: { rotate: 30 } },
      yAxis: [{ type: 'value', name: 'n' }, { type: 'value', name: 'NPS', min: -100, max: 100 }],
      series: [
        { name: 'responses', type: 'bar', data: g.map(function (x) { return x.responses; }), itemStyle: { color: '#9db4e6' } },
        { name: 'NPS', type: 'line', yAxisIndex: 1, data: g.map(function (x) { return x.nps === '' ? null : x.nps; }),
          itemStyle: { color: '#b42318' } }
      ]
    };
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      var metric = el.getAttribute('data-metric');
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(metric === 'groups' ? groups(data) : band(data, metric));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  });
})();
