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

async function lambda(input, callback) {
  const { ticketId } = input.payload;
  const response = await fetch(`https://api.example.com/tickets/${ticketId}`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const ticket = await readJson(response);
  const addedResponse = await fetch(`https://api.example.com/tickets/${ticketId}/comments`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ text: input.payload.comment }),
  });
  if (!addedResponse.ok) throw new StatusCodeError(addedResponse.status, await readJson(addedResponse));
  const added = await readJson(addedResponse);
  const response2 = await fetch(`https://api.example.com/tickets/${ticketId}`, { method: "PUT", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ status: "pending" }) });
  if (!response2.ok) throw new StatusCodeError(response2.status, await readJson(response2));
  const response3 = await fetch(`https://api.example.com/tickets/${ticketId}`, { method: "PATCH", body: "x" });
  if (!response3.ok) throw new StatusCodeError(response3.status, await response3.text());
  const response4 = await fetch(`https://api.example.com/tickets/${ticketId}/lock`, { method: "DELETE" });
  if (!response4.ok) throw new StatusCodeError(response4.status, await response4.text());
  await fetch(`https://api.example.com/tickets/${ticketId}/draft`, { method: "DELETE" });
  callback(null, { status: ticket.status, commentId: added.id });
}
