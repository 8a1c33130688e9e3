const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const secretClient = Toolbelt.SecretClient();
  const httpClient = Toolbelt.HTTPClient();
  const email = input.payload.email;

  secretClient
    .readSecret("crm-api-token")
    .then(({ value }) =>
      httpClient("https://api.example.com/crm/v1/contacts/search", {
        method: "POST",
        headers: { Authorization: "Bearer " + value },
        body: { email: email },
        json: true,
      })
    )
    .then((result) => {
      const contact = result.contacts[0];
      callback(null, { contactId: contact.id, tier: contact.tier });
    })
    .catch((err) => {
      console.error(err);
      callback(err, null);
    });
}
