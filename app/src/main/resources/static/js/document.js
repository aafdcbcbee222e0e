// A document: its pages (arranged before OCR, rescanned one at a time after), live recognition progress, the scan
// beside the PDF/A with the recognised text, and the certification with its confirmation and signing methods.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const main = document.getElementById('main');
  const page = {
    api: main.dataset.document,
    status: main.dataset.status,
    desk: main.dataset.desk === 'true',
    settled: main.dataset.settled === 'true'
  };
  loadPages(page).then(pages => {
    if (pages && page.status === 'DIGITIZED') {
      setUpComparison(page, pages);
    }
  });
  if (page.status === 'RECEIVED' || page.status === 'PROCESSING') {
    followProgress(page);
  }
  const identity = document.getElementById('identity-form');
  if (identity) {
    setUpIdentity(identity);
  }
  const certify = document.getElementById('certify-panel');
  if (certify) {
    setUpCertification(certify);
  }
});

async function loadPages(page) {
  const list = document.getElementById('thumbnails');
  const error = document.getElementById('pages-error');
  let pages;
  try {
    pages = await Sohoa.api('GET', page.api + '/pages');
  } catch (problem) {
    Sohoa.showError(document.getElementById('pages-panel'), problem);
    return null;
  }
  if (page.status === 'DRAFT' && page.desk) {
    arrange(page, list, pages);
  } else {
    showPages(page, list, pages);
  }
  error.hidden = true;
  return pages;
}

function thumbnail(entry) {
  const image = document.createElement('img');
  image.src = entry.imageUrl + '&width=200';
  image.alt = Sohoa.t('page') + ' ' + entry.number + ' (' + entry.source + ')';
  image.loading = 'lazy';
  return image;
}

/**
 * The scan-quality gate's verdict under a thumbnail: a badge (OK, to check, to scan again) and the reasons, in the
 * page's language, so the clerk can rescan while the citizen is still at the desk.
 */
function verdict(entry) {
  const box = document.createElement('div');
  const quality = entry.quality;
  if (!quality) { return box; }
  box.className = 'quality quality-' + quality.verdict.toLowerCase();
  box.dataset.verdict = quality.verdict;
  const badge = document.createElement('strong');
  badge.textContent = Sohoa.t('quality' + quality.verdict);
  box.appendChild(badge);
  if (quality.reasons.length) {
    const reasons = document.createElement('ul');
    const english = document.documentElement.lang === 'en';
    quality.reasons.forEach(reason => {
      const li = document.createElement('li');
      li.dataset.reason = reason.code;
      li.textContent = english ? reason.messageEn : reason.message;
      reasons.appendChild(li);
    });
    box.appendChild(reasons);
  }
  return box;
}

/** Page {@code number}'s rescan button: opens the file chooser; the chosen scan replaces the page. */
function rescanButton(number, onChoose) {
  const rescan = button(Sohoa.t('rescan'), Sohoa.t('rescan') + ' ' + Sohoa.t('page') + ' ' + number, onChoose);
  rescan.classList.remove('icon');
  rescan.classList.add('rescan');
  return rescan;
}

/** Sends the file chosen in #rescan-file as the new scan of the page {@code target()} names, then reloads. */
function listenForRescans(page, target) {
  const input = document.getElementById('rescan-file');
  const panel = document.getElementById('pages-panel');
  input.addEventListener('change', async () => {
    if (!input.files.length || target() === null) { return; }
    const body = new FormData();
    body.append('file', input.files[0], input.files[0].name);
    Sohoa.clearError(panel);
    try {
      await Sohoa.upload(page.api + '/pages/' + target() + '/rescan', body, () => {});
      window.location.reload();
    } catch (problem) {
      Sohoa.showError(panel, problem);
    } finally {
      input.value = '';
    }
  });
  return input;
}

function button(text, label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'icon';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', onClick);
  return b;
}

