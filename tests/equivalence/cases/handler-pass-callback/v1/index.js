const { Toolbelt } = require('lp-faas-toolbelt');

function lambda(input, callback) {
  doWork(input, callback);
}

function doWork(input, cb) {
  const httpClient = Toolbelt.HTTPClient();
  const ticket = {
    subject: 'Chat follow-up',
    conversationId: input.payload.conversationId,
    priority: input.payload.priority || 'normal',
  };
  httpClient('https://api.example.com/helpdesk/tickets', {
    method: 'POST',
    body: ticket,
    json: true,
  }).then(
    (created) => cb(null, { ticketId: created.id }),
    (err) => cb(err, null)
  );
}
