// A user's own password (required first when an administrator set it), and a certifier's first signing PIN: both
// through the API, then on to the home page.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const send = (form, method, body) => form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    try {
      await Sohoa.api(method, form.dataset.api, body(form));
      window.location.assign(form.dataset.home);
    } catch (problem) {
      Sohoa.showError(form, problem);
    }
  });
  const password = document.getElementById('password-form');
  if (password) {
    send(password, 'POST', form => ({ currentPassword: form.elements.currentPassword.value,
      newPassword: form.elements.newPassword.value }));
  }
  const pin = document.getElementById('pin-form');
  if (pin) {
    send(pin, 'PUT', form => ({ password: form.elements.password.value, newPin: form.elements.newPin.value }));
  }
});
