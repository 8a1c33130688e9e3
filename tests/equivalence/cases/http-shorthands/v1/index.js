const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const { ticketId, comment } = input.payload;

  const ticket = await httpClient.get(`https://api.example.com/helpdesk/tickets/${ticketId}`, { json: true });
  if (ticket.status === "closed") {
    return callback(null, { updated: false, status: ticket.status });
  }

  const added = await httpClient.post(`https://api.example.com/helpdesk/tickets/${ticketId}/comments`, {
    json: true,
    body: { text: comment, public: false },
  });
  await httpClient.put(`https://api.example.com/helpdesk/tickets/${ticketId}`, {
    json: true,
    body: { status: "pending" },
  });

  callback(null, { updated: true, commentId: added.id });
}
