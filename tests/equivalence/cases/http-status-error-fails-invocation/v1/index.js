const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const secretClient = Toolbelt.SecretClient();

  try {
    const token = await secretClient.readSecret("payments-token");
    const refund = await httpClient(`https://api.example.com/payments/v2/refunds`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token.value}` },
      json: true,
      body: { orderId: input.payload.orderId, amount: input.payload.amount },
    });
    callback(null, { refundId: refund.id });
  } catch (err) {
    callback(err, null);
  }
}
