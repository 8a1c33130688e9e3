const { Toolbelt } = require('lp-faas-toolbelt');

function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const requestOptions = {
    uri: 'https://api.example.com/notifications/sms',
    method: 'POST',
    body: {
      to: input.payload.phone,
      text: 'Your agent is ready: ' + input.payload.link,
    },
    json: true,
    simple: false,
  };

  httpClient(requestOptions)
    .then((res) => callback(null, { queued: res.status === 'queued', id: res.messageId }))
    .catch((err) => callback(err));
}
