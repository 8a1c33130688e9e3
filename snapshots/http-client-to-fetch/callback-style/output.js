const { Toolbelt } = require("lp-faas-toolbelt");

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = "StatusCodeError";
    this.statusCode = statusCode;
    this.error = body;
  }
}

// V2 has no HTTPClient (request-promise): this makes a request as it did, with fetch, for calls
// whose options are only known when they run or that pass request's callback.
async function requestPromise(uri, options, callback) {
  if (typeof options === "function") [options, callback] = [undefined, options];
  const params = typeof uri === "string" ? { ...options, uri } : { ...uri, ...options };
  if (callback) {
    return requestPromise({ ...params, simple: false, resolveWithFullResponse: true }).then(
      (response) => callback(null, response, response.body),
      (error) => callback(error),
    );
  }
  const known = ["uri", "url", "baseUrl", "method", "headers", "body", "json", "qs", "form", "timeout", "simple", "resolveWithFullResponse"];
  const unknown = Object.keys(params).find((key) => params[key] !== undefined && !known.includes(key));
  if (unknown) throw new Error(`request option "${unknown}" is not supported over fetch`);
  const { baseUrl, qs, json, form, timeout } = params;
  let url = params.uri ?? params.url;
  if (baseUrl) url = url === "" ? baseUrl : `${baseUrl.replace(/\/$/, "")}/${url.replace(/^\//, "")}`;
  const query = new URLSearchParams(qs ?? {}).toString();
  if (query) url += (url.includes("?") ? "&" : "?") + query;
  const headers = { ...params.headers };
  const has = (name) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  const credentials = /^([a-z][a-z\d+.-]*:\/\/)([^/?#\\]*)@/i.exec(url);
  if (credentials) {
    url = credentials[1] + url.slice(credentials[0].length);
    const user = decodeURIComponent(credentials[2]);
    if (user && !has("authorization")) {
      headers.authorization = `Basic ${Buffer.from(user.includes(":") ? user : `${user}:`).toString("base64")}`;
    }
  }
  let body = form ? new URLSearchParams(form) : params.body;
  if (json) {
    if (typeof json !== "boolean") body = json;
    if (body !== undefined && !form) {
      body = JSON.stringify(body);
      if (!has("content-type")) headers["content-type"] = "application/json";
    }
    if (!has("accept")) headers.accept = "application/json";
  }
  const response = await fetch(url, {
    method: params.method?.toUpperCase(),
    headers,
    body,
    signal: timeout ? AbortSignal.timeout(timeout) : undefined,
  });
  const data = json ? await readJson(response) : await response.text();
  if (params.simple !== false && !response.ok) throw new StatusCodeError(response.status, data);
  if (!params.resolveWithFullResponse) return data;
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: data };
}

// TODO(faas-migrate): V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `httpClient` marked below call `fetch` [http-client-to-fetch]
const httpClient = Toolbelt.HTTPClient();

function onSaved(err, response, body) {
  console.info(err ? err.message : response.statusCode + " " + body);
}

function lambda(input, callback) {
  requestPromise("https://forms.example.com/leads", { form: { email: input.payload.email }, method: "POST" }, (err, response, body) => {
    if (err) {
      return callback(err);
    }
    callback(null, { status: response.statusCode, body });
  });
  const options = { uri: "https://forms.example.com/audit", json: true, body: { seen: true } };
  requestPromise(options, function (err, response) {
    console.info(err || response.statusCode);
  });
  requestPromise("https://forms.example.com/saved", { method: "PUT" }, onSaved);
  requestPromise("https://forms.example.com/ping", (err) => console.info(err));
  notify(input.payload.done);
}

function notify(done) {
  // TODO(faas-migrate): the second argument may be request options or a callback, and which is not known here: rewrite this call with `fetch` by hand [http-client-to-fetch]
  httpClient.get("https://forms.example.com/notify", done);
}
