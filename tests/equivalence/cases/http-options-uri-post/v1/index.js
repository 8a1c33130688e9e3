const { Toolbelt } = require('lp-faas-toolbelt');

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  try {
    const created = await httpClient({
      uri: 'https://api.example.com/bookings',
      method: 'POST',
      json: true,
      body: {
        customer: input.payload.customer,
        slot: input.payload.slot,
        partySize: Number(input.payload.partySize),
      },
    });
    return callback(null, { bookingId: created.bookingId, confirmed: created.confirmed });
  } catch (err) {
    return callback(err, null);
  }
}
