async function lambda(input) {
  const secretClient = Toolbelt.SecretClient();
  const email = input.payload.email;

  try {
    const { value } = await secretClient.readSecret("crm-api-token");
    const result = await lookup(email, value);
    // the first contact wins
    const contact = result.contacts[0];
    return { contactId: contact.id, tier: contact.tier };
  } catch (err) {
    console.error(err);
    throw err;
  }
}
