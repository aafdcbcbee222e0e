// The certifier's queue: sign the selected papers with the USB token in one pass. Each paper is prepared on its own
// (its own register number), sohoa-signer shows the whole list and asks the PIN once, then each copy is completed.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('batch-form');
  if (!form || !document.getElementById('batch-sign')) { return; }
  const boxes = () => Array.from(form.querySelectorAll('input[name=paper]:not(:disabled)'));
  document.getElementById('select-all').addEventListener('change', event => {
    boxes().forEach(box => { box.checked = event.target.checked; });
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    const rows = boxes().filter(box => box.checked).map(box => box.closest('tr'));
    if (rows.length === 0) {
      const text = Sohoa.t('batchNothingSelected');
      Sohoa.showError(form, new Sohoa.Problem({ field: 'paper', detail: text, detailVi: text }));
      return;
    }
    const button = document.getElementById('batch-sign');
    button.disabled = true;
    const sessions = [];
    try {
      const agent = await DeskAgent.connect(form.dataset.agentUrl, form.dataset.agentDownload,
        form.dataset.enrolledUrl);
      const prepared = [];
      for (const row of rows) {
        try {
          const session = await Sohoa.api('POST', row.dataset.externalUrl,
            { requester: requesterOf(row), certificateChain: agent.certificate.certificateChain });
          sessions.push(session);
          prepared.push(row);
          result(row, Sohoa.t('batchPrepared', session.registerNumber));
        } catch (problem) {
          result(row, problem.text(), true);
        }
      }
      if (sessions.length === 0) { return; }
      let values;
      try {
        values = await agent.signBatch(sessions, prepared.map(row => row.dataset));
      } catch (problem) {
        await Promise.all(sessions.map(session => DeskAgent.cancel(session, problem)));
        prepared.forEach(row => result(row, problem.text(), true));
        throw problem;
      }
      for (let i = 0; i < sessions.length; i++) {
        try {
          const certification = await DeskAgent.complete(sessions[i], values[i]);
          issued(prepared[i], certification);
        } catch (problem) {
          result(prepared[i], problem.text(), true);
        }
      }
    } catch (problem) {
      Sohoa.showError(form, problem);
    } finally {
      button.disabled = false;
    }
  });

  /** The dossier's applicant, who asked for the copy, as the certification API takes it. */
  function requesterOf(row) {
    const d = row.dataset;
    return { fullName: d.requesterFullName, idType: d.requesterIdType, idNumber: d.requesterIdNumber,
      phone: d.requesterPhone || null, email: d.requesterEmail || null };
  }

  function result(row, text, failed) {
    const cell = row.querySelector('.batch-result');
    cell.textContent = text;
    cell.classList.toggle('error', Boolean(failed));
  }

  /** The copy's number and its download link; the paper leaves the selection. */
  function issued(row, certification) {
    const copy = certification.copies ? certification.copies[0] : certification;
    const cell = row.querySelector('.batch-result');
    cell.textContent = '';
    const link = document.createElement('a');
    link.className = 'copy-download';
    link.href = Sohoa.contextPath() + copy.pdfUrl;
    link.textContent = Sohoa.t('batchIssued', copy.registerNumber);
    cell.append(link);
    const box = row.querySelector('input[name=paper]');
    box.checked = false;
    box.disabled = true;
  }
});
