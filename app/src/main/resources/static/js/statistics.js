// The supervisor's dashboard: draws the trend and per-unit charts from the JSON the page carries.
const chart = JSON.parse(document.getElementById('chart-data').textContent);
window.addEventListener('DOMContentLoaded', () => {
  const colours = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df'];
  window.sohoaCharts = [];
  window.sohoaCharts.push(new Chart(document.getElementById('trend'), {
    type: 'line',
    data: { labels: chart.months, datasets: Object.entries(chart.series).map(([name, rates], i) =>
        ({ label: name, data: rates, borderColor: colours[i], backgroundColor: colours[i], spanGaps: false })) },
    options: { animation: false, scales: { y: { min: 0, max: 100 } } }
  }));
  const units = document.getElementById('units');
  if (units) {
    window.sohoaCharts.push(new Chart(units, {
      type: 'bar',
      data: { labels: chart.units, datasets: [
          { label: 'Số hóa hồ sơ / digitized %', data: chart.digitized, backgroundColor: '#1f6feb' },
          { label: 'Chỉ tiêu / target %', data: chart.targets, type: 'line', borderColor: '#d1242f',
            backgroundColor: '#d1242f' }] },
      options: { animation: false, scales: { y: { min: 0, max: 100 } } }
    }));
  }
});
