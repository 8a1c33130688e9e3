const { Toolbelt } = require('lp-faas-toolbelt');

let cachedToken = null;

async function getToken() {
  if (cachedToken) {
    return cachedToken;
  }
  const secretClient = Toolbelt.SecretClient();
  const httpClient = Toolbelt.HTTPClient();
  const creds = JSON.parse((await secretClient.readSecret('erp-credentials')).value);

  const res = await httpClient('https://api.example.com/auth/login', {
    method: 'POST',
    json: true,
    body: { user: creds.user, password: creds.password },
  });
  cachedToken = res.token;
  return cachedToken;
}

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  try {
    const token = await getToken();
    const stock = await httpClient(`https://api.example.com/erp/stock/${input.payload.sku}`, {
      headers: { Authorization: `Bearer ${token}` },
      json: true,
    });
    const tokenAgain = await getToken();
    callback(null, { sku: input.payload.sku, quantity: stock.quantity, reused: tokenAgain === token });
  } catch (e) {
    callback(e, null);
  }
}