/** A draft: turn, move and drop pages here, then save the arrangement and submit in one go. */
function arrange(page, list, pages) {
  const state = pages.map(entry => ({ entry, rotate: 0, dropped: false }));
  // a page the gate flags is rescanned before the draft is submitted (the arrangement so far is not kept)
  let rescanTarget = null;
  const rescanInput = listenForRescans(page, () => rescanTarget);

  function render(focusIndex, focusLabel) {
    list.textContent = '';
    state.forEach((item, index) => {
      const li = document.createElement('li');
      li.className = 'thumb' + (item.dropped ? ' dropped' : '');
      li.dataset.page = item.entry.number;
      const frame = document.createElement('div');
      frame.className = 'frame';
      const image = thumbnail(item.entry);
      image.style.transform = 'rotate(' + item.rotate + 'deg)';
      frame.appendChild(image);
      const caption = document.createElement('span');
      caption.className = 'caption';
      caption.textContent = Sohoa.t('page') + ' ' + (index + 1) + (item.rotate ? ' ↻' + item.rotate + '°' : '');
      const tools = document.createElement('div');
      tools.className = 'tools';
      const n = index + 1;
      tools.append(
        button('⟲', Sohoa.t('rotateLeft') + ' ' + n, () => { item.rotate = (item.rotate + 270) % 360; render(index, 'rotateLeft'); }),
        button('⟳', Sohoa.t('rotateRight') + ' ' + n, () => { item.rotate = (item.rotate + 90) % 360; render(index, 'rotateRight'); }),
        button('↑', Sohoa.t('moveUp') + ' ' + n, () => move(index, -1)),
        button('↓', Sohoa.t('moveDown') + ' ' + n, () => move(index, 1)),
        button(item.dropped ? '↺' : '✕', (item.dropped ? Sohoa.t('restorePage') : Sohoa.t('dropPage')) + ' ' + n,
          () => { item.dropped = !item.dropped; render(index, item.dropped ? 'restorePage' : 'dropPage'); }),
        rescanButton(item.entry.number, () => { rescanTarget = item.entry.number; rescanInput.click(); }));
      li.append(frame, caption, verdict(item.entry), tools);
      list.appendChild(li);
    });
    if (focusIndex !== undefined) {
      const target = list.children[focusIndex];
      const match = target && Array.from(target.querySelectorAll('button'))
        .find(b => b.getAttribute('aria-label').startsWith(Sohoa.t(focusLabel)));
      if (match) { match.focus(); }
    }
  }

  function move(index, step) {
    const to = index + step;
    if (to < 0 || to >= state.length) { return; }
    const [item] = state.splice(index, 1);
    state.splice(to, 0, item);
    render(to, step < 0 ? 'moveUp' : 'moveDown');
  }

  render();
  const submit = document.getElementById('submit-draft');
  const panel = document.getElementById('pages-panel');
  submit.addEventListener('click', async () => {
    Sohoa.clearError(panel);
    submit.disabled = true;
    const choices = state.filter(item => !item.dropped).map(item => ({ page: item.entry.number, rotate: item.rotate }));
    const unchanged = choices.length === pages.length
      && choices.every((choice, i) => choice.page === i + 1 && choice.rotate === 0);
    try {
      if (!unchanged) {
        await Sohoa.api('PUT', page.api + '/pages', { pages: choices });
      }
      await Sohoa.api('POST', page.api + '/submit');
      window.location.reload();
    } catch (problem) {
      Sohoa.showError(panel, problem);
      submit.disabled = false;
    }
  });
}

/** Pages after submission: each can be rescanned while no certified copy was made. */
function showPages(page, list, pages) {
  const rescanAllowed = page.desk && !page.settled && (page.status === 'DIGITIZED' || page.status === 'FAILED');
  let target = null;
  const input = listenForRescans(page, () => target);
  pages.forEach(entry => {
    const li = document.createElement('li');
    li.className = 'thumb';
    li.dataset.page = entry.number;
    const frame = document.createElement('div');
    frame.className = 'frame';
    frame.appendChild(thumbnail(entry));
    const caption = document.createElement('span');
    caption.className = 'caption';
    caption.textContent = Sohoa.t('page') + ' ' + entry.number;
    li.append(frame, caption, verdict(entry));
    if (rescanAllowed) {
      const tools = document.createElement('div');
      tools.className = 'tools';
      tools.appendChild(rescanButton(entry.number, () => { target = entry.number; input.click(); }));
      li.appendChild(tools);
    }
    list.appendChild(li);
  });
}

/** Recognition progress, page by page, until the document is digitized or fails. */
function followProgress(page) {
  const bar = document.getElementById('progress');
  const text = document.getElementById('progress-text');
  const tiles = document.getElementById('page-tiles');
  const status = document.getElementById('status');
  async function poll() {
    let doc;
    try {
      doc = await Sohoa.api('GET', page.api);
    } catch (ignored) {
      setTimeout(poll, 2000); // a passing network failure: try again
      return;
    }
    status.textContent = Sohoa.t(doc.status.toLowerCase());
    if (doc.pages) {
      bar.max = doc.pages;
      bar.value = doc.pagesDone;
      text.textContent = Sohoa.t('pagesDone', doc.pagesDone, doc.pages);
      if (tiles.children.length !== doc.pages) {
        tiles.textContent = '';
        for (let i = 0; i < doc.pages; i++) { tiles.appendChild(document.createElement('li')); }
      }
      Array.from(tiles.children).forEach((tile, i) => tile.classList.toggle('done', i < doc.pagesDone));
    } else {
      text.textContent = Sohoa.t('waiting');
    }
    if (doc.status === 'DIGITIZED' || doc.status === 'FAILED') {
      window.location.reload();
      return;
    }
    setTimeout(poll, 1000);
  }
  poll();
}

