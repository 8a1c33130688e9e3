const { Toolbelt } = require('lp-faas-toolbelt');

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();

  try {
    const res = await httpClient(`https://api.example.com/audit/accounts/${process.env.BRAND_ID}/events`, {
      method: 'POST',
      headers: {
        'X-Function-Id': process.env.LAMBDA_UUID,
        'X-Account-Id': process.env['BRAND_ID'],
      },
      json: true,
      body: { event: input.payload.event, user: input.payload.user },
    });
    callback(null, { auditId: res.id });
  } catch (e) {
    callback(e, null);
  }
}
