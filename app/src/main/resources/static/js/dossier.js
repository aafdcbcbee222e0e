// A dossier: the upload area (drag and drop, one progress bar per file, limits checked before sending) and the
// papers' statuses kept current while they are recognised.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  watchDocuments();
  const section = document.getElementById('upload');
  if (section) {
    setUpUpload(section);
  }
  const refusals = document.getElementById('refusals');
  const intakeRefusal = document.getElementById('intake-refusal');
  if (refusals && intakeRefusal) {
    setUpIntakeRefusal(refusals, intakeRefusal);
  }
});

/** The clerk refuses an original at intake: recorded with its written notice, which the list then shows. */
function setUpIntakeRefusal(section, form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    try {
      await Sohoa.api('POST', section.dataset.refuseUrl, {
        paperTitle: form.elements.paperTitle.value.trim() || null,
        reason: form.elements.reason.value,
        note: form.elements.note.value.trim() || null,
        requester: Sohoa.person(form, 'requester')
      });
      window.location.reload();
    } catch (problem) {
      Sohoa.showError(form, problem);
    }
  });
}

/** Polls the papers still waiting or in recognition and updates their rows; reloads once one changes state. */
function watchDocuments() {
  const rows = Array.from(document.querySelectorAll('#documents tr[data-status-url]'))
    .filter(row => row.dataset.status === 'RECEIVED' || row.dataset.status === 'PROCESSING');
  if (rows.length === 0) { return; }
  const timer = setInterval(async () => {
    for (const row of rows) {
      try {
        const doc = await Sohoa.api('GET', row.dataset.statusUrl);
        const bar = row.querySelector('progress');
        if (bar && doc.pages) { bar.max = doc.pages; bar.value = doc.pagesDone; }
        row.querySelector('td.pages').textContent = doc.pages ? doc.pagesDone + '/' + doc.pages : '–';
        if (doc.status !== row.dataset.status && doc.status !== 'PROCESSING') {
          clearInterval(timer);
          window.location.reload();
          return;
        }
      } catch (ignored) {
        // a passing network failure: the next round tries again
      }
    }
  }, 1500);
}

function setUpUpload(section) {
  const form = document.getElementById('upload-form');
  const input = document.getElementById('files');
  const zone = document.getElementById('dropzone');
  const list = document.getElementById('file-list');
  const maxFiles = Number(section.dataset.maxFiles);
  const maxBytes = Number(section.dataset.maxFileBytes);
  let files = [];
  let mode = 'draft';

  function render() {
    list.textContent = '';
    files.forEach((file, index) => {
      const item = document.createElement('li');
      item.className = 'file';
      const name = document.createElement('span');
      name.textContent = file.name + ' (' + Math.ceil(file.size / 1024) + ' KB)';
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', file.name);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'icon';
      remove.textContent = '✕';
      remove.setAttribute('aria-label', Sohoa.t('dropPage') + ': ' + file.name);
      remove.addEventListener('click', () => {
        files.splice(index, 1);
        render();
        if (files.length > 0) { preview(files[0]); } // the paper's first scan may have changed
      });
      item.append(name, bar, remove);
      list.appendChild(item);
    });
  }

  // the paper's identity read from its first scan while the clerk goes on: empty fields filled in, marked to check
  const identity = form.querySelector('details');
  const previewNote = document.getElementById('preview-note');
  let previewed = null;

  async function preview(file) {
    if (!section.dataset.previewUrl || previewed === file) { return; }
    previewed = file;
    previewNote.hidden = false;
    previewNote.textContent = Sohoa.t('previewReading');
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      const read = await Sohoa.api('POST', section.dataset.previewUrl, body);
      if (previewed !== file) { return; } // another file was chosen meanwhile
      const proposed = read.proposed || {};
      const filled = [];
      ['citizenId', 'paperType', 'validUntil'].forEach(name => {
        const field = form.elements[name];
        if (proposed[name] && !field.value.trim()) {
          field.value = proposed[name];
          field.classList.add('prefilled');
          filled.push(name);
        }
      });
      if (filled.length > 0) {
        identity.open = true;
        previewNote.textContent = Sohoa.t('previewFilled', read.paperTypeName || read.paperType);
      } else {
        previewNote.textContent = Sohoa.t('previewNothing');
      }
    } catch (problem) {
      // the preview only helps: the upload itself says what is wrong with the file
      previewNote.textContent = Sohoa.t('previewFailed');
    }
  }

  form.querySelectorAll('#citizenId, #paperType, #validUntil').forEach(field =>
    field.addEventListener('input', () => field.classList.remove('prefilled')));

  function add(chosen) {
    Sohoa.clearError(form);
    for (const file of chosen) {
      if (file.size > maxBytes) {
        Sohoa.showError(form, new Error(Sohoa.t('fileTooLarge', file.name, Math.floor(maxBytes / 1048576))));
        continue;
      }
      files.push(file);
    }
    if (files.length > maxFiles) {
      files = files.slice(0, maxFiles);
      Sohoa.showError(form, new Error(Sohoa.t('tooManyFiles', maxFiles)));
    }
    render();
    if (files.length > 0) { preview(files[0]); }
  }

  input.addEventListener('change', () => { add(Array.from(input.files)); input.value = ''; });
  zone.addEventListener('click', event => { if (event.target !== input) { input.click(); } });
  zone.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); input.click(); }
  });
  ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, event => {
    event.preventDefault();
    zone.classList.add('over');
  }));
  ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('over')));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    add(Array.from(event.dataTransfer.files));
  });
  form.querySelectorAll('button[name=mode]').forEach(button =>
    button.addEventListener('click', () => { mode = button.value; }));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    if (files.length === 0) {
      Sohoa.showError(form, new Sohoa.Problem({ field: 'files', detail: Sohoa.t('noFiles'), detailVi: Sohoa.t('noFiles') }));
      return;
    }
    const body = new FormData();
    body.append('title', form.elements.title.value.trim());
    ['citizenId', 'paperType', 'validUntil'].forEach(name => {
      if (form.elements[name].value.trim()) { body.append(name, form.elements[name].value.trim()); }
    });
    files.forEach(file => body.append('files', file, file.name));
    const bars = Array.from(list.querySelectorAll('progress'));
    const buttons = form.querySelectorAll('button');
    buttons.forEach(button => { button.disabled = true; });
    try {
      const url = section.dataset.uploadUrl + (mode === 'draft' ? '?draft=true' : '');
      const doc = await Sohoa.upload(url, body, (loaded, total) => {
        // the files travel in order: each bar fills with its share of the bytes sent
        const ratio = loaded / total;
        const all = files.reduce((sum, file) => sum + file.size, 0);
        let before = 0;
        files.forEach((file, i) => {
          const sent = Math.max(0, Math.min(file.size, ratio * all - before));
          bars[i].value = file.size === 0 ? 100 : Math.round(100 * sent / file.size);
          before += file.size;
        });
      });
      bars.forEach(bar => { bar.value = 100; });
      window.location.assign(section.dataset.documentPage + encodeURIComponent(doc.id));
    } catch (error) {
      // nothing typed or chosen is lost: the form and the file list stay as they were
      bars.forEach(bar => { bar.value = 0; });
      Sohoa.showError(form, error);
      buttons.forEach(button => { button.disabled = false; });
    }
  });
}
