const { Toolbelt } = require('lp-faas-toolbelt');

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const created = await httpClient({
    uri: 'https://api.example.com/bookings',
    method: 'POST',
    json: true,
    body: {
      customer: input.payload.customer,
      partySize: Number(input.payload.partySize),
    },
  });
  const profile = await httpClient({ url: `https://api.example.com/profiles/${created.customer}`, json: true });
  const { body } = input.payload;
  const echo = await httpClient({ uri: 'https://api.example.com/echo', method: 'POST', json: true, body });
  callback(null, { id: created.id, locale: profile.locale, echo });
}
