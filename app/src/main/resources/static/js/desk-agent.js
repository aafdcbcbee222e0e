// The certifier's USB token through sohoa-signer, the desk agent on this computer (127.0.0.1): pairing, the token's
// certificate enrolled for the certifier, and signatures of prepared digests, one or a batch with one PIN entry.
// Used by the paper's page (one copy) and the queue (several papers in one pass).
'use strict';

const DeskAgent = (() => {

  /**
   * The agent's JSON answer, or its refusal as a problem to show: the user said no, the PIN was wrong or the token is
   * locked, no token is plugged in — each with its own message, the agent's own words otherwise.
   */
  async function call(request) {
    const answer = await request;
    const body = await answer.json();
    if (!answer.ok) {
      const known = { REFUSED_BY_USER: 'tokenRefusedByUser', WRONG_PIN: 'tokenWrongPin', TOKEN_ABSENT: 'tokenAbsent' };
      const text = known[body.error] ? Sohoa.t(known[body.error]) : Sohoa.t('tokenRefused', body.detail || body.error);
      throw new Sohoa.Problem({ status: answer.status, detail: text, detailVi: text, agentError: body.error });
    }
    return body;
  }

  /**
   * Pairs with the agent at agentUrl and finds the token's certificate enrolled for the certifier (enrolledUrl lists
   * the enrolled ones); says so when the agent does not answer (with downloadUrl) or no enrolled certificate is there.
   */
  async function connect(agentUrl, downloadUrl, enrolledUrl) {
    let pairing;
    try {
      const answer = await fetch(agentUrl + '/v1/pair', { method: 'POST' });
      pairing = answer.ok ? (await answer.json()).pairingToken : null;
    } catch (unreachable) {
      pairing = null;
    }
    if (!pairing) {
      const text = Sohoa.t('agentMissing', downloadUrl);
      throw new Sohoa.Problem({ status: 0, detail: text, detailVi: text });
    }
    const auth = { Authorization: 'Bearer ' + pairing };
    const onToken = await call(fetch(agentUrl + '/v1/certificates', { headers: auth }));
    const enrolled = (await Sohoa.api('GET', enrolledUrl)).map(c => c.fingerprint);
    const certificate = onToken.find(c => enrolled.includes(c.fingerprint));
    if (!certificate) {
      const text = Sohoa.t('tokenNotEnrolled');
      throw new Sohoa.Problem({ status: 0, field: 'method', detail: text, detailVi: text });
    }
    const post = (path, body) => call(fetch(agentUrl + path, {
      method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, auth), body: JSON.stringify(body)
    }));
    const item = (session, paper) => ({ fingerprint: certificate.fingerprint, digest: session.digest, summary: {
      dossierCode: paper.dossierCode, paperTitle: paper.title, registerNumber: session.registerNumber,
      pageCount: Number(paper.pages), documentSha256: session.digest } });
    return {
      certificate,
      /** The signature value of one prepared session (Sohoa's step 1 answer) for paper {dossierCode, title, pages}. */
      sign: async (session, paper) => (await post('/v1/sign', item(session, paper))).signatureValue,
      /** The signature values of several prepared sessions, shown to the certifier as one list and answered once. */
      signBatch: async (sessions, papers) => (await post('/v1/sign-batch',
        { items: sessions.map((session, i) => item(session, papers[i])) })).signatures.map(s => s.signatureValue)
    };
  }

  /**
   * Records a prepared session that was not signed as cancelled: its number is void at once, with why — the
   * certifier said no at the token (DECLINED), or the signature could not be made (SIGNING_FAILED).
   */
  function cancel(session, problem) {
    const reason = problem && problem.problem && problem.problem.agentError === 'REFUSED_BY_USER'
      ? 'DECLINED' : 'SIGNING_FAILED';
    return Sohoa.api('DELETE', Sohoa.contextPath() + '/api/v1/signing-sessions/' + session.sessionId
      + '?reason=' + reason).catch(() => null);
  }

  /** Sohoa's step 2: the signature value completes the copy. */
  function complete(session, signatureValue) {
    return Sohoa.api('POST', Sohoa.contextPath() + session.completeUrl, { signatureValue });
  }

  return { connect, cancel, complete };
})();
