// The password change a user makes at first sign-in (or whenever they like), through the API.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('password-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    try {
      await Sohoa.api('POST', form.dataset.api, {
        currentPassword: form.elements.currentPassword.value,
        newPassword: form.elements.newPassword.value
      });
      window.location.assign(form.dataset.home);
    } catch (problem) {
      Sohoa.showError(form, problem);
    }
  });
});
