const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

// Tells the consumer where their order is.
async function lambda(input, callback) {
  const { orderId } = input.payload;
  if (!orderId) {
    return callback(null, { found: false, reason: 'no order id' });
  }

  const order = await httpClient(`https://api.example.com/v1/orders/${orderId}`, {
    method: 'GET',
    json: true,
    simple: false,
  });

  if (order && order.status === 'SHIPPED') {
    return callback(null, {
      found: true,
      message: `Your order ${orderId} shipped on ${order.shippedOn}`,
    });
  } else if (order && order.status) {
    return callback(null, { found: true, message: 'Your order is being prepared' });
  } else {
    return callback(null, { found: false, reason: 'unknown order' });
  }
}