/** The scan and the PDF/A page side by side, with the page's recognised text below. */
async function setUpComparison(page, pages) {
  const select = document.getElementById('compare-page');
  const scan = document.getElementById('scan-image');
  const pdf = document.getElementById('pdf-image');
  const text = document.getElementById('page-text');
  let texts = [];
  try {
    texts = await Sohoa.api('GET', page.api + '/text');
  } catch (problem) {
    Sohoa.showError(document.getElementById('compare-panel'), problem);
    return;
  }
  pages.forEach(entry => {
    const option = document.createElement('option');
    option.value = entry.number;
    option.textContent = entry.number + ' / ' + pages.length;
    select.appendChild(option);
  });
  function show() {
    const n = Number(select.value);
    const entry = pages[n - 1];
    scan.src = entry.imageUrl + '&width=640';
    pdf.src = page.api + '/pdf/pages/' + n + '/image?width=640';
    const pageText = texts.find(t => t.page === n);
    text.textContent = pageText && pageText.text ? pageText.text : Sohoa.t('noText');
  }
  select.addEventListener('change', show);
  show();
}

/**
 * Certifies with the certifier's USB token through sohoa-signer on this computer: the agent lists the token's
 * certificates, the one enrolled for the certifier is used, Sohoa prepares the signature (step 1), the agent shows the
 * certifier what is signed, asks the PIN itself and signs the digest, and the value completes the copy (step 2).
 */
async function signWithToken(panel, requester) {
  const agent = await DeskAgent.connect(panel.dataset.agentUrl, panel.dataset.agentDownload, panel.dataset.enrolledUrl);
  const session = await Sohoa.api('POST', panel.dataset.externalUrl,
    { requester, certificateChain: agent.certificate.certificateChain });
  let signatureValue;
  try {
    signatureValue = await agent.sign(session, panel.dataset);
  } catch (problem) {
    // not signed: the number taken in step 1 is recorded void now, with the reason
    await DeskAgent.cancel(session, problem);
    throw problem;
  }
  return DeskAgent.complete(session, signatureValue);
}

/** The certifier refuses the original in writing; the page then shows it barred, with the notice. */
function setUpRefusal(certifyForm) {
  const panel = document.getElementById('refuse-panel');
  const form = document.getElementById('refuse-form');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    try {
      await Sohoa.api('POST', panel.dataset.refuseUrl, {
        reason: form.elements.reason.value,
        note: form.elements.note.value.trim() || null,
        requester: Sohoa.person(certifyForm, 'requester')
      });
      window.location.reload();
    } catch (problem) {
      Sohoa.showError(form, problem);
    }
  });
}

/** Certify: check the form, confirm in a dialog, sign with the chosen method, show the copy. */
function setUpCertification(panel) {
  const form = document.getElementById('certify-form');
  setUpRefusal(form);
  const dialog = document.getElementById('confirm-certify');
  const step2 = document.getElementById('external-step2');
  const fields = { server: document.getElementById('server-fields'), token: null,
    external: document.getElementById('external-fields'), remote: document.getElementById('remote-fields') };
  const method = () => form.elements.method.value;
  form.querySelectorAll('input[name=method]').forEach(radio => radio.addEventListener('change', () => {
    Object.entries(fields).forEach(([name, node]) => { if (node) { node.hidden = name !== method(); } });
  }));

  form.addEventListener('submit', event => {
    event.preventDefault();
    Sohoa.clearError(form);
    const copies = Number(form.elements.copies.value);
    if (!Number.isInteger(copies) || copies < 1 || copies > 50) {
      Sohoa.showError(form, new Sohoa.Problem({ field: 'copies', detail: '1–50', detailVi: '1–50' }));
      return;
    }
    const requester = Sohoa.person(form, 'requester');
    document.getElementById('confirm-text').textContent = Sohoa.t('confirmCertify', copies, panel.dataset.title,
      panel.dataset.pages, requester && requester.fullName ? requester.fullName : '–');
    dialog.showModal();
    document.getElementById('confirm-no').focus();
  });
  document.getElementById('confirm-no').addEventListener('click', () => dialog.close());
  document.getElementById('confirm-yes').addEventListener('click', async () => {
    dialog.close();
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const requester = Sohoa.person(form, 'requester');
      if (method() === 'server') {
        issued(await Sohoa.api('POST', panel.dataset.certifyUrl + '?copies=' + Number(form.elements.copies.value),
          { requester, signingPin: form.elements.signingPin.value }));
        form.elements.signingPin.value = '';
      } else if (method() === 'token') {
        issued(await signWithToken(panel, requester));
      } else if (method() === 'remote') {
        issued(await Sohoa.api('POST', panel.dataset.remoteUrl,
          { requester, credentialId: form.elements.credentialId.value.trim(), pin: form.elements.pin.value }));
        form.elements.pin.value = '';
      } else {
        const session = await Sohoa.api('POST', panel.dataset.externalUrl,
          { requester, certificateChain: pemCertificates(form.elements.chain.value) });
        document.getElementById('data-to-sign').value = session.dataToSign;
        step2.hidden = false;
        step2.dataset.completeUrl = Sohoa.contextPath() + session.completeUrl;
        document.getElementById('signature-value').focus();
        return;
      }
    } catch (problem) {
      Sohoa.showError(form, problem);
    } finally {
      submit.disabled = false;
    }
  });
  document.getElementById('complete-external').addEventListener('click', async () => {
    Sohoa.clearError(step2);
    const value = document.getElementById('signature-value').value.replace(/\s+/g, '');
    const body = isCms(value) ? { cms: value } : { signatureValue: value };
    try {
      issued(await Sohoa.api('POST', step2.dataset.completeUrl, body));
      step2.hidden = true;
    } catch (problem) {
      Sohoa.showError(step2, problem);
    }
  });
}

