// The administrator's page: users, API clients, signing keys, agencies, units and targets, all through the API.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const base = Sohoa.contextPath() + '/api/v1';
  loadUsers(base);
  loadClients(base);
  loadKeys(base);
  loadUnits(base);
  loadTargets(base);
  setUpForms(base);
});

async function guarded(section, action) {
  try {
    Sohoa.clearError(section);
    return await action();
  } catch (problem) {
    Sohoa.showError(section, problem);
    return null;
  }
}

async function loadUsers(base) {
  const section = document.getElementById('users');
  const users = await guarded(section, () => Sohoa.api('GET', base + '/users'));
  if (!users) { return; }
  const body = section.querySelector('#user-list tbody');
  body.textContent = '';
  const roles = document.getElementById('role-options');
  users.forEach(user => {
    const row = document.createElement('tr');
    Sohoa.cell(row, user.username, 'th').scope = 'row';
    Sohoa.cell(row, user.fullName + (user.title ? ' – ' + user.title : ''));
    const roleCell = document.createElement('td');
    const select = document.createElement('select');
    select.appendChild(roles.content.cloneNode(true));
    select.value = user.role;
    select.setAttribute('aria-label', user.username);
    select.addEventListener('change', () => changeUser(base, user.username, { role: select.value }));
    roleCell.appendChild(select);
    row.appendChild(roleCell);
    Sohoa.cell(row, user.agencyCode);
    Sohoa.cell(row, Sohoa.t(user.enabled ? 'enabled' : 'disabled'));
    const actions = document.createElement('td');
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.textContent = Sohoa.t(user.enabled ? 'disable' : 'enable');
    toggle.setAttribute('aria-label', toggle.textContent + ' ' + user.username);
    toggle.addEventListener('click', () => changeUser(base, user.username, { enabled: !user.enabled }));
    actions.appendChild(toggle);
    row.appendChild(actions);
    body.appendChild(row);
  });
}

async function changeUser(base, username, change) {
  const section = document.getElementById('users');
  const done = await guarded(section, () => Sohoa.api('PATCH', base + '/users/' + encodeURIComponent(username), change));
  if (done) { loadUsers(base); }
}

async function loadClients(base) {
  const section = document.getElementById('clients');
  const clients = await guarded(section, () => Sohoa.api('GET', base + '/api-clients'));
  if (!clients) { return; }
  const body = section.querySelector('#client-list tbody');
  body.textContent = '';
  clients.forEach(client => {
    const row = document.createElement('tr');
    Sohoa.cell(row, client.name, 'th').scope = 'row';
    Sohoa.cell(row, client.agencyCode);
    Sohoa.cell(row, client.createdBy);
    Sohoa.cell(row, Sohoa.formatDate(client.createdAt));
    body.appendChild(row);
  });
}

async function loadKeys(base) {
  const section = document.getElementById('keys');
  const inventory = await guarded(section, () => Sohoa.api('GET', base + '/signing-keys'));
  if (!inventory) { return; }
  document.getElementById('key-source').textContent = inventory.source;
  const body = section.querySelector('#key-list tbody');
  body.textContent = '';
  const states = { VALID: 'valid', EXPIRES_SOON: 'expiresSoon', EXPIRED: 'expired', NOT_YET_VALID: 'notYetValid',
    UNAVAILABLE: 'unavailable' };
  inventory.keys.forEach(key => {
    const row = document.createElement('tr');
    row.className = 'key-' + key.state;
    Sohoa.cell(row, key.ownerName + ' (' + key.owner + ')', 'th').scope = 'row';
    Sohoa.cell(row, key.purpose);
    Sohoa.cell(row, key.subject || key.problem);
    Sohoa.cell(row, key.notAfter ? Sohoa.formatDate(key.notAfter) : '–');
    Sohoa.cell(row, Sohoa.t(states[key.state], key.daysLeft)).className = 'state ' + key.state;
    body.appendChild(row);
  });
}

async function loadUnits(base) {
  const section = document.getElementById('units');
  const on = document.getElementById('units-on').value;
  const units = await guarded(section, () => Sohoa.api('GET', base + '/units' + (on ? '?on=' + on : '')));
  if (!units) { return; }
  const body = section.querySelector('#unit-list tbody');
  body.textContent = '';
  units.forEach(unit => {
    const row = document.createElement('tr');
    Sohoa.cell(row, unit.code, 'th').scope = 'row';
    Sohoa.cell(row, unit.name);
    Sohoa.cell(row, unit.level);
    Sohoa.cell(row, unit.parentCode);
    Sohoa.cell(row, unit.validFrom);
    Sohoa.cell(row, unit.validTo);
    body.appendChild(row);
  });
}

