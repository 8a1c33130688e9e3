function lambda(input, callback) {
  const secretClient = Toolbelt.SecretClient();
  const email = input.payload.email;

  secretClient
    .readSecret("crm-api-token")
    .then(({ value }) =>
      lookup(email, value)
    )
    .then((result) => {
      // the first contact wins
      const contact = result.contacts[0];
      callback(null, { contactId: contact.id, tier: contact.tier });
    })
    .catch((err) => {
      console.error(err);
      callback(err, null);
    });
}
