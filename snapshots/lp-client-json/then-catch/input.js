const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/1/conversations/consumer/search", {
    method: "POST",
    json: true,
    body: { consumer: input.payload.consumerId },
  })
    .then((data) => callback(null, { conversations: data._metadata.count }))
    .catch((err) => {
      if (err.statusCode === 400) {
        return callback(null, { conversations: 0, note: err.error.message });
      }
      callback(err, null);
    });
}
