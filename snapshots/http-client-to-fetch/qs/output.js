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

const API = 'https://api.example.com/stores';

async function lambda(input, callback) {
  const response = await fetch(`${API}/nearby?${new URLSearchParams({ radius: 25, open: true, unit: 'km', label: 'r-' + input.payload.radius })}`, {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const near = await readJson(response);
  const searchResponse = await fetch(`https://api.example.com/search?v=2&${new URLSearchParams({
      q: input.payload.question,
      limit: 3,
    })}`);
  if (!searchResponse.ok) throw new StatusCodeError(searchResponse.status, await searchResponse.text());
  const search = await searchResponse.text();
  const anyResponse = await fetch(`${input.payload.url}?${new URLSearchParams({ id: 7 })}`);
  if (!anyResponse.ok) throw new StatusCodeError(anyResponse.status, await anyResponse.text());
  const any = await anyResponse.text();
  callback(null, { near, search, any });
}