/**
 * Whether a token's Base64 answer is a CMS SignedData rather than a bare PKCS#1 signature value: a DER SEQUENCE whose
 * declared length is exactly the rest of the bytes. A signature value is random-looking bytes of the key's size, which
 * matches that by chance about once in four billion times.
 */
function isCms(base64) {
  let bytes;
  try {
    bytes = atob(base64);
  } catch (notBase64) {
    return false; // the service names the problem
  }
  if (bytes.length < 4 || bytes.charCodeAt(0) !== 0x30) { return false; }
  const first = bytes.charCodeAt(1);
  if (first < 0x80) { return first + 2 === bytes.length; }
  const count = first & 0x7f;
  if (count < 1 || count > 4 || bytes.length < 2 + count) { return false; }
  let length = 0;
  for (let i = 0; i < count; i++) { length = length * 256 + bytes.charCodeAt(2 + i); }
  return length + 2 + count === bytes.length;
}

function pemCertificates(text) {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (!blocks) {
    return text.trim() ? [text.replace(/\s+/g, '')] : [];
  }
  return blocks.map(block => block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''));
}

/** Shows the copies just made, with their download and verification links. */
function issued(certification) {
  const base = Sohoa.contextPath();
  const result = document.getElementById('certified-result');
  result.textContent = Sohoa.t('certified', certification.registerNumber, certification.book);
  result.hidden = false;
  const list = document.getElementById('copies-list');
  (certification.copies || [certification]).forEach(copy => {
    const li = document.createElement('li');
    li.appendChild(document.createTextNode(Sohoa.t('copyNumber') + ' ' + copy.registerNumber + ' · ' + copy.book
      + ' · ' + Sohoa.formatDate(copy.certifiedAt) + ' · '));
    const download = document.createElement('a');
    download.href = base + copy.pdfUrl;
    download.textContent = Sohoa.t('download');
    download.className = 'copy-download';
    li.appendChild(download);
    li.appendChild(document.createTextNode(' · '));
    const receipt = document.createElement('a');
    receipt.href = base + '/api/v1/certified-copies/' + copy.id + '/receipt.pdf';
    receipt.textContent = Sohoa.t('receipt');
    receipt.className = 'copy-receipt';
    li.appendChild(receipt);
    if (copy.verificationUrl) {
      li.appendChild(document.createTextNode(' · '));
      const verify = document.createElement('a');
      verify.href = base + copy.verificationUrl;
      verify.textContent = Sohoa.t('verify');
      li.appendChild(verify);
    }
    list.appendChild(li);
  });
  document.getElementById('copies-panel').hidden = false;
  result.focus();
}

/** The paper's details read from it, confirmed or corrected by the clerk (what was proposed is recorded beside). */
function setUpIdentity(form) {
  const saved = document.getElementById('identity-saved');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    Sohoa.clearError(form);
    saved.textContent = '';
    const value = name => form.elements[name].value.trim() || null;
    try {
      await Sohoa.api('PUT', form.dataset.url,
        { paperType: value('paperType'), citizenId: value('citizenId'), validUntil: value('validUntil') });
      saved.textContent = Sohoa.t('saved');
    } catch (problem) {
      Sohoa.showError(form, problem);
    }
  });
}
