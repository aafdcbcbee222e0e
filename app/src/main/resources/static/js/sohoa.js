// Shared by every page: calls to the REST API with the page's CSRF token, RFC 9457 problems shown in the page's
// language next to the form that caused them, and the page's texts (rendered by the server into #sohoa-messages).
'use strict';

const Sohoa = (() => {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  let texts = null;

  function t(key, ...args) {
    if (texts === null) {
      const node = document.getElementById('sohoa-messages');
      texts = node ? JSON.parse(node.textContent) : {};
    }
    let text = texts[key] || key;
    args.forEach((arg, i) => { text = text.replace('{' + i + '}', arg); });
    return text;
  }

  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  /** A refusal from the API: its problem body (status, title, detail, detailVi, field, limit). */
  class Problem extends Error {
    constructor(problem) {
      super(problem.detail || problem.title || ('HTTP ' + problem.status));
      this.problem = problem;
    }

    text() {
      const p = this.problem;
      const detail = lang === 'vi' ? (p.detailVi || p.detail) : (p.detail || p.detailVi);
      return detail || p.title || ('HTTP ' + p.status);
    }
  }

  async function problemOf(response) {
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // not a problem document (a proxy's page, say): the status tells what there is to tell
    }
    return new Problem(Object.assign({ status: response.status, title: response.statusText }, body || {}));
  }

  /** Calls the API; resolves to the parsed JSON (or null), rejects with a Problem. */
  async function api(method, url, body) {
    const headers = Object.assign({ Accept: 'application/json' }, method === 'GET' ? {} : csrfHeaders());
    let payload = body;
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (typeof body === 'string') {
      headers['Content-Type'] = 'text/csv';
    }
    let response;
    try {
      response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
    } catch (e) {
      throw new Problem({ status: 0, detail: t('networkError'), detailVi: t('networkError') });
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : null;
  }

  /** Uploads a form with progress (fetch has none): onProgress(loadedBytes, totalBytes). */
  function upload(url, form, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', url);
      request.setRequestHeader('Accept', 'application/json');
      Object.entries(csrfHeaders()).forEach(([name, value]) => request.setRequestHeader(name, value));
      request.upload.onprogress = event => { if (event.lengthComputable) { onProgress(event.loaded, event.total); } };
      request.onerror = () => reject(new Problem({ status: 0, detail: t('networkError'), detailVi: t('networkError') }));
      request.onload = () => {
        let body = null;
        try { body = JSON.parse(request.responseText); } catch (ignored) { /* empty or not JSON */ }
        if (request.status >= 200 && request.status < 300) {
          resolve(body);
        } else {
          reject(new Problem(Object.assign({ status: request.status }, body || {})));
        }
      };
      request.send(form);
    });
  }

  /** Shows an error in the form's alert and marks the field the problem names; typed values stay. */
  function showError(container, error) {
    const alert = container.querySelector('[role=alert]');
    container.querySelectorAll('[aria-invalid]').forEach(field => field.removeAttribute('aria-invalid'));
    const message = error instanceof Problem ? error.text() : String(error.message || error);
    if (alert) {
      alert.textContent = message;
      alert.hidden = false;
    }
    const field = error instanceof Problem && error.problem.field
      ? container.querySelector('[name="' + CSS.escape(error.problem.field) + '"]') : null;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }

  function clearError(container) {
    const alert = container.querySelector('[role=alert]');
    if (alert) {
      alert.hidden = true;
      alert.textContent = '';
    }
    container.querySelectorAll('[aria-invalid]').forEach(field => field.removeAttribute('aria-invalid'));
  }

  function formatDate(iso) {
    if (!iso) { return '–'; }
    return new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB',
      { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  }

  function cell(row, text, tag) {
    const td = document.createElement(tag || 'td');
    td.textContent = text === null || text === undefined ? '–' : String(text);
    row.appendChild(td);
    return td;
  }

  function contextPath() {
    const meta = document.querySelector('link[rel=stylesheet]');
    return meta ? meta.getAttribute('href').replace(/\/css\/sohoa\.css.*$/, '') : '';
  }

  /**
   * The person in a form's fields named prefix.fullName, prefix.idType, …: as the API takes it, or null when neither
   * a name nor a number was typed (an optional applicant left out).
   */
  function person(form, prefix) {
    const value = name => {
      const field = form.elements[prefix + '.' + name];
      return field && field.value.trim() ? field.value.trim() : null;
    };
    const given = { fullName: value('fullName'), idType: value('idType'), idNumber: value('idNumber'),
      phone: value('phone'), email: value('email') };
    return given.fullName || given.idNumber ? given : null;
  }

  return { t, api, upload, showError, clearError, formatDate, cell, Problem, lang, contextPath, csrfHeaders, person };
})();
