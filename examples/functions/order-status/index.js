const { Toolbelt } = require('lp-faas-toolbelt');

// Order status lookup used by the bot's "Where is my order?" dialog.
async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const { orderNumber } = input.payload;

  if (!orderNumber) {
    return callback(null, { text: 'Please tell me your order number.' });
  }

  try {
    const response = await httpClient(`${process.env.ORDER_API_URL}/orders/${orderNumber}`, {
      method: 'GET',
      json: true,
      simple: false,
      resolveWithFullResponse: true,
      headers: { 'X-Client': 'liveperson-bot' },
    });

    if (response.statusCode === 404) {
      return callback(null, { text: `I could not find order ${orderNumber}.` });
    }
    if (response.statusCode !== 200) {
      return callback(new Error(`order service answered ${response.statusCode}`), null);
    }

    const order = response.body;
    callback(null, {
      text: `Order ${orderNumber} is ${order.status.toLowerCase()}.`,
      eta: order.estimatedDelivery || null,
    });
  } catch (err) {
    callback(err, null);
  }
}
