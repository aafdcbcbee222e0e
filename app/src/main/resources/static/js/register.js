// The certification register of a month or a year: entries and totals from the API, print and CSV links.
'use strict';

document.addEventListener('DOMContentLoaded', async () => {
  const main = document.getElementById('main');
  const form = document.getElementById('register-filter');
  const agency = form.elements.agency.value;
  if (!agency) { return; }
  const month = form.elements.month.value;
  const path = main.dataset.api + encodeURIComponent(agency) + '/' + form.elements.kind.value + '/'
    + form.elements.year.value;
  const query = month ? '?month=' + month : '';
  document.getElementById('print-link').href = path + '/export.pdf' + query;
  document.getElementById('csv-link').href = path + '/export.csv' + query;
  let register;
  try {
    register = await Sohoa.api('GET', path + query);
  } catch (problem) {
    Sohoa.showError(main, problem);
    return;
  }
  const totals = register.totals;
  document.getElementById('register-state').textContent = register.state.book + ' · '
    + Sohoa.t('copyNumber') + ' ' + totals.numbers + ' · ✓ ' + totals.issued + ' · ✗ ' + totals.voided
    + ' · ' + totals.copies + ' · ' + totals.fees.toLocaleString() + ' ₫';
  const body = document.querySelector('#register-entries tbody');
  register.entries.forEach(entry => {
    const row = document.createElement('tr');
    Sohoa.cell(row, entry.number, 'th').scope = 'row';
    Sohoa.cell(row, entry.book);
    Sohoa.cell(row, entry.documentTitle);
    Sohoa.cell(row, entry.requester
      ? entry.requester.fullName + ' · ' + entry.requester.idType + ' ' + entry.requester.idNumber : '–');
    Sohoa.cell(row, entry.certifier);
    Sohoa.cell(row, entry.copies);
    Sohoa.cell(row, entry.feeVnd.toLocaleString());
    Sohoa.cell(row, entry.status + (entry.voidReason ? ' – ' + entry.voidReason : '')).className = 'status ' + entry.status;
    Sohoa.cell(row, Sohoa.formatDate(entry.closedAt || entry.reservedAt));
    body.appendChild(row);
  });
  if (register.entries.length === 0) {
    const row = document.createElement('tr');
    const td = Sohoa.cell(row, Sohoa.t('none'));
    td.colSpan = 9;
    body.appendChild(row);
  }
});
