const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

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

function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/1/conversations/consumer/search", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ consumer: input.payload.consumerId }),
  }).then(async (response) => {
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    return readJson(response);
  })
    .then((data) => callback(null, { conversations: data._metadata.count }))
    .catch((err) => {
      if (err.statusCode === 400) {
        return callback(null, { conversations: 0, note: err.error.message });
      }
      callback(err, null);
    });
}
