function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const httpClient = Toolbelt.HTTPClient();
  const reply = { messages: [] };

  async function loadOrder(id) {
    return httpClient({ method: "GET", uri: `https://api.example.com/v1/orders/${id}`, json: true });
  }

  // Load the order, then answer.
  (async function () {
    try {
      const order = await loadOrder(input.payload.orderId);
      reply.messages.push(`Order ${order.id} is ${order.status}`);
      callback(null, reply);
    } catch (err) {
      callback(err);
    }
  })();
}
