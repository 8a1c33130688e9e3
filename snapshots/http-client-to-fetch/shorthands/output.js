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
  const ticketsResponse = await fetch(`https://api.example.com/tickets/${ticketId}`, { method: "PUT", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ status: "pending" }) });
  if (!ticketsResponse.ok) throw new StatusCodeError(ticketsResponse.status, await readJson(ticketsResponse));
  const res = await fetch(`https://api.example.com/tickets/${ticketId}`, { method: "PATCH", body: "x" });
  if (!res.ok) throw new StatusCodeError(res.status, await res.text());
  const lockResponse = await fetch(`https://api.example.com/tickets/${ticketId}/lock`, { method: "DELETE" });
  if (!lockResponse.ok) throw new StatusCodeError(lockResponse.status, await lockResponse.text());
  await fetch(`https://api.example.com/tickets/${ticketId}/draft`, { method: "DELETE" });
  callback(null, { status: ticket.status, commentId: added.id });
}
