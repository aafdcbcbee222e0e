// The scanning stations' hot folders, refreshed every few seconds.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const main = document.getElementById('main');
  async function refresh() {
    let view;
    try {
      view = await Sohoa.api('GET', main.dataset.api);
      Sohoa.clearError(main);
    } catch (problem) {
      Sohoa.showError(main, problem);
      setTimeout(refresh, 5000);
      return;
    }
    document.getElementById('hot-folder').textContent = view.enabled
      ? Sohoa.t('hotFolderAt', view.root) : Sohoa.t('hotFolderOff');
    const stations = document.querySelector('#stations tbody');
    const rejections = document.querySelector('#rejections tbody');
    stations.textContent = '';
    rejections.textContent = '';
    view.stations.forEach(station => {
      const row = document.createElement('tr');
      Sohoa.cell(row, station.station, 'th').scope = 'row';
      Sohoa.cell(row, Sohoa.formatDate(station.lastRound));
      Sohoa.cell(row, station.waiting);
      Sohoa.cell(row, station.takenToday);
      Sohoa.cell(row, station.lastTaken ? station.lastTaken + ' · ' + Sohoa.formatDate(station.lastTakenAt) : '–');
      Sohoa.cell(row, station.problem || '–');
      stations.appendChild(row);
      station.rejections.forEach(rejection => {
        const r = document.createElement('tr');
        Sohoa.cell(r, station.station, 'th').scope = 'row';
        Sohoa.cell(r, rejection.file);
        Sohoa.cell(r, rejection.dossierCode);
        Sohoa.cell(r, Sohoa.formatDate(rejection.at));
        Sohoa.cell(r, Sohoa.lang === 'vi' ? (rejection.reasonVi || rejection.reason) : rejection.reason);
        rejections.appendChild(r);
      });
    });
    if (view.stations.length === 0) {
      const td = Sohoa.cell(document.createElement('tr'), Sohoa.t('none'));
      td.colSpan = 6;
      stations.appendChild(td.parentNode);
    }
    setTimeout(refresh, 5000);
  }
  refresh();
});
