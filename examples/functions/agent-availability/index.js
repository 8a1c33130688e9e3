const { Toolbelt } = require("lp-faas-toolbelt");

// Tells the bot whether agents of a skill are online before it offers a transfer.
function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const secretClient = Toolbelt.SecretClient();
  const skillId = Number(input.payload.skillId);

  secretClient.readSecret("agent-api-bearer")
    .then(function (secret) {
      return httpClient("https://va.agentvep.liveperson.net/api/account/" + process.env.BRAND_ID + "/configuration/le-users/users?v=4.0", {
        method: "GET",
        headers: { Authorization: "Bearer " + secret.value },
        json: true
      });
    })
    .then(function (users) {
      var available = users.filter(function (u) {
        return u.isEnabled && u.skillIds.indexOf(skillId) !== -1;
      });
      callback(null, { available: available.length > 0, agents: available.length });
    })
    .catch(function (err) {
      callback(err, null);
    });
}
