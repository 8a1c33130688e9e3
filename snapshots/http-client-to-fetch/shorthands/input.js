const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const { ticketId } = input.payload;
  const ticket = await httpClient.get(`https://api.example.com/tickets/${ticketId}`, { json: true });
  const added = await httpClient.post(`https://api.example.com/tickets/${ticketId}/comments`, {
    json: true,
    body: { text: input.payload.comment },
  });
  await httpClient.put(`https://api.example.com/tickets/${ticketId}`, { json: true, body: { status: "pending" } });
  await httpClient.patch(`https://api.example.com/tickets/${ticketId}`, { method: "GET", body: "x" });
  await httpClient.del(`https://api.example.com/tickets/${ticketId}/lock`);
  await httpClient.delete(`https://api.example.com/tickets/${ticketId}/draft`, { simple: false });
  callback(null, { status: ticket.status, commentId: added.id });
}
