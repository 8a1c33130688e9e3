const { Toolbelt } = require('lp-faas-toolbelt');

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = 'StatusCodeError';
    this.statusCode = statusCode;
    this.error = body;
  }
}

async function lambda(input, callback) {
  const response = await fetch('https://api.example.com/bookings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      customer: input.payload.customer,
      partySize: Number(input.payload.partySize),
    }),
  });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const created = await readJson(response);
  const profileResponse = await fetch(`https://api.example.com/profiles/${created.customer}`, { headers: { Accept: 'application/json' } });
  if (!profileResponse.ok) throw new StatusCodeError(profileResponse.status, await readJson(profileResponse));
  const profile = await readJson(profileResponse);
  const { body } = input.payload;
  const echoResponse = await fetch('https://api.example.com/echo', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  if (!echoResponse.ok) throw new StatusCodeError(echoResponse.status, await readJson(echoResponse));
  const echo = await readJson(echoResponse);
  callback(null, { id: created.id, locale: profile.locale, echo });
}
