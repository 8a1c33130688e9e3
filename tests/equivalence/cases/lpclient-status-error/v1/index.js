const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  const accountId = process.env.BRAND_ID;

  lpClient(LpServices.MSG_HIST, `/messaging_history/api/account/${accountId}/conversations/consumer/search`, {
    method: "POST",
    json: true,
    body: { consumer: input.payload.consumerId, status: ["OPEN", "CLOSE"] },
  })
    .then((data) => callback(null, { conversations: data._metadata.count }))
    .catch((err) => {
      // msgHist answers 400 for unknown consumers
      if (err.statusCode === 400) {
        return callback(null, { conversations: 0, note: err.error.message });
      }
      callback(err, null);
    });
}
