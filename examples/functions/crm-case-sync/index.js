const { Toolbelt } = require("lp-faas-toolbelt");

// Secrets rarely change, so keep them for the lifetime of the instance.
var secretCache = {};

function getSecret(name) {
  if (secretCache[name] !== undefined) {
    return Promise.resolve(secretCache[name]);
  }
  var secretClient = Toolbelt.SecretClient();
  return secretClient.readSecret(name).then(function (secret) {
    secretCache[name] = secret.value;
    return secret.value;
  });
}

function refreshAccessToken(httpClient) {
  var secretClient = Toolbelt.SecretClient();
  return getSecret("crm-client-credentials")
    .then(function (raw) {
      var creds = JSON.parse(raw);
      return httpClient("https://api.example.com/crm/oauth/token", {
        method: "POST",
        form: { grant_type: "client_credentials", client_id: creds.id, client_secret: creds.secret },
      });
    })
    .then(function (body) {
      var token = JSON.parse(body).access_token;
      return secretClient.updateSecret({ key: "crm-access-token", value: token }).then(function () {
        return token;
      });
    });
}

// Creates a CRM case for every conversation that ends unresolved.
function lambda(input, callback) {
  var httpClient = Toolbelt.HTTPClient();
  var conversation = input.payload.general;

  refreshAccessToken(httpClient)
    .then(function (token) {
      return httpClient("https://api.example.com/crm/cases", {
        method: "POST",
        headers: { Authorization: "Bearer " + token },
        body: { subject: "Chat " + conversation.conversationId, origin: "LivePerson" },
        json: true,
      });
    })
    .then(function (created) {
      callback(null, { caseId: created.id });
    })
    .catch(function (err) {
      callback(err, null);
    });
}