async function loadTargets(base) {
  const section = document.getElementById('targets');
  const year = document.getElementById('targets-year').value;
  const targets = await guarded(section, () => Sohoa.api('GET', base + '/targets/' + year));
  if (!targets) { return; }
  section.querySelectorAll('input[data-level]').forEach(input => {
    const target = targets.find(t => t.level === input.dataset.level && t.indicator === input.dataset.indicator);
    input.value = target ? target.rate : '';
  });
}

function setUpForms(base) {
  const newUser = document.getElementById('new-user');
  newUser.addEventListener('submit', async event => {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(newUser).entries());
    if (await guarded(newUser, () => Sohoa.api('POST', base + '/users', body))) {
      newUser.reset();
      loadUsers(base);
    }
  });

  const newClient = document.getElementById('new-client');
  const clients = document.getElementById('clients');
  newClient.addEventListener('submit', async event => {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(newClient).entries());
    const issued = await guarded(clients, () => Sohoa.api('POST', base + '/api-clients', body));
    if (issued) {
      const shown = document.getElementById('issued-key');
      shown.textContent = Sohoa.t('keyShownOnce') + ' ' + issued.apiKey;
      shown.hidden = false;
      newClient.reset();
      loadClients(base);
    }
  });

  const newAgency = document.getElementById('new-agency');
  newAgency.addEventListener('submit', async event => {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(newAgency).entries());
    if (await guarded(newAgency, () => Sohoa.api('POST', base + '/agencies', body))) {
      window.location.reload();
    }
  });

  document.getElementById('units-filter').addEventListener('submit', event => {
    event.preventDefault();
    loadUnits(base);
  });
  const unitsImport = document.getElementById('units-import');
  unitsImport.addEventListener('submit', async event => {
    event.preventDefault();
    const file = unitsImport.elements.csv.files[0];
    const ok = unitsImport.querySelector('.ok');
    ok.hidden = true;
    if (!file) {
      Sohoa.showError(unitsImport, new Sohoa.Problem({ field: 'csv', detail: Sohoa.t('noFiles'), detailVi: Sohoa.t('noFiles') }));
      return;
    }
    const result = await guarded(unitsImport, async () => Sohoa.api('POST', base + '/units', await file.text()));
    if (result) {
      ok.textContent = Sohoa.t('imported') + ' ' + JSON.stringify(result);
      ok.hidden = false;
      loadUnits(base);
    }
  });

  const template = document.getElementById('new-template');
  const templateBody = () => ({
    version: template.elements.version.value.trim(),
    effectiveFrom: template.elements.effectiveFrom.value || null,
    lines: template.elements.lines.value.split('\n')
  });
  document.getElementById('preview-template').addEventListener('click', async () => {
    Sohoa.clearError(template);
    const image = document.getElementById('template-preview');
    try {
      const headers = Object.assign({ 'Content-Type': 'application/json', Accept: 'image/png, application/problem+json' },
        Sohoa.csrfHeaders());
      const response = await fetch(base + '/statement-templates/preview',
        { method: 'POST', headers, body: JSON.stringify(templateBody()), credentials: 'same-origin' });
      if (!response.ok) {
        throw new Sohoa.Problem(Object.assign({ status: response.status }, await response.json().catch(() => ({}))));
      }
      // a data: address, since the Content-Security-Policy allows no blob: images
      const reader = new FileReader();
      reader.onload = () => { image.src = reader.result; image.hidden = false; };
      reader.readAsDataURL(await response.blob());
    } catch (problem) {
      Sohoa.showError(template, problem);
    }
  });
  template.addEventListener('submit', async event => {
    event.preventDefault();
    const ok = template.querySelector('.ok');
    ok.hidden = true;
    if (await guarded(template, () => Sohoa.api('POST', base + '/statement-templates', templateBody()))) {
      window.location.reload();
    }
  });

  const targets = document.getElementById('targets-form');
  document.getElementById('targets-year').addEventListener('change', () => loadTargets(base));
  targets.addEventListener('submit', async event => {
    event.preventDefault();
    const year = document.getElementById('targets-year').value;
    const list = Array.from(targets.querySelectorAll('input[data-level]'))
      .filter(input => input.value !== '')
      .map(input => ({ level: input.dataset.level, indicator: input.dataset.indicator, rate: Number(input.value) }));
    const ok = targets.querySelector('.ok');
    ok.hidden = true;
    if (await guarded(targets, () => Sohoa.api('PUT', base + '/targets/' + year, list))) {
      ok.textContent = Sohoa.t('saved');
      ok.hidden = false;
    }
  });
}
