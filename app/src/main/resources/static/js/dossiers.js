// The dossier list: registering a dossier through the API, with the next free code proposed for the chosen agency.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('register-dossier');
  if (!form) { return; }
  const base = Sohoa.contextPath();

  form.elements.agencyCode.addEventListener('change', async () => {
    try {
      const next = await Sohoa.api('GET', form.dataset.nextCodeUrl + '?agencyCode='
        + encodeURIComponent(form.elements.agencyCode.value));
      form.elements.code.value = next.code;
    } catch (error) {
      Sohoa.showError(form, error);
    }
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const dossier = await Sohoa.api('POST', base + '/api/v1/dossiers', {
        code: form.elements.code.value.trim(),
        agencyCode: form.elements.agencyCode.value,
        procedureCode: form.elements.procedureCode.value.trim() || null,
        applicant: Sohoa.person(form, 'applicant')
      });
      window.location.assign(base + '/dossiers/' + encodeURIComponent(dossier.code));
    } catch (error) {
      Sohoa.showError(form, error);
      button.disabled = false;
    }
  });
});
